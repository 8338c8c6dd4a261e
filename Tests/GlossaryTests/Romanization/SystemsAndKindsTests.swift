import Testing
@testable import Glossary

@Suite("Romanization systems, kinds and text handling")
struct SystemsAndKindsTests {
    @Test func mccuneReischauerWithBrevesAndApostrophes() {
        let place = RomanizationOptions(system: .mr, kind: .place)
        #expect(Romanizer.romanize("평양", place) == "P'yŏngyang")
        #expect(Romanizer.romanize("서울", place) == "Sŏul")
        #expect(Romanizer.romanize("한글", place) == "Han'gŭl")
        #expect(Romanizer.romanize("독립문", place) == "Tongnimmun")
        #expect(Romanizer.romanize("천리마", place) == "Ch'ŏllima")
        #expect(McCuneReischauer.romanize("경복궁") == "kyŏngbokkung")
    }

    @Test func plainDropsDiacritics() {
        #expect(Romanizer.romanize("평양", .init(system: .mr, kind: .place, plain: true)) == "Pyongyang")
        #expect(McCuneReischauer.romanize("한글", plain: true) == "hangul")
        #expect(Romanizer.romanize("어", .init(system: .mr, kind: .place)) == "Ŏ")
    }

    @Test func dprkSystemMatchesNorthKoreanNames() {
        let dprk = RomanizationOptions(kind: .name, style: .dprk)
        let names = [
            "장성택": "Jang Song-thaek", "김덕훈": "Kim Tok-hun", "최선희": "Choe Son-hui", "리설주": "Ri Sol-ju",
            "김여정": "Kim Yo-jong", "최룡해": "Choe Ryong-hae", "리용호": "Ri Yong-ho", "김영철": "Kim Yong-chol",
            "김정일": "Kim Jong-il", "김정남": "Kim Jong-nam", "김경희": "Kim Kyong-hui", "리선권": "Ri Son-gwon",
            "리병철": "Ri Pyong-chol", "김정은": "Kim Jong-un",
        ]
        for (hangul, expected) in names {
            #expect(Romanizer.romanize(hangul, dprk) == expected)
        }
        #expect(DPRKRomanizer.romanize("남포") == "nampho")
    }

    @Test func adminUnitHyphenBlocksSoundChange() {
        let place = RomanizationOptions(kind: .place)
        #expect(Romanizer.romanize("노근리", place) == "Nogeun-ri")
        #expect(Romanizer.romanize("종로구", place) == "Jongno-gu")
        #expect(Romanizer.romanize("제주도", place) == "Jeju-do")
        #expect(Romanizer.romanize("충청북도", place) == "Chungcheongbuk-do")
        #expect(Romanizer.romanize("봉천1동", place) == "Bongcheon 1(il)-dong")
        #expect(Romanizer.romanize("종로 2가", place) == "Jongno 2(i)-ga")
    }

    @Test func featureNamesTakeNoHyphen() {
        let place = RomanizationOptions(kind: .place)
        #expect(Romanizer.romanize("한라산", place) == "Hallasan")
        #expect(Romanizer.romanize("경복궁", place) == "Gyeongbokgung")
        #expect(Romanizer.romanize("독도", place) == "Dokdo")
        #expect(Romanizer.romanize("울릉도", place) == "Ulleungdo")
        #expect(Romanizer.romanize("구리", place) == "Guri")
    }

    @Test func givenNameHasNoSoundChange() {
        let strict = RomanizationOptions(kind: .name, style: .strict)
        #expect(Romanizer.romanize("한복남", strict) == "Han Bok-nam")
        #expect(Romanizer.romanize("홍빛나", strict) == "Hong Bit-na")
        #expect(Romanizer.romanize("김정은", strict) == "Gim Jeong-eun")
    }

    @Test func nameStyles() {
        #expect(Romanizer.romanize("윤석열", .init(kind: .name)) == "Yoon Seok-yeol")
        #expect(Romanizer.romanize("홍길동", .init(kind: .name)) == "Hong Gil-dong")
        #expect(Romanizer.romanize("홍길동", .init(kind: .name, style: .ap)) == "Hong Gil Dong")
        #expect(Romanizer.romanize("홍 길동", .init(kind: .name)) == "Hong Gil-dong")
        #expect(Romanizer.romanize("김정은", .init(system: .mr, kind: .name, style: .strict)) == "Kim Chŏng-ŭn")
        #expect(Romanizer.romanize("박정희", .init(system: .mr, kind: .name, style: .strict)) == "Pak Chŏng-hŭi")
        #expect(Romanizer.romanize("이승만", .init(system: .mr, kind: .name, style: .strict)) == "Yi Sŭng-man")
        #expect(Romanizer.romanize("김대중", .init(system: .mr, kind: .name, style: .strict)) == "Kim Tae-jung")
    }

    @Test func twoSyllableSurnames() {
        #expect(Romanizer.romanize("남궁민", .init(kind: .name)) == "Namgung Min")
        #expect(Romanizer.romanize("제갈공명", .init(kind: .name, style: .strict)) == "Jegal Gong-myeong")
        #expect(Romanizer.romanize("황보관", .init(kind: .name)) == "Hwangbo Gwan")
        #expect(Romanizer.romanize("선우용녀", .init(kind: .name)) == "Sunwoo Yong-nyeo")
        #expect(NameRomanizer.split(Array("선우진".unicodeScalars)).surname == Array("선".unicodeScalars))
    }

    @Test func variantsOfKimJongUn() {
        let variants = Romanizer.variants(ofName: "김정은")
        let forms = Set(variants.map(\.form))
        #expect(variants.first?.system == "conventional")
        #expect(variants.count <= NameVariants.limit)
        #expect(forms.count == variants.count)
        for form in ["Kim Jong-un", "Kim Jong Un", "Kim Jong-eun", "Gim Jeong-eun", "Kim Chŏng-ŭn", "Kim Chong-un"] {
            #expect(forms.contains(form), "\(form)")
        }
    }

    @Test func variantsCoverSurnameSpellingsAndWireRespellings() {
        #expect(Romanizer.variants(ofName: "이명박").map(\.form).contains("Lee Myung-bak"))
        #expect(Romanizer.variants(ofName: "이명박").map(\.form).contains("Yi Myŏng-bak"))
        #expect(Romanizer.variants(ofName: "윤석열").map(\.form).contains("Yoon Suk-yeol"))
        #expect(Romanizer.variants(ofName: "봉준호").map(\.form).contains("Bong Joon-ho"))
        #expect(Romanizer.variants(ofName: "").isEmpty)
    }

    @Test func variantsFindMostPressSpellingsInNamesTable() {
        let rows = RomanizationVector.rows("names").filter { $0.count >= 5 && $0[4].hasPrefix("person") }
        let found = rows.filter { row in Romanizer.variants(ofName: row[0]).contains { $0.form == row[1] } }
        print("names.tsv: press spelling among variants for \(found.count) of \(rows.count) people")
        #expect(found.count * 10 >= rows.count * 8)
    }

    @Test func nonHangulPassesThrough() {
        #expect(Romanizer.romanize("Hello, 세계! 123") == "Hello, segye! 123")
        #expect(Romanizer.romanize("") == "")
        #expect(Romanizer.romanize("GDP 3.5% 성장") == "GDP 3.5% seongjang")
        #expect(Romanizer.romanize("’한국’ — 😀") == "’hanguk’ — 😀")
    }

    @Test func sentenceIsRomanizedWordByWord() {
        #expect(Romanizer.romanize("대한민국 국민") == "daehan minguk gungmin")
        #expect(Romanizer.romanize("서울 부산", .init(kind: .place)) == "Seoul Busan")
    }

    @Test func lonJamoDoNotCrash() {
        for system in RomanizationSystem.allCases {
            for kind in RomanizationKind.allCases {
                let options = RomanizationOptions(system: system, kind: kind)
                _ = Romanizer.romanize("ㄱㄴㄷ ㅏㅑ ㄳ ㆍ ㅿ ᄀ ᅡ ᆨ ꥠ ힰ ᄒᆞᆫ글 ﾡ", options)
            }
        }
        #expect(Romanizer.romanize("ㅋㅋ") == "kk")
        #expect(Romanizer.romanize("ㆍ") == "ㆍ")
        #expect(Romanizer.romanize("ᄒᆞᆫ") == "ᄒᆞᆫ")
    }

    @Test func decomposedHangulIsComposedFirst() {
        #expect(Romanizer.romanize("\u{1112}\u{1161}\u{11AB}\u{1100}\u{1173}\u{11AF}") == "hangeul")
        #expect(Romanizer.romanize("\u{D55C}\u{1100}\u{1173}\u{11AF}") == "hangeul")
        #expect(Romanizer.romanize("\u{1112}\u{1161}\u{11AB}") == "han")
    }
}
