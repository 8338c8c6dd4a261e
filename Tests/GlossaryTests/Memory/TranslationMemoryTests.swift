import Foundation
import Testing

@testable import Glossary

@Suite struct TranslationMemoryTests {
    private func emptyMemory() throws -> TranslationMemory {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tm-memory-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return try TranslationMemory(store: SQLiteStore(path: folder.appendingPathComponent("tm.sqlite").path))
    }

    /// The sample news pairs (CC BY-SA 3.0; see samples/README.md), imported into a new memory.
    private func sampleMemory() throws -> TranslationMemory {
        let memory = try emptyMemory()
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../samples/news-sample.tsv")
        let report = try memory.importFile(.file(url), format: .tsv, origin: "sample", skipBad: false)
        #expect(report.added == 455)
        return memory
    }

    /// A pair is its text after NFC and white-space normalization: stray spaces and decomposed Hangul are the same
    /// pair; letter case and quotes make another (issue #14: "Resolving issues" and "Resolving Issues" are two pairs).
    @Test func aPairIsStoredOnce() throws {
        let memory = try emptyMemory()
        let first = try memory.add([SegmentInput(ko: "김정은이 러시아를 방문한다.", en: "Kim Jong-un visits Russia.", origin: "a")])
        let again = try memory.add([SegmentInput(ko: " 김정은이  러시아를 방문한다. ", en: "Kim Jong-un  visits Russia. ", origin: "b")])
        #expect(first[0].created)
        #expect(!again[0].created)
        #expect(again[0].segment.id == first[0].segment.id)
        #expect(again[0].segment.updatedAt >= first[0].segment.updatedAt)
        let shouted = try memory.add([SegmentInput(ko: "김정은이 러시아를 방문한다.", en: "KIM JONG-UN VISITS RUSSIA.", origin: "c")])
        let quoted = try memory.add([SegmentInput(ko: "김정은이 러시아를 방문한다.", en: "Kim Jong-un visits Russia’s east.", origin: "d")])
        _ = try memory.add([SegmentInput(ko: "김정은이 러시아를 방문한다.", en: "Kim Jong-un visits Russia's east.", origin: "e")])
        #expect(shouted[0].created && quoted[0].created)
        #expect(try memory.stats().segments == 4)
    }

    /// 100 is the same text; a pair equal by match key but not by text (case, quotes, spacing) scores 99, below it.
    @Test func aCaseOnlyDifferenceScores99() throws {
        let memory = try emptyMemory()
        _ = try memory.add([
            SegmentInput(ko: "문제 해결", en: "Resolving issues", origin: "a"), SegmentInput(ko: "문제 해결", en: "Resolving Issues", origin: "b"),
        ])
        let found = try memory.search("Resolving issues", from: .en).matches
        #expect(found.map(\.en) == ["Resolving issues", "Resolving Issues"])
        #expect(found.map(\.score) == [100, 99])
        let capital = try memory.search("Resolving Issues", from: .en).matches
        #expect(capital.map(\.en) == ["Resolving Issues", "Resolving issues"] && capital.map(\.score) == [100, 99])
        #expect(try memory.search("resolving issues", from: .en, minScore: 100).matches.isEmpty)
    }

    /// The index ranks a case variant of a long query first (its key is the query's), but the memory scores it 99,
    /// below a pair one letter away (99.5): with room for one match, the search looks further and returns that pair.
    @Test func aDemotedCaseVariantGivesWayWithOneMatchAsked() throws {
        let memory = try emptyMemory()
        let sentence =
            "The delegation said on Tuesday that the talks in Pyongyang had covered food aid, the return of "
            + "separated families and the reopening of the joint industrial zone, and that a second round would follow in May."
        #expect(sentence.count > 200)
        let variant = sentence.uppercased()
        let oneLetterAway = sentence.replacingOccurrences(of: "May.", with: "Mai.")
        _ = try memory.add([SegmentInput(ko: "대표단이 밝혔다.", en: variant), SegmentInput(ko: "대표단이 말했다.", en: oneLetterAway)])
        let top = try memory.search(sentence, from: .en, limit: 1).matches
        #expect(top.map(\.en) == [oneLetterAway])
        #expect(top.first.map { $0.score > 99 && $0.score < 100 } == true)
        #expect(try memory.search(sentence, from: .en, limit: 2).matches.map(\.en) == [oneLetterAway, variant])
    }

    @Test func getUpdateDelete() throws {
        let memory = try emptyMemory()
        let id = try memory.add([SegmentInput(ko: "평양", en: "Pyongyang")])[0].segment.id
        #expect(try memory.segment(id: id).en == "Pyongyang")
        let updated = try memory.update(id: id, with: SegmentInput(ko: "평양에서", en: "in Pyongyang", origin: "edit"))
        #expect(updated.origin == "edit")
        #expect(try memory.search("in Pyongyang", minScore: 100).matches.map(\.id) == [id])
        #expect(try memory.search("Pyongyang", minScore: 100).matches.isEmpty, "the index forgot the old text")
        try memory.remove(id: id)
        #expect(throws: TMError.notFound("segment \(id)")) { try memory.segment(id: id) }
        #expect(try memory.search("in Pyongyang", minScore: 50).matches.isEmpty)
    }

    @Test func sidesAreCheckedAndABadBatchStoresNothing() throws {
        let memory = try emptyMemory()
        #expect(throws: TMError.invalidInput(field: "en", message: "the en side is empty")) {
            try memory.add([SegmentInput(ko: "가", en: "  ")])
        }
        let long = String(repeating: "가", count: 10_001)
        #expect(throws: TMError.invalidInput(field: "[1].ko", message: "the ko side is longer than 10000 characters")) {
            try memory.add([SegmentInput(ko: "나", en: "b"), SegmentInput(ko: long, en: "a")])
        }
        #expect(try memory.stats().segments == 0)
    }

    /// The search returns exactly what a scan of every pair returns: same pairs, same scores, same order.
    @Test func searchEqualsABruteForceScan() throws {
        let memory = try sampleMemory()
        var pairs: [Segment] = []
        for id in 1...455 { pairs.append(try memory.segment(id: Int64(id))) }
        var random = SystemRandomNumberGenerator()
        var queries: [(String, Language)] = []
        for index in stride(from: 0, to: pairs.count, by: 3) {
            for side in Language.allCases {
                var scalars = Array((side == .ko ? pairs[index].ko : pairs[index].en).unicodeScalars)
                for _ in 0..<Int.random(in: 0...6, using: &random) where !scalars.isEmpty {
                    let at = Int.random(in: 0..<scalars.count, using: &random)
                    if Bool.random(using: &random) { scalars.remove(at: at) } else { scalars[at] = side == .ko ? "가" : "x" }
                }
                queries.append((String(String.UnicodeScalarView(scalars)), side))
            }
        }
        queries.append(("전혀 관계없는 문장입니다", .ko))
        queries.append(("an unrelated sentence altogether", .en))
        let keys: [Language: [[UInt32]]] = [
            .ko: pairs.map { Array(Normalizer.key($0.ko).unicodeScalars.map(\.value)) },
            .en: pairs.map { Array(Normalizer.key($0.en).unicodeScalars.map(\.value)) },
        ]
        var withMatches = 0
        for (query, side) in queries where !query.trimmed.isEmpty {
            for minScore in [60, 75, 90] {
                let found = try memory.search(query, from: side, minScore: minScore, limit: 5).matches
                let expected = bruteForce(query, keys: keys[side] ?? [], pairs: pairs, minScore: minScore, limit: 5)
                #expect(found.map(\.id) == expected.map(\.id), "\(query) at \(minScore)")
                #expect(found.map(\.score) == expected.map(\.score))
                if !found.isEmpty { withMatches += 1 }
            }
        }
        #expect(withMatches > queries.count)
    }

    /// Scores every pair the slow way: the reference the index must equal.
    private func bruteForce(_ query: String, keys: [[UInt32]], pairs: [Segment], minScore: Int, limit: Int) -> [(id: Int64, score: Double)] {
        let key = Array(Normalizer.key(query).unicodeScalars.map(\.value))
        var scored: [(id: Int64, score: Double, recency: Double)] = []
        for (pair, other) in zip(pairs, keys) {
            let longest = max(key.count, other.count)
            let distance = EditDistance.levenshtein(key, other)
            guard 100 * distance <= (100 - minScore) * longest else { continue }
            scored.append((pair.id, Double(100 * (longest - distance)) / Double(longest), pair.updatedAt.timeIntervalSince1970))
        }
        scored.sort { ($0.score, $0.recency, -$0.id) > ($1.score, $1.recency, -$1.id) }
        return scored.prefix(limit).map { ($0.id, $0.score) }
    }

    @Test func tiesAreBrokenByRecency() throws {
        let memory = try emptyMemory()
        let old = try memory.add([SegmentInput(ko: "가나다라", en: "first")])[0].segment.id
        let new = try memory.add([SegmentInput(ko: "가나다마", en: "second")])[0].segment.id
        #expect(try memory.search("가나다바", from: .ko, minScore: 50).matches.map(\.id) == [new, old])
    }

    @Test func searchParametersAreChecked() throws {
        let memory = try emptyMemory()
        #expect(throws: TMError.self) { try memory.search("a", minScore: 101) }
        #expect(throws: TMError.self) { try memory.search("a", limit: 0) }
        #expect(throws: TMError.self) { try memory.search("a", limit: 101) }
        #expect(throws: TMError.self) { try memory.search(" ") }
    }

    @Test func concordanceFindsShortKoreanWordsWithSpans() throws {
        let memory = try sampleMemory()
        for phrase in ["미국", "핵", "핵실험", "Supercomputer", "nuclear tests"] {
            let result = try memory.concordance(phrase, limit: 50)
            #expect(!result.hits.isEmpty, "\(phrase)")
            for hit in result.hits {
                let text = Array((hit.side == .ko ? hit.ko : hit.en).unicodeScalars)
                let span = try #require(hit.spans.first, "\(phrase) in \(hit.id)")
                let found = String(String.UnicodeScalarView(text[span.start..<span.end]))
                #expect(Normalizer.key(found) == Normalizer.key(phrase))
            }
        }
        #expect(try memory.concordance("nuclear tests").side == .en)
        #expect(try memory.concordance("핵").side == .ko)
    }

    @Test func exportThenImportGivesTheSamePairs() async throws {
        let memory = try sampleMemory()
        for format in [MemoryFormat.tmx, .tsv] {
            var text = ""
            try await memory.export(format, pageSize: 100) { text += $0 }
            let copy = try emptyMemory()
            let report = try copy.importFile(.bytes(Array(text.utf8), name: "export"), format: format, origin: "copy", skipBad: false)
            #expect(report.added == 455)
            for id in [1, 200, 455] {
                let original = try memory.segment(id: Int64(id))
                let copied = try copy.segment(id: Int64(id))
                #expect(copied.ko == original.ko && copied.en == original.en)
            }
        }
    }

    @Test func aBadFileImportsNothingUnlessAskedToSkip() throws {
        let memory = try emptyMemory()
        let text = "ko\ten\n가\tA\n나\n다\tC\n"
        #expect {
            try memory.importFile(.bytes(Array(text.utf8), name: "bad.tsv"), format: .tsv, origin: "x", skipBad: false)
        } throws: { error in
            guard case .badFile(let name, let line, _) = error as? TMError else { return false }
            return name == "bad.tsv" && line == 3
        }
        #expect(try memory.stats().segments == 0)
        #expect(try memory.search("A", minScore: 100).matches.isEmpty, "the index holds nothing either")
        let report = try memory.importFile(.bytes(Array(text.utf8), name: "bad.tsv"), format: .tsv, origin: "x", skipBad: true)
        #expect(report.added == 2)
        #expect(report.skipped == 1)
        #expect(try memory.search("C", minScore: 100).matches.first?.ko == "다")
    }
}
