import Testing

@testable import Glossary

/// The sound-change tables are data a linguist edits; a letter that is not a jamo of its kind, or a table of the wrong
/// length, must be reported rather than quietly leave a rule out.
@Suite("Romanization tables")
struct RuleTableTests {
    @Test func bundledPronunciationTablesHaveNoUnknownLetters() {
        #expect(CompiledPronunciation.shared.problems == [])
    }

    @Test func aRowWithAnUnknownLetterIsReportedNotSkipped() {
        let table = CompiledPronunciation(
            rules: [.init("ㄱx", "ㄴ", coda: "ㅇ", "SPR 18"), .init("ㄷ", "ㅏ", coda: "ㄴ", "bad onset")],
            neutralization: [("ㄱ", "ㄱ", "SPR 9")],
            insertionVowels: "ㅣㄱ", lateralInsertionCodas: "ㄹ")
        #expect(table.problems.count == 3)
        #expect(table.problems.contains { $0.hasPrefix("SPR 18: x") })
        #expect(table.problems.contains { $0.hasPrefix("bad onset: ㅏ") })
        #expect(table.problems.contains { $0.contains("ㄱ is not a vowel") })
        // The good letters of the row still apply.
        #expect(table.change(.anywhere, coda: Tail.giyeok, onset: Lead.nieun)?.coda == Tail.ieung)
    }

    @Test func insertionVowelsAndLateralCodasAreTheLettersOfSPR29() {
        let table = CompiledPronunciation.shared
        let vowels = Hangul.vowelLetters.filter { table.takesInsertion(vowel: Hangul.vowel($0)) }
        #expect(String(vowels) == "ㅑㅕㅛㅠㅣ")
        let codas = Hangul.tailLetters.filter { table.insertsLateral(after: Hangul.tail($0)) }
        #expect(String(codas) == "ㄹㄼㄽㄾㅀ")
        #expect(Romanizer.romanize("솔잎") == "sollip")
        #expect(Romanizer.romanize("꽃잎") == "kkonnip")
    }

    @Test func bundledAlphabetsHaveOneLetterPerJamo() {
        for alphabet in [PhoneticAlphabet.revised, .mccuneReischauer, .dprk] { #expect(alphabet.problems == []) }
        let short = PhoneticAlphabet(
            initial: "g kk n", voiced: "g kk n d tt r m b pp s ss - j jj ch k t p h", afterObstruent: "g kk n d tt r m b pp s ss - j jj ch k t p h",
            afterL: "g kk n d tt l m b pp s ss - j jj ch k t p h", afterN: "g kk n d tt r m b pp s ss - j jj ch k t p h",
            vowels: "a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i", codas: "k n t l m p ng")
        #expect(short.problems == ["initial has 3 letters, not 19"])
    }
}
