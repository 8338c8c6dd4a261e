import Testing
@testable import Glossary

@Suite("Romanization golden vectors")
struct GoldenVectorTests {
    static let niklExamples = RomanizationVector.revised.filter { $0.isNIKLExample && knownDataErrors[$0.hangul] == nil }

    @Test("every official NIKL example is romanized as printed", arguments: niklExamples)
    func officialExample(_ vector: RomanizationVector) {
        #expect(vector.expected.contains(vector.romanized(system: .rr)))
    }

    @Test func fixturesAreBundled() {
        #expect(RomanizationVector.revised.count > 250)
        #expect(RomanizationVector.mccuneReischauer.count > 40)
        #expect(GoldenVectorTests.niklExamples.count > 100)
    }

    @Test func revisedRomanizationAccuracyAtLeast98Percent() {
        let accuracy = Self.report("rr.tsv", RomanizationVector.revised, system: .rr)
        #expect(accuracy >= 0.98)
    }

    @Test func mccuneReischauerAccuracyAtLeast95Percent() {
        let accuracy = Self.report("mr.tsv", RomanizationVector.mccuneReischauer, system: .mr)
        #expect(accuracy >= 0.95)
    }

    /// Prints exact and case-insensitive accuracy per rule family, and the misses; returns exact accuracy.
    static func report(_ name: String, _ vectors: [RomanizationVector], system: RomanizationSystem) -> Double {
        var families: [String: (total: Int, exact: Int, folded: Int)] = [:]
        var exact = 0
        var preferred = 0
        for vector in vectors {
            let output = vector.romanized(system: system)
            let isExact = vector.expected.contains(output)
            let isFolded = vector.expected.contains { $0.lowercased() == output.lowercased() }
            var family = families[vector.family, default: (0, 0, 0)]
            family.total += 1
            if isExact { family.exact += 1; exact += 1 }
            if isFolded { family.folded += 1 }
            if output == vector.expected.first { preferred += 1 }
            families[vector.family] = family
            if !isExact { print("miss \(name): \(vector.hangul) → \(output), expected \(vector.expected.joined(separator: "|"))") }
        }
        let total = max(vectors.count, 1)
        print("\(name): exact \(percent(exact, total)), exact on preferred \(percent(preferred, total)) of \(vectors.count)")
        for (name, family) in families.sorted(by: { $0.key < $1.key }) {
            let familyExact = percent(family.exact, family.total)
            print("  \(name): \(family.total) rows, exact \(familyExact), case-insensitive \(percent(family.folded, family.total))")
        }
        return Double(exact) / Double(total)
    }

    static func percent(_ part: Int, _ whole: Int) -> String {
        let tenths = (part * 1000 + whole / 2) / max(whole, 1)
        return "\(tenths / 10).\(tenths % 10)%"
    }

    /// The table's pronunciation against the bracketed standard pronunciations in the `rule` column, ignoring
    /// tensification (never written in RR), the [ㅣ] reading of ㅢ (RR keeps ui) and aspiration in nouns (RR 3-1.4 proviso:
    /// 북한산 [부칸산] is written Bukhansan), which `standardPronunciation` leaves out because RR does not write them.
    @Test func pronunciationMatchesBracketedStandardPronunciation() {
        let unwritten = ["ui_kept", "transliteration", "aspiration_not_written"]
        for vector in RomanizationVector.revised where !unwritten.contains(where: vector.rule.hasPrefix) {
            guard let open = vector.rule.firstIndex(of: "["), let close = vector.rule.firstIndex(of: "]"), open < close else { continue }
            let bracket = Hangul.syllables(String(vector.rule[vector.rule.index(after: open)..<close]))
            let ours = Hangul.syllables(Pronunciation.standardPronunciation(vector.hangul))
            guard bracket.count == ours.count else { continue }
            for (theirs, mine) in zip(bracket, ours) {
                let tensedOnly = Self.tenseOf[mine.lead] == theirs.lead
                let same = theirs.vowel == mine.vowel && theirs.tail == mine.tail && (theirs.lead == mine.lead || tensedOnly)
                #expect(same, "\(vector.hangul): [\(Hangul.string(bracket))] vs ours [\(Hangul.string(ours))]")
            }
        }
    }

    /// Plain lead → tense lead (ㄱ→ㄲ, ㄷ→ㄸ, ㅂ→ㅃ, ㅅ→ㅆ, ㅈ→ㅉ).
    static let tenseOf: [UInt8: UInt8] = [0: 1, 3: 4, 7: 8, 9: 10, 12: 13]
}
