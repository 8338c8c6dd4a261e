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

    /// KCNA's own spelling (the variants column of `names.tsv`): the given name's syllables as words, the surname as
    /// the Hangul writes it (노광철 No Kwang Chol, 리선권 Ri Son Gwon).
    @Test func dprkSystemMatchesNorthKoreanNames() {
        let dprk = RomanizationOptions(kind: .name, style: .dprk)
        let names = [
            "장성택": "Jang Song Thaek", "김덕훈": "Kim Tok Hun", "최선희": "Choe Son Hui", "리설주": "Ri Sol Ju",
            "김여정": "Kim Yo Jong", "최룡해": "Choe Ryong Hae", "리용호": "Ri Yong Ho", "김영철": "Kim Yong Chol",
            "김정일": "Kim Jong Il", "김정남": "Kim Jong Nam", "김경희": "Kim Kyong Hui", "리선권": "Ri Son Gwon",
            "리병철": "Ri Pyong Chol", "김정은": "Kim Jong Un", "노광철": "No Kwang Chol", "양형섭": "Yang Hyong Sop",
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

    /// Official English names from Statistics Korea's 2018 boundary data (KOSTAT, via southkorea/southkorea-maps
    /// `kostat/2018/json`, the dev third in `../shared/data/realworld/places2018.tsv`): the conventions tm follows where
    /// the rules leave a choice.
    @Test(arguments: [
        ("대구광역시", "Daegu"), ("제주특별자치도", "Jeju-do"), ("전라남도", "Jeollanam-do"), ("평리3동", "Pyeongni 3(sam)-dong"),
        ("반구1동", "Bangu 1(il)-dong"), ("창신1동", "Changsin 1(il)-dong"), ("송림3·5동", "Songnim3·5-dong"),
        ("종로1·2·3·4가동", "Jongno1·2·3·4Gadong"), ("수원시권선구", "Suwonsigwonseongu"), ("가회동", "Gahoe-dong"), ("일광면", "Ilgwang-myeon"),
        // A place name is a noun: its 하 is no verb suffix, so ㅎ is written (RR 3-1.4 proviso; issue #15's 북하면).
        ("북하면", "Bukha-myeon"),
    ])
    func placesAsTheOfficialListWritesThem(hangul: String, official: String) {
        #expect(Romanizer.romanize(hangul, .init(kind: .place)) == official)
    }

    /// People's own spellings (K-pop idols' registered names, `kpopnet/kpopnet.json`; National Assembly members',
    /// `teampopong/data-for-rnd`): among the variants once own respellings are in the tables.
    @Test(arguments: [
        ("신아윤", "Shin Ah-yoon"), ("구예함", "Goo Ye-ham"), ("심혜원", "Shim Hye-won"), ("김수경", "Kim Su-kyung"), ("이진이", "Lee Jin-yi"),
        ("송영근", "Song Young-keun"), ("이원욱", "Lee Won-wook"), ("배기운", "Bae Ki-woon"),
    ])
    func ownSpellingsAreAmongTheVariants(hangul: String, own: String) {
        let forms = Romanizer.variants(ofName: hangul).map(\.form)
        #expect(forms.contains(own), "\(hangul): \(forms.prefix(12))")
    }

    /// The forms people register for themselves come first (National Assembly members 김재경 KIM Jae Kyung, 박지원 PARK
    /// Ji Won; `teampopong/data-for-rnd`).
    @Test func ownSpellingsRankInTheFirstFive() {
        for (hangul, own) in [("김재경", "Kim Jae Kyung"), ("박지원", "Park Ji Won")] {
            let first = Array(Romanizer.variants(ofName: hangul).map(\.form).prefix(5))
            #expect(first.contains(own), "\(hangul): \(first)")
        }
    }

    /// McCune–Reischauer's own conventions seen failing on held-out vectors (issue #15): ㄹ before ㅎ is r, a stop is not
    /// written three times, and place units carry the sound change.
    @Test func mcCuneReischauerConventions() {
        let mr = RomanizationOptions(system: .mr)
        #expect(Romanizer.romanize("발해", .init(system: .mr, kind: .place)) == "Parhae")
        #expect(Romanizer.romanize("말하다", mr) == "marhada")
        #expect(Romanizer.romanize("만석꾼", mr) == "mansŏkkun")
        #expect(Romanizer.romanize("노근리", .init(system: .mr, kind: .place)) == "Nogŭn-ni")
        #expect(Romanizer.romanize("대리", .init(system: .mr, kind: .place)) == "Tae-ri")
        // RR writes no sound change across the unit.
        #expect(Romanizer.romanize("노근리", .init(kind: .place)) == "Nogeun-ri")
    }

    /// MR writes unwritten tensification as a voiceless consonant (ALA-LC: t'aekwŏndo, hancha, munpŏp); RR does not write
    /// it (RR 3-1 note: 태권도 taegwondo). SPR 28 compounds and the Sino-Korean words of `tensifiedCompounds`.
    @Test func mcCuneReischauerWritesUnwrittenTensification() {
        let mr = RomanizationOptions(system: .mr)
        #expect(Romanizer.romanize("태권도", mr) == "t'aekwŏndo")
        #expect(Romanizer.romanize("한자", mr) == "hancha")
        #expect(Romanizer.romanize("문법", mr) == "munpŏp")
        #expect(Romanizer.romanize("인권", mr) == "inkwŏn")
        #expect(Romanizer.romanize("길가", mr) == "kilka")
        // Not tense: the same syllables elsewhere keep their voicing.
        #expect(Romanizer.romanize("권투", mr) == "kwŏnt'u")
        #expect(Romanizer.romanize("한국", mr) == "han'guk")
        #expect(Romanizer.romanize("태권도") == "taegwondo")
        #expect(Romanizer.romanize("태권도", .init(system: .dprk)) == "thaekwondo")
    }

    /// Long compound names are written word by word (ALA-LC word division; the DPRK's own name as MR prints it).
    @Test func longCompoundNounsAreDividedIntoWords() {
        #expect(Romanizer.romanize("조선민주주의인민공화국", .init(system: .mr)) == "chosŏn minjujuŭi inmin konghwaguk")
        #expect(Romanizer.romanize("조선민주주의인민공화국") == "joseon minjujuui inmin gonghwaguk")
        // A DPRK spelling is found by its Southern form (로동 = 노동).
        #expect(Romanizer.romanize("조선로동당중앙위원회", .init(system: .mr)) == "chosŏn rodongdang chungang wiwŏnhoe")
        // Five syllables and fewer stay whole; so does a word the dictionary cannot cover; place names keep KOSTAT's form.
        #expect(Romanizer.romanize("국방위원회", .init(system: .mr)) == "kukpangwiwŏnhoe")
        #expect(Romanizer.romanize("수원시권선구", .init(kind: .place)) == "Suwonsigwonseongu")
    }
}

/// Foreign words in Hangul (issue #15): told from Korean names, and guessed back by the loanword orthography.
@Suite("Foreign words in Hangul")
struct LoanwordTests {
    func name(_ hangul: String) -> String { Romanizer.romanize(hangul, .init(kind: .name)) }

    @Test func foreignWordsAreNotReadAsKoreanNames() {
        for word in ["맥케인", "헤즈볼라", "이탈리아", "브라질", "푸틴", "라브로프", "스페인"] {
            #expect(KoreanName.looksForeign(Array(word.unicodeScalars)), "\(word)")
        }
        for word in ["김정은", "남궁민수", "태영호", "이세영", "최선희", "선우은숙"] {
            #expect(!KoreanName.looksForeign(Array(word.unicodeScalars)), "\(word)")
        }
    }

    /// The loanword orthography read backwards (외래어 표기법 1986): the added ㅡ dropped, ㄹㄹ one l, ㅇ before ㄱ an n,
    /// a y-vowel after ㅅ given to the consonant, the Russian -ov written 프.
    @Test func theGuessReversesTheLoanwordOrthography() {
        #expect(name("이탈리아") == "Italia")
        #expect(name("앙골라") == "Angola")
        #expect(name("스페인") == "Spein")
        #expect(name("우샤코프") == "Ushakov")
        #expect(name("헤즈볼라") == "Hezbola")
        #expect(Romanizer.romanize("크리스마스섬", .init(kind: .foreign)) == "Krismas Island")
        #expect(Romanizer.romanize("쿠바", .init(kind: .foreign)) == "Kuba")
        // A Korean name keeps the name rules.
        #expect(name("김정은") == "Kim Jeong-eun")
    }

    @Test func theResultSaysItIsAGuess() throws {
        let foreign = try RomanizationResult(input: "루덴코", options: .init(kind: .name), variants: true)
        #expect(foreign.guess == "loanword")
        #expect(foreign.variants?.map(\.system) == ["loanword", "rr"])
        #expect(foreign.variants?.last?.form == "Rudenko")
        let korean = try RomanizationResult(input: "김정은", options: .init(kind: .name))
        #expect(korean.guess == nil)
    }
}

/// Respellings people register for themselves (19th National Assembly, dev rows): 진선미 JIN Sun Mee, 오제세 OH Jae Sae,
/// 문정림 MOON Jeong-lim.
@Suite("Own respellings of syllable ends")
struct OwnRespellingTests {
    @Test func finalIAndEAndGivenNameLAreAmongTheVariants() {
        func forms(_ hangul: String) -> [String] { Romanizer.variants(ofName: hangul).map { Normalizer.looseKey($0.form) } }
        #expect(forms("진선미").contains(Normalizer.looseKey("Jin Sun Mee")))
        #expect(forms("오제세").contains(Normalizer.looseKey("Oh Jae Sae")))
        #expect(forms("문정림").contains(Normalizer.looseKey("Moon Jeong-lim")))
        // After a vowel, ui and ae stay what they are: 의 is not respelled "uee".
        #expect(!forms("신의진").contains(Normalizer.looseKey("Shin Uee Jin")))
    }
}
