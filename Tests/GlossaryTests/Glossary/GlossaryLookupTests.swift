import Testing

@testable import Glossary

@Suite struct GlossaryLookupTests {
    let glossary = BundledGlossaryFixture.glossary

    /// Every person named in the seed article (Korea Daily, 2025-04-01), by Hangul and by three other spellings.
    @Test(arguments: [
        ("김정은", "Kim Jong-un", ["Kim Jong Un", "kim jong-eun", "Gim Jeong-eun", "Kim Chŏng-ŭn", "KIM JONG-UN", "김 정은"]),
        ("최선희", "Choe Son-hui", ["Choe Son Hui", "Ch'oe Sŏn-hŭi", "Choe Sun-hui", "choesonhui"]),
        ("김정일", "Kim Jong-il", ["Kim Jong Il", "Gim Jeong-il", "Kim Chŏng-il"]),
        ("푸틴", "Vladimir Putin", ["Putin", "vladimir putin", "Vladimir Vladimirovich Putin"]),
        ("라브로프", "Sergey Lavrov", ["Lavrov", "Sergei Lavrov", "sergey lavrov"]),
        ("루덴코", "Andrei Rudenko", ["Rudenko", "Andrey Rudenko", "andrei rudenko"]),
        ("이무영", "Mooyoung Lee", ["Mooyoung Lee", "Lee Moo-young", "Lee Mu-yeong"]),
        ("평양", "Pyongyang", ["P'yŏngyang", "Pyeongyang", "pyongyang"]),
        ("블라디보스토크", "Vladivostok", ["vladivostok", "VLADIVOSTOK", "Vladivostok"]),
        ("금수산영빈관", "Kumsusan State Guest House", ["Kumsusan Guest House", "kumsusan state guest house", "금수산 영빈관"]),
        ("합동참모본부", "Joint Chiefs of Staff", ["JCS", "joint chiefs of staff", "Joint Chiefs Of Staff"]),
        ("연합뉴스", "Yonhap News Agency", ["Yonhap", "yonhap", "YONHAP"]),
    ])
    func seedArticleNamesByAnySpelling(hangul: String, house: String, spellings: [String]) throws {
        for query in [hangul] + spellings {
            let first = try #require(try glossary.lookup(query).matches.first, "no match for \(query)")
            #expect(first.english == house, "\(query) found \(first.english)")
            #expect(first.hangul == hangul)
            #expect(first.score == 100)
            #expect(!first.generated)
        }
    }

    @Test func hangulAndHouseFormRankAboveVariants() throws {
        let byHangul = try #require(try glossary.lookup("김정은").matches.first)
        #expect(byHangul.via == .hangul)
        let byHouse = try #require(try glossary.lookup("Kim Jong-un").matches.first)
        #expect(byHouse.via == .canonical)
        let byVariant = try #require(try glossary.lookup("Kim Jong-eun").matches.first)
        #expect(byVariant.via == .variant)
        #expect(byVariant.matched == "Kim Jong-eun")
    }

    @Test func generatedSpellingsFindTheEntry() throws {
        // Not listed for 김여정, but wires respell 여 as "yuh" (Youn Yuh-jung), and the romanizer knows it.
        let match = try #require(try glossary.lookup("Kim Yuh-jeong").matches.first)
        #expect(match.english == "Kim Yo-jong")
        #expect(match.via == .generated)
    }

    @Test func twoEntriesWithOneHangulAreBothReturned() throws {
        let matches = try glossary.lookup("한강").matches.filter { $0.score == 100 }
        #expect(Set(matches.map(\.english)).isSuperset(of: ["Han Kang", "Han River"]))
    }

    @Test func nearMissIsASuggestionBelowExactHits() throws {
        let matches = try glossary.lookup("Choe Son Hiu").matches
        let first = try #require(matches.first)
        #expect(first.via == .fuzzy)
        #expect(first.english == "Choe Son-hui")
        #expect(first.score < 100 && first.score >= 75)

        let withHit = try glossary.lookup("Kim Jong Un").matches
        #expect(withHit.first?.via == .canonical)
        #expect(withHit.dropFirst().allSatisfy { $0.via == .fuzzy && $0.score < 100 })
    }

    @Test func unknownHangulNameIsRomanizedByRuleAndMarkedGenerated() throws {
        let match = try #require(try glossary.lookup("홍길동").matches.first)
        #expect(match.generated)
        #expect(match.id == nil)
        #expect(match.english == "Hong Gil-dong")
        #expect(match.via == .generated)
        #expect(match.variants.contains("Hong Gil Dong"))
    }

    @Test func nothingForNoise() throws {
        #expect(try glossary.lookup("zzqxj").matches.isEmpty)
        #expect(try glossary.lookup("   ").matches.isEmpty)
        #expect(try glossary.lookup("---").matches.isEmpty)
    }

    @Test func overlongQueryIsRefused() {
        #expect(throws: TMError.self) { try glossary.lookup(String(repeating: "a", count: 10_001)) }
    }

    /// A North Korean name the glossary lacks is offered as KCNA writes it: by the context asked for, or when its
    /// surname is written the Northern way (리); a Southern name keeps the South's conventions.
    @Test func aNorthKoreanNameIsOfferedInKCNAStyle() throws {
        let glossary = try BundledGlossaryFixture.empty()
        #expect(try glossary.lookup("리철호").matches.first?.english == "Ri Chol Ho")
        #expect(try glossary.lookup("박철수").matches.first?.english == "Park Cheol-su")
        let north = try glossary.lookup("박철수", context: .dprk).matches.first
        #expect(north?.english == "Pak Chol Su" && north?.country == "KP" && north?.generated == true)
        #expect(north?.variants.contains("Park Cheol-su") == true)
        #expect(try glossary.lookup("리철호", context: .south).matches.first?.english == "Ri Cheol-ho")
    }

    /// Issue #15: a foreign word in Hangul that the glossary lacks is a guess at a loanword, never a Korean person
    /// (맥케인 was "Mae Ke-in", a person).
    @Test func anUnknownForeignWordIsAGuessNotAPerson() throws {
        let glossary = try BundledGlossaryFixture.empty()
        let match = try #require(try glossary.lookup("맥케인").matches.first)
        #expect(match.generated && match.kind == .term)
        #expect(match.english == "Makein")
        #expect(match.note.contains("guess"))
        #expect(try glossary.lookup("홍길동").matches.first?.kind == .person)
    }

    /// Every country and territory is bundled (glossaries/countries.tsv, from ICU's region names and iso-codes,
    /// made by bench/names/make_countries.py); hand-written entries keep their own rows.
    @Test func countriesComeFromICUAndISOCodes() throws {
        let terms = try glossary.terms()
        let countries = terms.filter { $0.note.hasPrefix("country or territory (ISO 3166-1") }
        #expect(countries.count >= 200)
        #expect(try glossary.lookup("이탈리아").matches.first?.english == "Italy")
        #expect(try glossary.lookup("브라질").matches.first.map { !$0.generated && $0.country == "BR" } == true)
        #expect(try glossary.lookup("튀르키예").matches.first?.english == "Turkey")
        // The hand entry for the United States (with its aliases) is the only 미국.
        #expect(terms.filter { $0.hangul == "미국" }.count == 1)
    }
}
