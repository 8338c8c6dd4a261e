import Testing

@testable import Glossary

@Suite struct AnchorTests {
    @Test func koreanLargeNumbersReadAsEnglishScaledNumbers() {
        #expect(NumberAnchors.korean("초당 12조3천억 번의 계산").contains(.number(12.3e12)))
        #expect(NumberAnchors.english("12.3 trillion calculations a second").contains(.number(12.3e12)))
        #expect(NumberAnchors.korean("1억1천만 달러 짜리") == NumberAnchors.english("the $110 million wonder"))
        #expect(NumberAnchors.korean("주민 27만5000명을") == [.number(275_000)])
        #expect(NumberAnchors.english("about 275,000 people") == [.number(275_000)])
    }

    @Test func yearsPercentagesAndSpelledNumbers() {
        #expect(NumberAnchors.korean("미국은 1992년에 지하 핵실험을") == [.number(1992)])
        #expect(NumberAnchors.english("nuclear tests in 1992.") == [.number(1992)])
        #expect(NumberAnchors.korean("45%의 지지율") == NumberAnchors.english("45 percent"))
        #expect(NumberAnchors.english("six Libraries of Congress") == NumberAnchors.korean("도서관 6개"))
    }

    @Test func numberSuffixesScale() {
        #expect(NumberAnchors.english("on top of $10bn already granted") == NumberAnchors.korean("이미 지원받은 100억 달러"))
        #expect(NumberAnchors.english("a £3m deal") == [.number(3e6)])
        #expect(NumberAnchors.english("up to 300m deep") == [.number(300)])
    }

    @Test func datesMatchMonthAndDay() {
        let korean = NumberAnchors.korean("3월 27일 발표했다")
        let english = NumberAnchors.english("announced on March 27")
        #expect(korean == [.month(3), .number(27)])
        #expect(Set(korean) == Set(english))
        #expect(NumberAnchors.english("He may leave.").isEmpty)
        #expect(NumberAnchors.english("on May 5") == [.month(5), .smallNumber5])
    }

    @Test func latinWordsInKoreanMeetEnglishWords() {
        #expect(KoreanWords.latinWords("ASCI White로 알려진 CNN 방송") == ["ASCI", "White", "CNN"])
        #expect(AnchorKey.latinWord("U.S") == AnchorKey.latinWord("US"))
        #expect(AnchorKey.latinWord("US") != AnchorKey.latinWord("us"))
        #expect(AnchorKey.latinWord("White") == AnchorKey.latinWord("white"))
    }

    @Test func particlesAreStripped() {
        #expect(KoreanWords.stems("푸틴은 블라디보스토크에서 러시아의") == ["푸틴", "블라디보스토크", "러시아"])
        #expect(KoreanWords.nameCandidates("매케인이 말했다") == ["매케인"])
    }

    @Test(arguments: [
        ("러시아", "Russia"), ("푸틴", "Putin"), ("블라디보스토크", "Vladivostok"), ("매케인", "McCain"), ("오바마", "Obama"),
        ("베를루스코니", "Berlusconi"),
    ])
    func romanizedHangulSoundsLikeEnglish(hangul: String, english: String) {
        let romanized = Romanizer.romanize(hangul, RomanizationOptions(system: .rr, kind: .word, plain: true))
        #expect(PhoneticSkeleton.resemble(PhoneticSkeleton.of(romanized), PhoneticSkeleton.of(english)))
    }

    @Test func unrelatedNamesDoNotResemble() {
        let romanized = Romanizer.romanize("오바마", RomanizationOptions(system: .rr, kind: .word, plain: true))
        #expect(!PhoneticSkeleton.resemble(PhoneticSkeleton.of(romanized), PhoneticSkeleton.of("McCain")))
        #expect(!PhoneticSkeleton.resemble(PhoneticSkeleton.of("Vladivostok"), PhoneticSkeleton.of("Washington")))
    }

    /// The deletion index finds exactly the pairs that `PhoneticSkeleton.resemble` accepts, short and long.
    @Test func skeletonIndexFindsWhatPairwiseComparisonFinds() {
        let koreanWords = ["러시아", "푸틴", "블라디보스토크", "매케인", "오바마", "베를루스코니", "샌프란시스코", "캘리포니아", "대통령"]
        let englishWords = [
            "Russia", "Putin", "Vladivostok", "McCain", "Obama", "Berlusconi", "San-Francisco", "California", "Washington",
            "Vladivostoks", "Kalifornia",
        ]
        var table = SkeletonTable()
        let korean = koreanWords.map {
            table.id(of: PhoneticSkeleton.of(Romanizer.romanize($0, RomanizationOptions(system: .rr, kind: .word, plain: true))))
        }
        let english = englishWords.map { table.id(of: PhoneticSkeleton.of($0)) }
        let found = table.resemblances(korean: Set(korean), english: Set(english))
        for k in Set(korean) {
            let expected = Set(english).filter { PhoneticSkeleton.resemble(table.forms[k], table.forms[$0]) }.sorted()
            #expect((found[k] ?? []) == expected, "\(table.forms[k])")
        }
        #expect(found[korean[2]]?.contains(english[2]) == true)
        #expect(found[korean[8]] == nil)
    }

    @Test func joinedClausesAreRecognized() {
        #expect(KoreanWords.hasJoinedClauses("정부는 예산을 늘렸고, 국방비도 증액하기로 했다."))
        #expect(!KoreanWords.hasJoinedClauses("정부는 예산을 늘렸다."))
        #expect(!KoreanWords.hasJoinedClauses("늘렸고,"))
        #expect(EnglishWords.hasJoinedClauses("The budget rose; defense spending rose too."))
        #expect(EnglishWords.hasJoinedClauses("The budget rose, but defense spending fell."))
        #expect(!EnglishWords.hasJoinedClauses("The budget rose, and so did defense spending."))
    }

    /// What two neighbouring sentences share is counted once in a bead that holds both.
    @Test func overlapKeepsSharedAnchors() {
        let first = SentenceAnchors(weightedKeys: [(.number(1992), 1), (.quotation, 0.3)], skeletons: [1, 2])
        let second = SentenceAnchors(weightedKeys: [(.number(1992), 1), (.month(3), 0.6)], skeletons: [2, 3])
        let overlap = first.overlap(second)
        #expect(overlap.keys == [.number(1992)])
        #expect(overlap.skeletons == [2])
        #expect(overlap.numberCount == 1)
        #expect(first.overlap(SentenceAnchors(weightedKeys: [], skeletons: [])).isEmpty)
    }

    @Test func glossaryTermsAnchorBothSides() {
        let lexicon = AlignmentLexicon(
            terms: [
                Term(hangul: "김정은", english: "Kim Jong-un", kind: .person, variants: ["Kim Jong Un"]),
                Term(hangul: "러시아 외무부", english: "Russian Foreign Ministry", kind: .organization),
            ],
            memory: [])
        #expect(lexicon.koreanTermMatches("김정은은 러시아외무부를 방문했다") == [0, 1])
        #expect(lexicon.englishTermMatches(EnglishWords.tokens("Kim Jong Un visited").map { $0.lowercased() }) == [0])
        #expect(lexicon.englishTermMatches(EnglishWords.tokens("Kim Jong-un met the Russian Foreign Ministry").map { $0.lowercased() }) == [0, 1])
    }

    @Test func memoryTeachesWordTranslations() {
        let memory = [
            (ko: "정부는 예산을 발표했다.", en: "The government announced the budget."),
            (ko: "정부가 세금을 올렸다.", en: "The government raised taxes."),
            (ko: "예산이 부족하다.", en: "The budget is short."),
            (ko: "정부의 예산 계획.", en: "The government budget plan."),
        ]
        let lexicon = AlignmentLexicon(terms: [], memory: memory)
        #expect(lexicon.translations["정부"]?.first?.word == "government")
        #expect(lexicon.translations["예산"]?.first?.word == "budget")
    }
}

extension AnchorKey {
    fileprivate static let smallNumber5 = AnchorKey.number(5)
}
