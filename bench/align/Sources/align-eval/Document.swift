import Foundation

/// One align-dev document: the raw texts, the gold sentences and the gold beads.
struct Document: Sendable {
    let id: String
    let koText: String
    let enText: String
    let koGold: [String]
    let enGold: [String]
    let goldBeads: [(ko: [Int], en: [Int])]

    /// Reads `NNN.ko.txt`, `NNN.en.txt`, `NNN.ko.sents`, `NNN.en.sents` and `NNN.gold.tsv`.
    static func load(id: String, from folder: URL) throws -> Document {
        func read(_ suffix: String) throws -> String {
            try String(contentsOf: folder.appendingPathComponent("\(id).\(suffix)"), encoding: .utf8)
        }
        func lines(_ text: String) -> [String] {
            text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
        }
        func indices(_ field: Substring) -> [Int] { field.split(separator: ",").compactMap { Int($0) } }
        let beads = lines(try read("gold.tsv")).map { line -> (ko: [Int], en: [Int]) in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            return (indices(fields[0]), fields.count > 1 ? indices(fields[1]) : [])
        }
        return Document(
            id: id, koText: try read("ko.txt"), enText: try read("en.txt"), koGold: lines(try read("ko.sents")),
            enGold: lines(try read("en.sents")), goldBeads: beads)
    }

    /// The documents in `folder`, by number.
    static func loadAll(from folder: URL) throws -> [Document] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        let ids = names.filter { $0.hasSuffix(".gold.tsv") }.map { String($0.dropLast(".gold.tsv".count)) }.sorted()
        return try ids.map { try load(id: $0, from: folder) }
    }

    /// Documents joined end to end (paragraph break between them), with gold indices shifted.
    static func concatenated(_ documents: [Document], id: String) -> Document {
        var koText = ""
        var enText = ""
        var koGold: [String] = []
        var enGold: [String] = []
        var beads: [(ko: [Int], en: [Int])] = []
        for document in documents {
            if !koText.isEmpty {
                koText += "\n\n"
                enText += "\n\n"
            }
            let (koShift, enShift) = (koGold.count, enGold.count)
            koText += document.koText.trimmingCharacters(in: .whitespacesAndNewlines)
            enText += document.enText.trimmingCharacters(in: .whitespacesAndNewlines)
            koGold += document.koGold
            enGold += document.enGold
            beads += document.goldBeads.map { ($0.ko.map { $0 + koShift }, $0.en.map { $0 + enShift }) }
        }
        return Document(id: id, koText: koText, enText: enText, koGold: koGold, enGold: enGold, goldBeads: beads)
    }
}

/// UTF-16 ranges of `pieces` found in order in `text` (each piece appears verbatim, only white space between).
func offsets(of pieces: [String], in text: String) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    var cursor = text.startIndex
    var cursorOffset = 0
    for piece in pieces {
        guard let found = text.range(of: piece, range: cursor..<text.endIndex) else {
            ranges.append(cursorOffset..<cursorOffset)
            continue
        }
        let start = cursorOffset + text.utf16.distance(from: cursor, to: found.lowerBound)
        let end = start + text.utf16.distance(from: found.lowerBound, to: found.upperBound)
        ranges.append(start..<end)
        cursor = found.upperBound
        cursorOffset = end
    }
    return ranges
}
