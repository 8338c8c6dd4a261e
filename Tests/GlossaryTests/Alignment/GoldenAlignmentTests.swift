import Foundation
import Testing

@testable import Glossary

/// Aligns the raw texts of the align-dev fixture documents and scores bead F1 the way bench/align does:
/// each predicted sentence maps to the gold sentence it overlaps most, beads sharing a gold sentence merge.
@Suite struct GoldenAlignmentTests {
    struct Fixture {
        let koText: String
        let enText: String
        let koGold: [String]
        let enGold: [String]
        let gold: Set<[Set<Int>]>
    }

    static func fixture(_ id: String) throws -> Fixture {
        func read(_ suffix: String) throws -> String {
            let url = try #require(Bundle.module.url(forResource: "\(id).\(suffix)", withExtension: nil, subdirectory: "Fixtures/align"))
            return try String(contentsOf: url, encoding: .utf8)
        }
        func lines(_ text: String) -> [String] { text.split(separator: "\n").map(String.init) }
        let gold = lines(try read("gold.tsv")).map { line -> [Set<Int>] in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            return fields.prefix(2).map { Set($0.split(separator: ",").compactMap { Int($0) }) } + (fields.count < 2 ? [[]] : [])
        }
        return Fixture(
            koText: try read("ko.txt"), enText: try read("en.txt"), koGold: lines(try read("ko.sents")), enGold: lines(try read("en.sents")),
            gold: Set(gold))
    }

    /// UTF-16 ranges of `pieces`, found in order in `text`.
    static func ranges(_ pieces: [String], in text: String) -> [Range<Int>] {
        var cursor = text.startIndex
        return pieces.map { piece in
            guard let found = text.range(of: piece, range: cursor..<text.endIndex) else { return 0..<0 }
            cursor = found.upperBound
            let start = text.utf16.distance(from: text.startIndex, to: found.lowerBound)
            return start..<start + text.utf16.distance(from: found.lowerBound, to: found.upperBound)
        }
    }

    static func mostOverlapping(_ predicted: [Range<Int>], _ gold: [Range<Int>]) -> [Int?] {
        predicted.map { range in
            let overlaps = gold.map { min(range.upperBound, $0.upperBound) - max(range.lowerBound, $0.lowerBound) }
            guard let best = overlaps.indices.max(by: { overlaps[$0] < overlaps[$1] }), overlaps[best] > 0 else { return nil }
            return best
        }
    }

    /// Predicted beads in gold sentences, merged where they share one (adjacent beads suffice: beads are in order).
    static func mapped(_ alignment: Alignment, _ fixture: Fixture) -> Set<[Set<Int>]> {
        let koMap = mostOverlapping(ranges(alignment.koSentences, in: fixture.koText), ranges(fixture.koGold, in: fixture.koText))
        let enMap = mostOverlapping(ranges(alignment.enSentences, in: fixture.enText), ranges(fixture.enGold, in: fixture.enText))
        var merged: [[Set<Int>]] = []
        for bead in alignment.beads {
            let ko = Set(bead.ko.compactMap { koMap[$0] })
            let en = Set(bead.en.compactMap { enMap[$0] })
            if let last = merged.last, !last[0].isDisjoint(with: ko) || !last[1].isDisjoint(with: en) {
                merged[merged.count - 1] = [last[0].union(ko), last[1].union(en)]
            } else if !ko.isEmpty || !en.isEmpty {
                merged.append([ko, en])
            }
        }
        return Set(merged)
    }

    @Test func beadF1OnFixtureDocumentsFromRawText() throws {
        let aligner = SentenceAligner()
        var (matched, predicted, gold) = (0, 0, 0)
        for id in ["002", "005", "011", "020"] {
            let fixture = try Self.fixture(id)
            let beads = Self.mapped(aligner.align(korean: fixture.koText, english: fixture.enText), fixture)
            matched += beads.intersection(fixture.gold).count
            predicted += beads.count
            gold += fixture.gold.count
        }
        let precision = Double(matched) / Double(predicted)
        let recall = Double(matched) / Double(gold)
        let f1 = 2 * precision * recall / (precision + recall)
        #expect(gold > 60)
        #expect(f1 >= 0.9, "bead F1 \(f1) (P \(precision), R \(recall))")
    }
}
