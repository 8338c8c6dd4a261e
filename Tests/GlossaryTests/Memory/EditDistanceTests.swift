import Testing

@testable import Glossary

@Suite struct EditDistanceTests {
    private func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    /// The textbook dynamic program, the reference for the bit-parallel version.
    private func referenceDistance(_ a: [UInt32], _ b: [UInt32]) -> Int {
        var previous = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            previous = current
        }
        return previous[b.count]
    }

    @Test(arguments: [
        ("kitten", "sitting", 3),
        ("", "", 0),
        ("", "abc", 3),
        ("abc", "", 3),
        ("flaw", "lawn", 2),
        ("안녕하세요", "안녕하십니까", 3),
        ("번역 메모리", "번역메모리", 1),
        ("파일을 열 수 없습니다", "파일을 저장할 수 없습니다", 3),
        ("Save 파일", "save 파일", 1),
    ])
    func knownPairs(_ a: String, _ b: String, _ expected: Int) {
        #expect(EditDistance.levenshtein(scalars(a), scalars(b)) == expected)
        #expect(EditDistance.levenshtein(scalars(b), scalars(a)) == expected)
        #expect(EditDistance.levenshtein(scalars(a), scalars(b), limit: expected) == expected)
        #expect(EditDistance.levenshtein(scalars(a), scalars(b), limit: expected - 1) == nil)
    }

    @Test func negativeLimitAnswersNil() {
        #expect(EditDistance.levenshtein([], [], limit: -1) == nil)
    }

    /// Random pairs across the single-block (≤ 64) and multi-block (> 64, > 128) sizes, close and unrelated.
    @Test func matchesTheDynamicProgram() {
        var generator = SplitMixGenerator(seed: 0x5EED)
        let alphabet: [UInt32] = Array(0x61...0x66) + [0xAC00, 0xB098, 0xB2E4, 0x20]
        for round in 0..<240 {
            let length = [0, 1, 5, 30, 63, 64, 65, 100, 128, 129, 190][round % 11] + Int.random(in: 0...3, using: &generator)
            let a = (0..<length).map { _ in alphabet.randomElement(using: &generator) ?? 0 }
            let b =
                round % 2 == 0
                ? mutated(a, edits: Int.random(in: 0...12, using: &generator), alphabet: alphabet, using: &generator)
                : (0..<Int.random(in: 0...150, using: &generator)).map { _ in alphabet.randomElement(using: &generator) ?? 0 }
            let expected = referenceDistance(a, b)
            #expect(EditDistance.levenshtein(a, b) == expected, "lengths \(a.count), \(b.count)")
            let limit = Int.random(in: 0...(expected + 3), using: &generator)
            #expect(EditDistance.levenshtein(a, b, limit: limit) == (expected <= limit ? expected : nil))
        }
    }

    /// ASCII text read as bytes (the fuzzy index's path for English keys) gives the distance the scalars give, in one
    /// block and in several, with a query that holds non-ASCII scalars too.
    @Test func asciiBytesMatchTheDynamicProgram() {
        var generator = SplitMixGenerator(seed: 0xA5C1)
        let asciiAlphabet: [UInt32] = Array(0x61...0x68) + [0x20, 0x7F, 0x00]
        for round in 0..<200 {
            let length = [1, 5, 30, 63, 64, 65, 130][round % 7] + Int.random(in: 0...3, using: &generator)
            var pattern = (0..<length).map { _ in asciiAlphabet.randomElement(using: &generator) ?? 0x61 }
            if round % 5 == 0 { pattern[0] = 0xAC00 }
            let text =
                round % 2 == 0
                ? mutated(pattern, edits: Int.random(in: 0...10, using: &generator), alphabet: asciiAlphabet, using: &generator)
                    .map { $0 < 0x80 ? $0 : 0x62 }
                : (0..<Int.random(in: 0...140, using: &generator)).map { _ in asciiAlphabet.randomElement(using: &generator) ?? 0 }
            let expected = referenceDistance(pattern, text)
            let limit = Int.random(in: 0...(expected + 3), using: &generator)
            let bytes = text.map { UInt8($0) }
            let found = bytes.withUnsafeBufferPointer { BitParallelPattern(pattern).distance(toASCII: $0, limit: limit) }
            #expect(found == (expected <= limit ? expected : nil), "lengths \(pattern.count), \(text.count), limit \(limit)")
        }
    }

    /// Many 64-row blocks, and a cutoff far below the true distance.
    @Test func longPatterns() {
        var generator = SplitMixGenerator(seed: 77)
        let a = (0..<3_000).map { _ in UInt32.random(in: 0xAC00...0xAC40, using: &generator) }
        var b = a
        for position in stride(from: 7, to: 3_000, by: 100) { b[position] = 0x41 }  // 30 substitutions
        b.insert(0x42, at: 1_500)
        #expect(EditDistance.levenshtein(a, b) == 31)
        #expect(EditDistance.levenshtein(a, b, limit: 31) == 31)
        #expect(EditDistance.levenshtein(a, b, limit: 30) == nil)
        #expect(EditDistance.levenshtein(a, Array(a.reversed()), limit: 10) == nil)
    }
}

/// Applies `edits` random substitutions, insertions and deletions.
func mutated(_ text: [UInt32], edits: Int, alphabet: [UInt32], using generator: inout SplitMixGenerator) -> [UInt32] {
    var result = text
    for _ in 0..<edits {
        let symbol = alphabet.randomElement(using: &generator) ?? 0x61
        switch Int.random(in: 0..<3, using: &generator) {
        case 0 where !result.isEmpty: result[Int.random(in: 0..<result.count, using: &generator)] = symbol
        case 1 where !result.isEmpty: result.remove(at: Int.random(in: 0..<result.count, using: &generator))
        default: result.insert(symbol, at: Int.random(in: 0...result.count, using: &generator))
        }
    }
    return result
}

/// SplitMix64: reproducible random tests.
struct SplitMixGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
