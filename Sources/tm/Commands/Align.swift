import ArgumentParser
import Foundation
import Glossary

struct Align: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Align a Korean text with its English version, sentence by sentence.",
        discussion: """
            Prints one bead per line, ko<TAB>en (a side's sentences joined by a space; a side is empty for a sentence \
            with no counterpart). --add puts the pairs of confident beads into the memory, with the file names as \
            origin. --batch DIR aligns every NAME.ko.txt with its NAME.en.txt.
            """
    )

    @OptionGroup var memory: MemoryOptions

    @Flag(help: "Print JSON: {\"ko_sentences\",\"en_sentences\",\"beads\":[{\"ko\",\"en\",\"confidence\",\"flagged\"}]} (one object per document).")
    var json = false

    @Flag(help: "Add the aligned pairs to the memory (flagged beads only with --include-flagged).")
    var add = false

    @Flag(help: "With --add, also add flagged (low-confidence) beads.")
    var includeFlagged = false

    @Option(help: "Beads below this confidence (0–1) are flagged for review.")
    var minConfidence = 0.5

    @Option(help: "Align every NAME.ko.txt / NAME.en.txt pair in this folder.")
    var batch: String?

    @Argument(help: "The Korean text file.")
    var koFile: String?

    @Argument(help: "The English text file.")
    var enFile: String?

    func validate() throws {
        if batch == nil, koFile == nil || enFile == nil { throw ValidationError("give KO_FILE and EN_FILE, or --batch DIR") }
        if batch != nil, koFile != nil { throw ValidationError("give either KO_FILE EN_FILE or --batch DIR, not both") }
    }

    func run() throws {
        let memory = try self.memory.open()
        let store = try self.memory.store.open()
        let aligner = try DocumentAligner(glossary: TermGlossary(store: store), memory: memory)
        let output = StandardOutput()
        for (name, ko, en) in try documents() {
            let alignment = try aligner.align(
                korean: try InputText.read(path: ko), english: try InputText.read(path: en), minConfidence: minConfidence)
            var added: Int?
            if add {
                added = try aligner.add(alignment, to: memory, origin: name, includeFlagged: includeFlagged).filter(\.created).count
            }
            if json {
                output.line(try JSONLines.encode(alignment))
            } else {
                if batch != nil { output.line("# \(name)") }
                for bead in alignment.beads {
                    let ko = bead.ko.map { alignment.koSentences[$0] }.joined(separator: " ")
                    let en = bead.en.map { alignment.enSentences[$0] }.joined(separator: " ")
                    output.line("\(ko)\t\(en)")
                }
            }
            if let added {
                let flagged = alignment.beads.filter(\.flagged).count
                FileHandle.standardError.write(Data("\(name): \(alignment.beads.count) beads, \(flagged) flagged, \(added) pairs added\n".utf8))
            }
        }
        output.flush()
    }

    /// (origin, Korean file, English file) for each document to align.
    private func documents() throws -> [(String, String, String)] {
        guard let batch else {
            let ko = koFile ?? ""
            let en = enFile ?? ""
            return [("\((ko as NSString).lastPathComponent)+\((en as NSString).lastPathComponent)", ko, en)]
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: batch) else { throw TMError.notFound("the folder \(batch)") }
        let pairs = names.filter { $0.hasSuffix(".ko.txt") }.sorted().compactMap { name -> (String, String, String)? in
            let stem = String(name.dropLast(".ko.txt".count))
            let english = "\(stem).en.txt"
            guard names.contains(english) else { return nil }
            return (stem, (batch as NSString).appendingPathComponent(name), (batch as NSString).appendingPathComponent(english))
        }
        guard !pairs.isEmpty else { throw TMError.notFound("NAME.ko.txt / NAME.en.txt pairs in \(batch)") }
        return pairs
    }
}
