import Testing

@testable import Glossary

@Suite struct FuzzyIndexTests {
    /// Few syllables and words, so that random keys share grams and near matches occur at every score.
    private static let syllables: [UInt32] = "파일을열수없습니다저장번역메모리".unicodeScalars.map(\.value)
    private static let words = ["file", "open", "save", "cannot", "the", "memory", "translation", "error", "not", "found"]

    private static func koreanKey(using generator: inout SplitMixGenerator) -> [UInt32] {
        let wordCount = Int.random(in: 1...12, using: &generator)
        var key: [UInt32] = []
        for index in 0..<wordCount {
            if index > 0 { key.append(0x20) }
            key += (0..<Int.random(in: 1...4, using: &generator)).map { _ in syllables.randomElement(using: &generator) ?? 0xAC00 }
        }
        return key
    }

    private static func englishKey(using generator: inout SplitMixGenerator) -> [UInt32] {
        let wordCount = Int.random(in: 1...10, using: &generator)
        let text = (0..<wordCount).map { _ in words.randomElement(using: &generator) ?? "file" }.joined(separator: " ")
        return text.unicodeScalars.map(\.value)
    }

    private static func string(_ scalars: [UInt32]) -> String {
        String(String.UnicodeScalarView(scalars.compactMap(Unicode.Scalar.init)))
    }

    /// Random entries, a third of them copies or light edits of earlier ones (duplicates, ties, near matches).
    private static func randomEntries(count: Int, korean: Bool, using generator: inout SplitMixGenerator) -> [[UInt32]] {
        var keys: [[UInt32]] = []
        let alphabet = korean ? syllables + [0x20] : Array("abcdefilmnorst ".unicodeScalars.map(\.value))
        for _ in 0..<count {
            if let earlier = keys.randomElement(using: &generator), Int.random(in: 0..<3, using: &generator) == 0 {
                keys.append(mutated(earlier, edits: Int.random(in: 0...3, using: &generator), alphabet: alphabet, using: &generator))
            } else {
                keys.append(korean ? koreanKey(using: &generator) : englishKey(using: &generator))
            }
        }
        return keys
    }

    /// Queries: stored keys with 0–5 edits, unrelated keys, and short prefixes.
    private static func randomQuery(from keys: [[UInt32]], korean: Bool, using generator: inout SplitMixGenerator) -> [UInt32] {
        let alphabet = korean ? syllables + [0x20] : Array("abcdefilmnorst ".unicodeScalars.map(\.value))
        let source = keys.randomElement(using: &generator) ?? []
        switch Int.random(in: 0..<10, using: &generator) {
        case 0..<6: return mutated(source, edits: Int.random(in: 0...5, using: &generator), alphabet: alphabet, using: &generator)
        case 6..<8: return korean ? koreanKey(using: &generator) : englishKey(using: &generator)
        default: return Array(source.prefix(Int.random(in: 0...6, using: &generator)))
        }
    }

    private func expectSameAsBruteForce(
        _ index: FuzzyIndex, keys: [[UInt32]], korean: Bool, queries: Int, using generator: inout SplitMixGenerator
    ) {
        var answered = 0
        for round in 0..<queries {
            let query = Self.string(Self.randomQuery(from: keys, korean: korean, using: &generator))
            let minScore = [50, 75, 90, 100, 75, 60][round % 6]
            let limit = [5, 1, 20, 3][round % 4]
            let expected = index.bruteForceSearch(query, minScore: minScore, limit: limit)
            let found = index.search(query, minScore: minScore, limit: limit)
            #expect(found == expected, "query \(query.debugDescription) min \(minScore) limit \(limit)")
            if !expected.isEmpty { answered += 1 }
        }
        // The comparison only means something if most queries have matches to lose.
        #expect(answered * 2 > queries)
    }

    @Test(arguments: [(true, 2), (false, 3), (false, 2), (true, 1)])
    func searchEqualsBruteForce(korean: Bool, gramLength: Int) {
        var generator = SplitMixGenerator(seed: UInt64(gramLength) * 31 + (korean ? 1 : 0))
        let keys = Self.randomEntries(count: 1_200, korean: korean, using: &generator)
        var index = FuzzyIndex(gramLength: gramLength)
        index.add(
            contentsOf: keys.enumerated().map {
                (id: Int64($0.offset), key: Self.string($0.element), recency: Double(Int.random(in: 0..<50, using: &generator)))
            })
        #expect(index.count == keys.count)
        expectSameAsBruteForce(index, keys: keys, korean: korean, queries: 700, using: &generator)
    }

    /// Single adds (delta postings), removals and updates (dead slots), then a compaction: exact all along.
    @Test(arguments: [true, false])
    func staysExactThroughAddsRemovesAndUpdates(korean: Bool) {
        var generator = SplitMixGenerator(seed: korean ? 11 : 12)
        var keys = Self.randomEntries(count: 1_000, korean: korean, using: &generator)
        var index = FuzzyIndex(gramLength: korean ? 2 : 3)
        index.add(contentsOf: keys.prefix(700).enumerated().map { (id: Int64($0.offset), key: Self.string($0.element), recency: 0) })
        for id in 700..<keys.count { index.add(id: Int64(id), key: Self.string(keys[id]), recency: Double(id)) }
        var live = Set(0..<keys.count)
        for _ in 0..<150 {
            let id = Int.random(in: 0..<keys.count, using: &generator)
            index.remove(id: Int64(id))
            live.remove(id)
        }
        for _ in 0..<150 {
            let id = Int.random(in: 0..<keys.count, using: &generator)
            keys[id] = korean ? Self.koreanKey(using: &generator) : Self.englishKey(using: &generator)
            index.add(id: Int64(id), key: Self.string(keys[id]), recency: 5)
            live.insert(id)
        }
        #expect(index.count == live.count)
        let liveKeys = live.sorted().map { keys[$0] }
        expectSameAsBruteForce(index, keys: liveKeys, korean: korean, queries: 300, using: &generator)
        index.compact()
        #expect(index.count == live.count)
        expectSameAsBruteForce(index, keys: liveKeys, korean: korean, queries: 200, using: &generator)

        let removedID = live.sorted()[0]
        index.remove(id: Int64(removedID))
        #expect(!index.search(Self.string(keys[removedID]), minScore: 0, limit: 2_000).contains { $0.id == Int64(removedID) })
    }

    @Test func tiesGoToTheMoreRecentThenTheLowerID() {
        var index = FuzzyIndex(gramLength: 2)
        index.add(id: 5, key: "파일을 열 수 없습니다", recency: 1)
        index.add(id: 3, key: "파일을 열 수 없습니다", recency: 2)
        index.add(id: 4, key: "파일을 열 수 없습니다", recency: 2)
        index.add(id: 9, key: "파일을 열 수 없습니다.", recency: 100)
        let found = index.search("파일을 열 수 없습니다", minScore: 75, limit: 5)
        #expect(found.map(\.id) == [3, 4, 5, 9])
        #expect(found.map(\.distance) == [0, 0, 0, 1])
        #expect(found[0].score == 100)
        #expect(found == index.bruteForceSearch("파일을 열 수 없습니다", minScore: 75, limit: 5))
        #expect(index.search("파일을 열 수 없습니다", minScore: 75, limit: 2).map(\.id) == [3, 4])
    }

    @Test func scoreIsExactAtTheThreshold() {
        var index = FuzzyIndex(gramLength: 3)
        index.add(id: 1, key: "abcd", recency: 0)
        index.add(id: 2, key: "abcdefgh", recency: 0)
        // One edit in four scalars scores exactly 75, two in five exactly 60: the threshold is inclusive and exact.
        #expect(index.search("abce", minScore: 75) == [FuzzyMatch(id: 1, distance: 1, score: 75)])
        #expect(index.search("abcdefg", minScore: 75).map(\.id) == [2])
        #expect(index.search("abcxy", minScore: 61).isEmpty)
        #expect(index.search("abcxy", minScore: 60) == [FuzzyMatch(id: 1, distance: 2, score: 60)])
    }

    @Test func edgeCases() {
        var index = FuzzyIndex(gramLength: 2)
        index.add(id: 1, key: "", recency: 0)
        index.add(id: 2, key: "가", recency: 0)
        index.add(id: 3, key: "file 파일 open", recency: 0)
        index.add(id: 4, key: "file 파일 open", recency: 0)
        #expect(index.search("", minScore: 75) == [FuzzyMatch(id: 1, distance: 0, score: 100)])
        #expect(index.search("", minScore: 0, limit: 10).map(\.id) == [1, 2, 3, 4])
        #expect(index.search("가", minScore: 0, limit: 10) == index.bruteForceSearch("가", minScore: 0, limit: 10))
        #expect(index.search("file 파일 opem", limit: 0).isEmpty)
        #expect(index.search("file 파일 opem").map(\.id) == [3, 4])
        #expect(index.search("file 파일 opem", minScore: 200).isEmpty)  // clamped to 100: only identical keys
        #expect(index.search("file 파일 open", minScore: -5, limit: 10) == index.bruteForceSearch("file 파일 open", minScore: 0, limit: 10))
        index.remove(id: 3)
        index.remove(id: 42)
        #expect(index.count == 3)
        #expect(index.search("file 파일 opem").map(\.id) == [4])
        #expect(FuzzyIndex(gramLength: 3).search("anything").isEmpty)
    }

    /// Keys of 10,000 scalars: many-block verification, and a query of more grams than most lists.
    @Test func veryLongKeys() {
        var generator = SplitMixGenerator(seed: 99)
        let alphabet = Array(UInt32(0xAC00)...UInt32(0xAC60)) + Array(UInt32(0x61)...UInt32(0x7A))
        let long = (0..<10_000).map { _ in alphabet.randomElement(using: &generator) ?? 0x61 }
        var index = FuzzyIndex(gramLength: 2)
        index.add(id: 1, key: Self.string(long), recency: 0)
        index.add(id: 2, key: Self.string(mutated(long, edits: 900, alphabet: alphabet, using: &generator)), recency: 0)
        index.add(id: 3, key: "짧은 키", recency: 0)
        let query = Self.string(mutated(long, edits: 200, alphabet: alphabet, using: &generator))
        let found = index.search(query, minScore: 75, limit: 5)
        #expect(found == index.bruteForceSearch(query, minScore: 75, limit: 5))
        #expect(found.first?.id == 1)
        #expect(found.first.map { $0.distance <= 200 } == true)
    }
}
