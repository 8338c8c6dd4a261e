/// The spellings a Korean personal name is likely to appear in, for finding it in text written in any of them:
/// the systems (RR, MR, MR without diacritics, DPRK), AP style, the surname's common spellings (Lee/Yi/Rhee), hyphen and
/// no-hyphen forms, and the vowel respellings wires use (eo → u/o, yeo → yu/yo/you, u → oo, ui → ee, si → shi).
enum NameVariants {
    static let limit = 64

    /// Respellings of one given-name syllable as printed in the press (석 Suk, 정 Jong, 명 Myung, 영 Young, 준 Joon, 희 Hee).
    /// In the order people choose them for their own names (National Assembly members, K-pop idols), most common first:
    /// 경 Kyung, 영 Young, 근 Keun before the wires' vowel respellings.
    static let respellings: [(from: String, to: String, tag: String)] = [
        ("gyeong", "kyung", "own:gyeong>kyung"), ("yeong", "young", "own:yeong>young"), ("geun", "keun", "own:geun>keun"),
        ("yeo", "yu", "wire:yeo>yu"), ("eo", "u", "wire:eo>u"), ("u", "oo", "wire:u>oo"), ("eo", "o", "wire:eo>o"),
        ("gyeong", "kyoung", "own:gyeong>kyoung"), ("yeo", "you", "wire:yeo>you"), ("yeo", "yuh", "wire:yeo>yuh"),
        ("eu", "u", "wire:eu>u"), ("ui", "ee", "wire:ui>ee"), ("ui", "eui", "wire:ui>eui"), ("si", "shi", "wire:si>shi"),
    ]

    /// Whole-syllable respellings people choose for their own names: 우 Woo, 운 Woon, 욱 Wook, 아 Ah, 이 Yi/Yee.
    static let syllableRespellings: [String: [String]] = [
        "u": ["woo"], "un": ["woon"], "uk": ["wook"], "ung": ["woong"], "a": ["ah"], "i": ["yi", "yee"],
    ]

    /// Respellings of a syllable's end or start that people choose (진선미 Jin Sun Mee, 오제세 Oh Jae Sae, 문정림 Moon
    /// Jeong-lim): a final i as ee, a final e after a consonant as ae, a given-name ㄹ as l (Lim, Lin).
    static let endRespellings: [(from: String, to: String)] = [("i", "ee"), ("e", "ae")]
    static let startRespellings: [(from: String, to: String)] = [("r", "l")]

    static func variants(of hangul: String) -> [RomanizedVariant] {
        // A foreign word: the loanword guess and the plain RR reading are all the rules can offer.
        if NameRomanizer.guessesLoanword(hangul) {
            let guess = NameRomanizer.romanize(hangul)
            let revised = WordRomanizer.romanize(hangul, system: .rr, plain: true, capitalized: true)
            return [RomanizedVariant(form: guess, system: "loanword")] + (revised == guess ? [] : [RomanizedVariant(form: revised, system: "rr")])
        }
        guard let (surname, given) = parse(hangul) else { return [] }
        var collector = Collector()
        func name(_ system: RomanizationSystem, _ style: NameStyle, plain: Bool = false) -> String {
            var out: [UInt8] = []
            NameRomanizer.appendName(surname: surname, given: given, system: system, style: style, to: &out)
            if plain { Latin.dropDiacritics(&out, from: 0) }
            return String(decoding: out, as: UTF8.self)
        }
        collector.add(name(.rr, .conventional), "conventional")
        collector.add(name(.rr, .ap), "ap")
        // What people most often choose for themselves comes next: spaced syllables with the common respellings
        // (KIM Jae Kyung, PARK Ji Won) — National Assembly members register such forms far more than RR or MR.
        let early = parse(hangul).map { givenNameCombinations($0.given).dropFirst().prefix(2) } ?? []
        let usualSurname = surnameSpellings(surname).first ?? ""
        for combination in early where !given.isEmpty {
            collector.add("\(usualSurname) \(spaced(combination.syllables))", "ap+" + combination.tag)
        }
        collector.add(name(.rr, .strict), "rr")
        collector.add(name(.mr, .strict), "mr")
        collector.add(name(.mr, .strict, plain: true), "mr-plain")
        collector.add(name(.dprk, .dprk), "dprk")
        // The South's press writes Northern names by the DPRK system with a hyphen: Jang Song-thaek.
        collector.add(name(.dprk, .strict), "dprk-hyphen")
        collector.add(name(.dprk, .conventional), "conventional+dprk")
        collector.add(name(.dprk, .ap), "ap+dprk")
        collector.add(name(.mr, .conventional, plain: true), "conventional+mr-plain")
        collector.add(name(.mr, .ap, plain: true), "ap+mr-plain")
        guard !given.isEmpty else { return collector.variants }

        let surnames = surnameSpellings(surname)
        let combinations = givenNameCombinations(given)
        let conventional = surnames.first ?? ""
        for combination in combinations.prefix(14) {
            collector.add("\(conventional) \(hyphenated(combination.syllables))", combination.tag)
        }
        for combination in combinations.prefix(8) {
            collector.add("\(conventional) \(spaced(combination.syllables))", "ap+" + combination.tag)
        }
        for combination in combinations.prefix(4) {
            collector.add("\(hyphenated(combination.syllables, capitalizeEach: true)) \(conventional)", "western+" + combination.tag)
        }
        for surname in surnames.dropFirst() {
            for combination in combinations.prefix(6) {
                collector.add("\(surname) \(hyphenated(combination.syllables))", "surname:\(surname)+" + combination.tag)
            }
        }
        for combination in combinations.dropFirst(14) {
            collector.add("\(conventional) \(hyphenated(combination.syllables))", combination.tag)
        }
        return collector.variants
    }

    private struct Collector {
        var variants: [RomanizedVariant] = []
        var seen: Set<String> = []

        mutating func add(_ form: String, _ system: String) {
            guard variants.count < NameVariants.limit, !form.isEmpty, seen.insert(form).inserted else { return }
            variants.append(RomanizedVariant(form: form, system: system))
        }
    }

    private static func parse(_ hangul: String) -> (surname: [Unicode.Scalar], given: [Unicode.Scalar])? {
        let words = HangulText.segments(hangul).compactMap { segment -> [Unicode.Scalar]? in
            if case .hangul(let word) = segment { return word }
            return nil
        }
        guard let first = words.first else { return nil }
        if words.count == 2, first.count <= 2, SurnameConventions.isSurname(first) { return (first, words[1]) }
        return NameRomanizer.split(first)
    }

    /// The conventional spelling first, then the table's other spellings and the systems' own.
    private static func surnameSpellings(_ surname: [Unicode.Scalar]) -> [String] {
        var spellings: [String] = []
        let key = String(String.UnicodeScalarView(surname))
        let candidates =
            (SurnameConventions.entry(key)?.spellings ?? []) + [
                NameRomanizer.surnameSpelling(surname, system: .rr, style: .strict),
                NameRomanizer.surnameSpelling(surname, system: .mr, style: .strict),
                NameRomanizer.surnameSpelling(surname, system: .dprk, style: .dprk),
            ]
        for candidate in candidates {
            var bytes = Array(candidate.utf8)
            Latin.dropDiacritics(&bytes, from: 0)
            let plain = String(decoding: bytes, as: UTF8.self)
            if !spellings.contains(plain) { spellings.append(plain) }
        }
        return spellings
    }

    /// Per-syllable spellings (RR, MR plain, DPRK and respellings), combined and ordered by how many syllables depart from RR.
    private static func givenNameCombinations(_ given: [Unicode.Scalar]) -> [(syllables: [String], tag: String)] {
        let options = given.enumerated().map { index, scalar in syllableSpellings(scalar, after: index > 0 ? given[index - 1] : nil) }
        var combinations: [(syllables: [String], tag: String, cost: Int)] = [([], "rr", 0)]
        for syllableOptions in options {
            var next: [(syllables: [String], tag: String, cost: Int)] = []
            for combination in combinations {
                for (rank, option) in syllableOptions.enumerated() {
                    let tag = option.tag == "rr" ? combination.tag : (combination.tag == "rr" ? option.tag : combination.tag + "," + option.tag)
                    next.append((combination.syllables + [option.spelling], tag, combination.cost + (rank == 0 ? 0 : 10 + rank)))
                }
            }
            combinations = Array(next.sorted { $0.cost < $1.cost }.prefix(limit))
        }
        return combinations.map { ($0.syllables, $0.tag) }
    }

    private static func syllableSpellings(_ scalar: Unicode.Scalar, after previous: Unicode.Scalar?) -> [(spelling: String, tag: String)] {
        guard let syllable = Pronunciation.pronounceAlone(scalar) else { return [] }
        let position: PhoneticAlphabet.Position =
            previous.flatMap(Pronunciation.pronounceAlone)
            .map { PhoneticAlphabet.Position(acrossHyphenAfter: $0.coda) } ?? .wordInitial
        func spelled(_ alphabet: PhoneticAlphabet, _ position: PhoneticAlphabet.Position, plain: Bool = true) -> String {
            var out: [UInt8] = []
            alphabet.append(syllable, at: position, to: &out)
            if plain { Latin.dropDiacritics(&out, from: 0) }
            return String(decoding: out, as: UTF8.self)
        }
        var spellings: [(spelling: String, tag: String)] = []
        func add(_ spelling: String, _ tag: String) {
            var bytes = Array(spelling.utf8)
            Latin.dropDiacritics(&bytes, from: 0)
            let plain = String(decoding: bytes, as: UTF8.self)
            if !spellings.contains(where: { $0.spelling == plain }) { spellings.append((plain, tag)) }
        }
        let revised = spelled(.revised, .wordInitial)
        let mccune = spelled(.mccuneReischauer, position)
        // Respell MR with its breves still on, so that ŭ (plain u) is not doubled to oo.
        let mccuneInitial = spelled(.mccuneReischauer, .wordInitial, plain: false)
        add(revised, "rr")
        for respelling in respellings {
            if let changed = respell(revised, respelling.from, respelling.to) { add(changed, respelling.tag) }
        }
        for respelling in respellings where respelling.from == "u" || respelling.from == "si" {
            if let changed = respell(mccuneInitial, respelling.from, respelling.to) { add(changed, respelling.tag + "+mr") }
        }
        add(mccune, "mr-plain")
        add(mccuneInitial, "mr-initial")
        add(spelled(.dprk, position), "dprk")
        for respelled in syllableRespellings[revised] ?? [] { add(respelled, "own:\(revised)>\(respelled)") }
        // Only after a consonant: "ui", "ae", "oe" and "ye" are vowels of their own.
        for (from, to) in endRespellings where revised.count >= 2 && revised.hasSuffix(from) {
            let before = revised.utf8[revised.utf8.index(revised.utf8.endIndex, offsetBy: -from.utf8.count - 1)]
            if !"aeiouwy".utf8.contains(before) { add(String(revised.dropLast(from.count)) + to, "own:\(from)>\(to)") }
        }
        for (from, to) in startRespellings where revised.hasPrefix(from) { add(to + revised.dropFirst(from.count), "own:\(from)>\(to)") }
        return spellings
    }

    /// The first occurrence of `from` replaced by `to`, or nil if absent; the "u" of "eu" is not doubled.
    private static func respell(_ spelling: String, _ from: String, _ to: String) -> String? {
        let bytes = Array(spelling.utf8)
        let pattern = Array(from.utf8)
        guard bytes.count >= pattern.count else { return nil }
        for start in 0...(bytes.count - pattern.count) where Array(bytes[start..<(start + pattern.count)]) == pattern {
            if from == "u", start > 0, bytes[start - 1] == UInt8(ascii: "e") { continue }
            return String(decoding: bytes[..<start] + Array(to.utf8) + bytes[(start + pattern.count)...], as: UTF8.self)
        }
        return nil
    }

    private static func hyphenated(_ syllables: [String], capitalizeEach: Bool = false) -> String {
        syllables.enumerated().map { index, syllable in index == 0 || capitalizeEach ? capitalized(syllable) : syllable }.joined(separator: "-")
    }

    private static func spaced(_ syllables: [String]) -> String {
        syllables.map(capitalized).joined(separator: " ")
    }

    private static func capitalized(_ syllable: String) -> String {
        var bytes = Array(syllable.utf8)
        Latin.capitalize(&bytes, from: 0)
        return String(decoding: bytes, as: UTF8.self)
    }
}
