import Testing
@testable import Glossary

/// One test per sound-change family of RR 3-1 and the Standard Pronunciation rules (SPR) behind it.
@Suite("Revised Romanization rule families")
struct RuleFamilyTests {
    func rr(_ text: String) -> String { Romanizer.romanize(text) }

    @Test func vowelAndConsonantTables() {
        #expect(rr("아어오우으이애에외위") == "aeooueuiaeeoewi")
        #expect(rr("야여요유얘예와왜워웨의") == "yayeoyoyuyaeyewawaewoweui")
        #expect(rr("까따빠싸짜차카타파하") == "kkattappassajjachakatapaha")
    }

    @Test func gdbBeforeVowelKtpBeforeConsonantOrFinal() {
        #expect(rr("백암") == "baegam")
        #expect(rr("옥천") == "okcheon")
        #expect(rr("합덕") == "hapdeok")
        #expect(rr("호법") == "hobeop")
    }

    @Test func rieulIsRBeforeVowelLElsewhereAndDoubleL() {
        #expect(rr("설악") == "seorak")
        #expect(rr("칠곡") == "chilgok")
        #expect(rr("임실") == "imsil")
        #expect(rr("울릉") == "ulleung")
    }

    @Test func codaNeutralizationAndClusterSimplification() {
        #expect(rr("값") == "gap")
        #expect(rr("닭") == "dak")
        #expect(rr("꽃") == "kkot")
        #expect(rr("여덟") == "yeodeol")
        #expect(rr("앉다") == "anda")
        #expect(rr("밟다") == "bapda")
    }

    @Test func liaisonMovesTheCodaAndTheSecondLetterOfClusters() {
        #expect(rr("읽어") == "ilgeo")
        #expect(rr("옷을") == "oseul")
        #expect(rr("닭이") == "dalgi")
        #expect(rr("없었다") == "eopseotda")
    }

    @Test func nasalizationBeforeNasal() {
        #expect(rr("백마") == "baengma")
        #expect(rr("국물") == "gungmul")
        #expect(rr("있는") == "inneun")
        #expect(rr("읊는") == "eumneun")
    }

    @Test func rieulAfterNasalOrObstruentIsN() {
        #expect(rr("종로") == "jongno")
        #expect(rr("왕십리") == "wangsimni")
        #expect(rr("국립") == "gungnip")
        #expect(rr("대통령") == "daetongnyeong")
    }

    @Test func lateralizationOfNL() {
        #expect(rr("신라") == "silla")
        #expect(rr("별내") == "byeollae")
        #expect(rr("대관령") == "daegwallyeong")
        #expect(rr("뚫는") == "ttulleun")
    }

    @Test func nasalSuffixesKeepNNAfterLongerStems() {
        #expect(rr("의견란") == "uigyeonnan")
        #expect(rr("생산량") == "saengsannyang")
        #expect(rr("결단력") == "gyeoldannyeok")
        #expect(rr("신문로") == "sinmunno")
        #expect(rr("난로") == "nallo")
    }

    @Test func nAndLInsertionInListedCompounds() {
        #expect(rr("학여울") == "hangnyeoul")
        #expect(rr("알약") == "allyak")
        #expect(rr("솜이불") == "somnibul")
        #expect(rr("꽃잎") == "kkonnip")
        #expect(rr("강약") == "gangyak")
        #expect(rr("금요일") == "geumyoil")
    }

    @Test func palatalizationBeforeSuffixI() {
        #expect(rr("해돋이") == "haedoji")
        #expect(rr("같이") == "gachi")
        #expect(rr("굳히다") == "guchida")
        #expect(rr("굳어") == "gudeo")
    }

    @Test func aspirationWrittenInVerbs() {
        #expect(rr("좋고") == "joko")
        #expect(rr("놓다") == "nota")
        #expect(rr("잡혀") == "japyeo")
        #expect(rr("밝히다") == "balkida")
        #expect(rr("깨끗해") == "kkaekkeutae")
    }

    @Test func aspirationNotWrittenInNouns() {
        #expect(Romanizer.romanize("묵호", .init(kind: .place)) == "Mukho")
        #expect(Romanizer.romanize("집현전", .init(kind: .place)) == "Jiphyeonjeon")
        #expect(rr("북한") == "bukhan")
        #expect(rr("북해") == "bukhae")
    }

    @Test func hieutDeletionAndNasalization() {
        #expect(rr("좋은") == "joeun")
        #expect(rr("많아") == "mana")
        #expect(rr("싫어") == "sireo")
        #expect(rr("좋니") == "jonni")
    }

    @Test func tensificationNeverWritten() {
        #expect(Romanizer.romanize("압구정", .init(kind: .place)) == "Apgujeong")
        #expect(rr("샛별") == "saetbyeol")
        #expect(rr("김밥") == "gimbap")
    }

    @Test func uiStaysUi() {
        #expect(Romanizer.romanize("광희문", .init(kind: .place)) == "Gwanghuimun")
        #expect(rr("무늬") == "munui")
    }

    @Test func optionalHyphenWhereSyllablesAreAmbiguous() {
        #expect(rr("중앙") == "jungang")
        #expect(RevisedRomanizer.romanize("중앙", hyphenateAmbiguity: true) == "jung-ang")
        #expect(RevisedRomanizer.romanize("반구대", hyphenateAmbiguity: true) == "ban-gudae")
        #expect(RevisedRomanizer.romanize("세운", hyphenateAmbiguity: true) == "se-un")
        #expect(RevisedRomanizer.romanize("해운대", hyphenateAmbiguity: true) == "hae-undae")
        #expect(RevisedRomanizer.romanize("부산", hyphenateAmbiguity: true) == "busan")
    }

    @Test func transliterationIsLetterByLetterWithHyphens() {
        #expect(RevisedRomanizer.transliterate("집") == "jib")
        #expect(RevisedRomanizer.transliterate("짚") == "jip")
        #expect(RevisedRomanizer.transliterate("밖") == "bakk")
        #expect(RevisedRomanizer.transliterate("값") == "gabs")
        #expect(RevisedRomanizer.transliterate("독립") == "doglib")
        #expect(RevisedRomanizer.transliterate("물엿") == "mul-yeos")
        #expect(RevisedRomanizer.transliterate("학여울") == "hag-yeo-ul")
        #expect(RevisedRomanizer.transliterate("없었습니다") == "eobs-eoss-seubnida")
    }

    @Test func standardPronunciationIsInspectable() {
        #expect(Pronunciation.standardPronunciation("국물") == "궁물")
        #expect(Pronunciation.standardPronunciation("좋고") == "조코")
        #expect(Pronunciation.standardPronunciation("학여울") == "항녀울")
    }

    @Test func everyRuleRowNamesAnArticleAndRealJamo() {
        for rule in Pronunciation.rules {
            #expect(rule.article.contains("SPR") || rule.article.contains("RR"))
            #expect(rule.codas.allSatisfy { Hangul.tailIndex($0) != nil })
            #expect(rule.onsets.allSatisfy { Hangul.leadIndex($0) != nil })
        }
    }
}
