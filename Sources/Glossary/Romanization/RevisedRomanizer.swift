/// Revised Romanization of Korean (문화관광부 고시 2000-8, rev. 2014): by standard pronunciation (chapter 3, article 1),
/// or letter by letter for restoring the Hangul (article 8).
public enum RevisedRomanizer {
    /// Words in lower case by pronunciation: 백마 baengma, 좋고 joko, 학여울 hangnyeoul. With `hyphenateAmbiguity`,
    /// a hyphen marks syllable boundaries the letters leave ambiguous (RR 3-2: 중앙 jung-ang).
    public static func romanize(_ text: String, hyphenateAmbiguity: Bool = false) -> String {
        guard hyphenateAmbiguity else { return WordRomanizer.romanize(text, system: .rr, plain: false, capitalized: false) }
        var out: [UInt8] = []
        for segment in HangulText.segments(text) {
            switch segment {
            case .hangul(let word): PhoneticAlphabet.revised.append(word: Pronunciation.pronounce(word), to: &out, hyphenateAmbiguity: true)
            case .other(let scalars): Latin.append(scalars, to: &out)
            case .loneJamo(let scalar): WordRomanizer.appendLoneJamo(scalar, system: .rr, to: &out)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Letter by letter (RR 3-8): 집 jib, 짚 jip, 값 gabs, 물엿 mul-yeos, 학여울 hag-yeo-ul.
    public static func transliterate(_ text: String) -> String {
        WordRomanizer.romanize(text, system: .translit, plain: false, capitalized: false)
    }
}

/// McCune–Reischauer, with breves and apostrophes (서울 Sŏul, 한글 Han'gŭl, 천리마 Ch'ŏllima); `plain` drops them.
public enum McCuneReischauer {
    public static func romanize(_ text: String, plain: Bool = false) -> String {
        WordRomanizer.romanize(text, system: .mr, plain: plain, capitalized: false)
    }
}

/// The DPRK's 1992 system as printed in English-language news (ㅈ j, ㅊ ch, ㅋ kh, ㅌ th, ㅍ ph, ㅓ o, ㅡ u): 남포 nampho.
public enum DPRKRomanizer {
    public static func romanize(_ text: String) -> String {
        WordRomanizer.romanize(text, system: .dprk, plain: true, capitalized: false)
    }
}
