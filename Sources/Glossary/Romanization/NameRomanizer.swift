/// Personal names (RR 3-4): surname, a space, then the given name with its syllables joined by a hyphen and capitalized
/// once. No sound change is written inside the given name or across the surname (한복남 Han Bok-nam, not Bongnam);
/// MR and the DPRK system still voice a plain consonant after a voiced sound (김대중 Kim Tae-jung, 리선권 Ri Son-gwon).
public enum NameRomanizer {
    public static func romanize(_ name: String, system: RomanizationSystem = .rr, style: NameStyle = .conventional, plain: Bool = false) -> String {
        var out: [UInt8] = []
        let segments = HangulText.segments(name)
        var index = 0
        while index < segments.count {
            let start = out.count
            switch segments[index] {
            case .hangul(let word):
                // "홍 길동": a lone surname, one space, then the given name.
                if word.count <= 2, index + 2 < segments.count, segments[index + 1] == .other([" "]),
                    case .hangul(let given) = segments[index + 2], given.count <= 2, SurnameConventions.isSurname(word)
                {
                    appendName(surname: word, given: given, system: system, style: style, to: &out)
                    index += 2
                } else if KoreanName.looksForeign(word) {
                    LoanwordRomanizer.append(word, to: &out)
                } else {
                    let parts = split(word)
                    appendName(surname: parts.surname, given: parts.given, system: system, style: style, to: &out)
                }
            case .other(let scalars):
                Latin.append(scalars, to: &out)
            case .loneJamo(let scalar):
                WordRomanizer.appendLoneJamo(scalar, system: system, to: &out)
            }
            if plain { Latin.dropDiacritics(&out, from: start) }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether some word of `name` reads as a foreign word, whose romanization is then a guess at its original spelling.
    static func guessesLoanword(_ name: String) -> Bool {
        HangulText.segments(name).contains { segment in
            if case .hangul(let word) = segment { return KoreanName.looksForeign(word) }
            return false
        }
    }

    /// Surname and given name: two-syllable surnames (남궁 선우 황보 제갈 독고 사공) are taken whole when the name is long
    /// enough; 선우 only in names of four syllables, since 선 + 우X is the likelier reading of three.
    static func split(_ name: [Unicode.Scalar]) -> (surname: [Unicode.Scalar], given: [Unicode.Scalar]) {
        if name.count >= 3 {
            let prefix = Array(name[0..<2])
            if SurnameConventions.twoSyllable.contains(prefix), name.count >= 4 || prefix != SurnameConventions.seonu {
                return (prefix, Array(name[2...]))
            }
        }
        return (Array(name.prefix(1)), Array(name.dropFirst()))
    }

    static func appendName(
        surname: [Unicode.Scalar], given: [Unicode.Scalar], system: RomanizationSystem, style: NameStyle,
        to out: inout [UInt8]
    ) {
        let effectiveSystem = style == .dprk ? .dprk : system
        out.append(contentsOf: surnameSpelling(surname, system: effectiveSystem, style: style).utf8)
        guard !given.isEmpty else { return }
        out.append(UInt8(ascii: " "))
        // AP and KCNA write the given name's syllables as words: Kim Jong Un.
        let spaced = style == .ap || style == .dprk
        appendGivenName(given, system: effectiveSystem, separator: spaced ? " " : "-", capitalizeEach: spaced, to: &out)
    }

    /// The given name, syllable by syllable.
    static func appendGivenName(
        _ given: [Unicode.Scalar], system: RomanizationSystem, separator: String, capitalizeEach: Bool,
        to out: inout [UInt8]
    ) {
        if system == .translit {
            for (index, scalar) in given.enumerated() {
                if index > 0 { out.append(contentsOf: separator.utf8) }
                let start = out.count
                Transliteration.append([scalar], to: &out)
                if index == 0 || capitalizeEach { Latin.capitalize(&out, from: start) }
            }
            return
        }
        let syllables = given.compactMap(Pronunciation.pronounceAlone)
        system.alphabet.append(givenName: syllables, separator: Array(separator.utf8), capitalizeEach: capitalizeEach, to: &out)
    }

    /// The surname as the style wants it; see `NameStyle`.
    static func surnameSpelling(_ surname: [Unicode.Scalar], system: RomanizationSystem, style: NameStyle) -> String {
        let key = String(String.UnicodeScalarView(surname))
        switch style {
        case .conventional, .ap:
            if let usual = SurnameConventions.entry(key)?.spellings.first { return usual }
        case .dprk:
            // As the Hangul is written: KCNA's 리 is Ri, 로 Ro, 류 Ryu; a name written 노, 양, 유 is No, Yang, Yu there too.
            return systemSpelling(surname, system: .dprk)
        case .strict:
            if system == .mr, let mr = SurnameConventions.mccuneReischauer[key] { return mr }
        }
        return systemSpelling(surname, system: system)
    }

    /// The surname written by the system alone, as a given name would be but without hyphens (남궁 Namgung, 독고 Tokko).
    static func systemSpelling(_ surname: [Unicode.Scalar], system: RomanizationSystem) -> String {
        var out: [UInt8] = []
        appendGivenName(surname, system: system, separator: "", capitalizeEach: false, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}

/// Surname conventions beyond the spelling table: two-syllable surnames, North Korean forms, MR's own spellings.
enum SurnameConventions {
    static let twoSyllable: Set<[Unicode.Scalar]> = Set(["남궁", "선우", "황보", "제갈", "독고", "사공"].map { Array($0.unicodeScalars) })
    static let seonu: [Unicode.Scalar] = Array("선우".unicodeScalars)

    /// McCune–Reischauer's surname convention (ALA-LC): 이 Yi, 박 Pak (by the table), 류 Yu, 임 Im, 노 No.
    static let mccuneReischauer: [String: String] = [
        "이": "Yi", "리": "Yi", "류": "Yu", "유": "Yu", "임": "Im", "림": "Im", "노": "No", "로": "No", "나": "Na", "라": "Na",
        "양": "Yang", "량": "Yang", "염": "Yŏm", "렴": "Yŏm", "육": "Yuk", "륙": "Yuk", "여": "Yŏ", "려": "Yŏ",
    ]

    private static let entries: [String: Surnames.Entry] = {
        var table: [String: Surnames.Entry] = [:]
        for entry in Surnames.table where table[entry.hangul] == nil { table[entry.hangul] = entry }
        return table
    }()

    static func entry(_ hangul: String) -> Surnames.Entry? { entries[hangul] }

    static func isSurname(_ word: [Unicode.Scalar]) -> Bool {
        entries[String(String.UnicodeScalarView(word))] != nil
    }
}
