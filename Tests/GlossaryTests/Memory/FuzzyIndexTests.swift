import Foundation
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

    /// Enough entries that one length window spans several counting chunks (32,768 slots each), in the base and in a
    /// delta too large for one chunk.
    @Test func staysExactAcrossCountingChunks() {
        var generator = SplitMixGenerator(seed: 0xC4A1)
        let keys = Self.randomEntries(count: 110_000, korean: false, using: &generator)
        var index = FuzzyIndex(gramLength: 3)
        index.add(contentsOf: keys.prefix(70_000).enumerated().map { (id: Int64($0.offset), key: Self.string($0.element), recency: 0) })
        for id in 70_000..<keys.count { index.add(id: Int64(id), key: Self.string(keys[id]), recency: 1) }
        #expect(index.baseCount == 70_000)
        #expect(index.ids.count - index.baseCount > ChunkCounter.chunkSlots)
        #expect(index.baseSlots(ofLengths: 20...60).count > ChunkCounter.chunkSlots)
        expectSameAsBruteForce(index, keys: keys, korean: false, queries: 40, using: &generator)
    }

    /// Breaking grams: each edit breaks the q grams that cover one scalar, and a repeated gram breaks only when every
    /// occurrence does.
    @Test func editsToBreakStabTheGramsPositions() {
        let grams = QueryGrams("abcdefghij".unicodeScalars.map(\.value), gramLength: 3)  // abc bcd … hij: 8 grams
        func gram(_ text: String) -> Int {
            let key = GramKeys.firstOccurrenceKeys(text.unicodeScalars.map(\.value), gramLength: 3)[0]
            return grams.grams.firstIndex { grams.keys[$0.firstKey] == key } ?? -1
        }
        #expect(grams.keys.count == 8)
        #expect(grams.editsToBreak([gram("abc"), gram("bcd"), gram("cde")]) == 1)  // all three cover "c"
        #expect(grams.editsToBreak([gram("abc"), gram("def")]) == 2)  // no scalar in both
        #expect(grams.editsToBreak(grams.grams.indices) == 3)  // ⌈8 / 3⌉
        let repeated = QueryGrams("abcxabc".unicodeScalars.map(\.value), gramLength: 3)
        let abc = repeated.grams.firstIndex { $0.positions == [0, 4] }
        #expect(abc != nil)
        #expect(repeated.editsToBreak(abc.map { [$0] } ?? []) == 2)
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

/// The index written to a snapshot file and read back (`FuzzyIndex+Snapshot.swift`).
@Suite struct FuzzyIndexSnapshotTests {
    private static let alphabet = Array("파일을열수없습니다저장번역메모리 ".unicodeScalars)

    private static func randomKey(using generator: inout SplitMixGenerator) -> String {
        String(
            String.UnicodeScalarView((0..<Int.random(in: 1...30, using: &generator)).map { _ in alphabet.randomElement(using: &generator) ?? " " }))
    }

    /// A base, a delta, dead slots, and ids the flat id table cannot hold (0, negative, huge).
    private static func mixedIndex(using generator: inout SplitMixGenerator) -> (FuzzyIndex, [Int64: String]) {
        var index = FuzzyIndex(gramLength: 2)
        var keys: [Int64: String] = [:]
        let base = (1...800).map { (id: Int64($0), key: randomKey(using: &generator), recency: Double($0 % 7)) }
        index.add(contentsOf: base)
        for entry in base { keys[entry.id] = entry.key }
        for id in [0, -5, 9_000_000_000, 801, 802, 803] as [Int64] {
            let key = randomKey(using: &generator)
            index.add(id: id, key: key, recency: 3)
            keys[id] = key
        }
        for id in stride(from: 3, to: 800, by: 37) as StrideTo<Int64> {
            index.remove(id: id)
            keys[id] = nil
        }
        return (index, keys)
    }

    private static func written(_ index: FuzzyIndex) throws -> [UInt8] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tm-snapshot-\(UUID().uuidString)").path
        defer { unlink(path) }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var writer = SnapshotFile.Writer(descriptor: descriptor)
        try index.write(to: &writer)
        try writer.flush()
        close(descriptor)
        return try #require(FileManager.default.contents(atPath: path).map(Array.init))
    }

    private static func read(_ bytes: [UInt8]) throws -> FuzzyIndex {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tm-snapshot-\(UUID().uuidString)").path
        defer { unlink(path) }
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        let descriptor = open(path, O_RDONLY)
        defer { close(descriptor) }
        var reader = SnapshotFile.Reader(descriptor: descriptor, size: bytes.count)
        return try FuzzyIndex(snapshot: &reader)
    }

    @Test func readsBackTheSameIndexDeltaAndDeadSlotsIncluded() throws {
        var generator = SplitMixGenerator(seed: 99)
        let (index, keys) = Self.mixedIndex(using: &generator)
        var copy = try Self.read(try Self.written(index))
        #expect(copy.count == index.count && copy.count == keys.count)
        for (id, key) in keys { #expect(copy.entry(id: id)?.key == key) }
        for _ in 0..<200 {
            let query = Self.randomKey(using: &generator)
            #expect(copy.search(query, minScore: 60, limit: 10) == index.search(query, minScore: 60, limit: 10))
            #expect(copy.search(query, minScore: 60, limit: 10) == copy.bruteForceSearch(query, minScore: 60, limit: 10))
        }
        // It goes on like the original: the rebuilt delta and id table take adds and removes.
        copy.add(id: 804, key: "저장 번역", recency: 9)
        copy.remove(id: 9_000_000_000)
        #expect(copy.search("저장 번역", minScore: 100, limit: 1).map(\.id) == [804])
        #expect(copy.entry(id: 9_000_000_000) == nil && copy.count == keys.count)
    }

    /// Truncated or altered files are refused or read as a sound index: never a crash or an out-of-bounds read.
    @Test func aDamagedSnapshotIsRefusedNotTrusted() throws {
        var generator = SplitMixGenerator(seed: 7)
        let (index, _) = Self.mixedIndex(using: &generator)
        let bytes = try Self.written(index)
        for length in [0, 7, 8, 100, bytes.count / 3, bytes.count / 2, bytes.count - 1] {
            #expect(throws: SnapshotFile.Damaged.self) { try Self.read(Array(bytes.prefix(length))) }
        }
        var refused = 0
        for _ in 0..<300 {
            var damaged = bytes
            let position = Int.random(in: 0..<damaged.count, using: &generator)
            damaged[position] ^= UInt8.random(in: 1...255, using: &generator)
            guard let read = try? Self.read(damaged) else {
                refused += 1
                continue
            }
            for _ in 0..<3 {
                let query = Self.randomKey(using: &generator)
                _ = read.search(query, minScore: 50, limit: 5)
                _ = read.ids(containing: query, limit: 5)
            }
        }
        #expect(refused > 0)
    }

    /// A key's bytes damaged where the check reads eight ASCII bytes at a time, or inside a Hangul sequence, are
    /// refused; the undamaged file reads back.
    @Test func aDamagedKeyIsRefusedInsideASCIIAndInsideHangul() throws {
        var index = FuzzyIndex(gramLength: 3)
        let ascii = "cannot open the translation memory file"
        let hangul = "번역 메모리 파일을 열 수 없습니다"
        index.add(contentsOf: [(id: 1, key: ascii, recency: 0), (id: 2, key: hangul, recency: 0)])
        let bytes = try Self.written(index)
        #expect(try Self.read(bytes).entry(id: 1)?.key == ascii)
        func offset(of text: String) throws -> Int {
            let needle = Array(text.utf8)
            return try #require((0...(bytes.count - needle.count)).first { Array(bytes[$0..<($0 + needle.count)]) == needle })
        }
        let asciiStart = try offset(of: ascii)
        let hangulStart = try offset(of: hangul)
        for (position, value) in [
            (asciiStart + 13, 0x80), (asciiStart + 9, 0xC3), (asciiStart + 30, 0xFF), (hangulStart + 1, 0x41), (hangulStart, 0x80),
        ]
            as [(Int, UInt8)]
        {
            var damaged = bytes
            damaged[position] = value
            #expect(throws: SnapshotFile.Damaged.self, "byte \(position - asciiStart) set to \(value)") { try Self.read(damaged) }
        }
    }

    /// A table made for the ids to come holds them in its flat array from the start, and still takes any other id.
    @Test func theIDTableCanBeSizedForTheIDsToCome() {
        var table = SlotTable(sizedFor: (1...4_000).map { Int64($0) } + [5_000])
        #expect(table.dense.count == 5_001 && table.count == 0)
        for id in stride(from: 5_000, through: 1, by: -1) as StrideThrough<Int64> { table.set(id, slot: Int(5_000 - id)) }
        #expect(table.dense.count == 5_001 && table.sparse.isEmpty && table.count == 5_000 && table[1] == 4_999 && table[5_000] == 0)
        #expect(table.set(-3, slot: 7) == nil && table[-3] == 7 && table.count == 5_001)
        let sparse = SlotTable(sizedFor: [1, 2, 9_000_000_000])
        #expect(sparse.dense.isEmpty, "ids far past the entries stay out of the flat array")
    }

    @Test func theIDTableKeepsDenseSparseAndNegativeIDs() {
        var table = SlotTable()
        for id in 1...1_000 as ClosedRange<Int64> { table.set(id, slot: Int(id) * 2) }
        #expect(table.set(5_000_000_000, slot: 1) == nil && table.set(-1, slot: 2) == nil && table.set(0, slot: 3) == nil)
        #expect(table.count == 1_003 && table[500] == 1_000 && table[5_000_000_000] == 1 && table[-1] == 2 && table[0] == 3)
        #expect(table.set(500, slot: 7) == 1_000 && table.count == 1_003)
        #expect(table.remove(500) == 7 && table[500] == nil && table.remove(500) == nil && table.count == 1_002)
        #expect(table.remove(5_000_000_000) == 1 && table.count == 1_001 && table[1_001] == nil)
        #expect(table.dense.count < 4_096, "a huge id does not stretch the flat array")
    }
}
