/// Foreign words written in Hangul (루덴코, 라브로프, 이탈리아) read back into Latin letters by reversing the Korean loanword
/// orthography (외래어 표기법, 1986, table 1 and chapter 3): each letter by the orthography's table read backwards, the ㅡ the
/// orthography adds after a consonant of a cluster or at the end dropped (스 s, 즈 z, 츠 ts), the y of a vowel after ㅅ ㅈ ㅊ
/// given to the consonant (샤 sha, 쥬 ju). A guess, and said to be one: Korean writes l and r, p and f, b and v alike.
public enum LoanwordRomanizer {
    /// Onsets in Unicode lead order (ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ); ㄹ is r here, l at the start and
    /// after ㄴ (`lateralAfterCodas`), and nothing after the coda ㄹ: the orthography writes an l between vowels as ㄹㄹ
    /// (3-1.6: 슬라이드, 필름, 이탈리아). At the start, l and r are both ㄹ; l is the likelier on the list of names.
    static let onsets = Latin.letters("g k n d t r m b p s s - j j ch k t p h")
    /// An onset before the added ㅡ, which is the consonant alone (3-1.1-3: 스트라이크, 버즈, 치츠).
    static let onsetsAloneBeforeEu = Latin.letters("g k n d t r m b p s s eu z z ts k t p h")
    /// Vowels in Unicode order (ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ); ㅓ stands for English u and schwa.
    static let vowels = Latin.letters("a a ya ya u e yo ye o wa we we yo u wo we wi yu eu ui i")
    /// Codas: the orthography writes only ㄱ ㄴ ㄹ ㅁ ㅂ ㅅ ㅇ at the end of a syllable (1-3).
    static let codas: [Character: String] = ["ㄱ": "k", "ㄴ": "n", "ㄹ": "l", "ㅁ": "m", "ㅂ": "p", "ㅅ": "t", "ㅇ": "ng"]
    /// A y-vowel after ㅅ ㅈ ㅊ is the consonant's (3-1.3: 셰퍼드, 샤프; 2-1: ㅈ ㅊ take no y-vowel in loanwords).
    static let palatalOnsets: [Character: String] = ["ㅅ": "sh", "ㅆ": "sh", "ㅈ": "j", "ㅊ": "ch"]
    static let palatalVowels: [Character: String] = ["ㅑ": "a", "ㅒ": "a", "ㅕ": "o", "ㅖ": "e", "ㅛ": "o", "ㅠ": "u"]
    /// ㅇ before ㄱ is the n of "ng" + g (앙골라 Angola, 헝가리 Hungary).
    static let ngBeforeG = "n"
    static let lateralAfterCodas: Set<Character> = ["ㄴ"]
    /// A coda written before the same consonant is one consonant (맥케인 McCain: ㄱ + ㅋ, 히트 + 팟).
    static let geminates: Set<[Character]> = [["ㄱ", "ㅋ"], ["ㅂ", "ㅍ"], ["ㅅ", "ㅌ"]]
    /// Endings with a spelling of their own: the Russian -ov/-ev that Korean writes 프 (라브로프 Lavrov), -sky, and the
    /// Korean words of a name (크리스마스섬 Christmas Island).
    static let endings: [(hangul: [Unicode.Scalar], latin: String, afterVowels: Set<Character>)] = [
        ("프", "v", ["ㅗ", "ㅔ"]), ("스키", "sky", []), ("섬", " Island", []), ("제도", " Islands", []),
    ].map { (Array($0.0.unicodeScalars), $0.1, $0.2) }

    /// The guessed Latin spelling of one Hangul word, capitalized.
    public static func romanize(_ word: String) -> String {
        var out: [UInt8] = []
        append(Array(word.unicodeScalars), to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Every Hangul word of `text` guessed; other text kept.
    static func romanizeText(_ text: String) -> String {
        var out: [UInt8] = []
        for segment in HangulText.segments(text) {
            switch segment {
            case .hangul(let word): append(word, to: &out)
            case .other(let scalars): Latin.append(scalars, to: &out)
            case .loneJamo(let scalar): WordRomanizer.appendLoneJamo(scalar, system: .rr, to: &out)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func append(_ word: [Unicode.Scalar], to out: inout [UInt8]) {
        let start = out.count
        let syllables = word.compactMap(Hangul.syllable)
        guard syllables.count == word.count else {
            Latin.append(word, to: &out)
            return
        }
        var end = syllables.count
        var ending = ""
        for candidate in endings where candidate.hangul.count < word.count && Array(word.suffix(candidate.hangul.count)) == candidate.hangul {
            let before = syllables[word.count - candidate.hangul.count - 1]
            guard candidate.afterVowels.isEmpty || candidate.afterVowels.contains(Hangul.vowelLetters[Int(before.vowel)]) else { continue }
            end = word.count - candidate.hangul.count
            ending = candidate.latin
            break
        }
        for index in 0..<end {
            let syllable = syllables[index]
            let lead = Hangul.leadLetters[Int(syllable.lead)]
            let vowel = Hangul.vowelLetters[Int(syllable.vowel)]
            let previousTail = index > 0 ? tailLetter(syllables[index - 1]) : nil
            if let previousTail, geminates.contains([previousTail, lead]), let last = out.last, last != UInt8(ascii: "-") {
                out.removeLast()
            }
            if vowel == "ㅡ", syllable.tail == 0 {
                out.append(contentsOf: onsetsAloneBeforeEu[Int(syllable.lead)])
                continue
            }
            if let consonant = palatalOnsets[lead], let rest = palatalVowels[vowel] {
                out.append(contentsOf: Array(consonant.utf8) + Array(rest.utf8))
            } else {
                if lead == "ㄹ", previousTail == "ㄹ" {
                    // ㄹㄹ is one l (이탈리아 Italia, 앙골라 Angola).
                } else if lead == "ㄹ", index == 0 || previousTail.map(lateralAfterCodas.contains) == true {
                    out.append(UInt8(ascii: "l"))
                } else {
                    out.append(contentsOf: onsets[Int(syllable.lead)])
                }
                // ㅡ before a coda is as often the orthography's added vowel (과들루프 Guadeloupe) as a sound.
                if !(vowel == "ㅡ" && syllable.tail != 0 && lead != "ㅇ") { out.append(contentsOf: vowels[Int(syllable.vowel)]) }
            }
            if let tail = tailLetter(syllable), let written = codas[tail] {
                let nextLead = index + 1 < syllables.count ? Hangul.leadLetters[Int(syllables[index + 1].lead)] : nil
                out.append(contentsOf: Array((tail == "ㅇ" && nextLead == "ㄱ" ? ngBeforeG : written).utf8))
            }
        }
        out.append(contentsOf: Array(ending.utf8))
        Latin.capitalize(&out, from: start)
    }

    private static func tailLetter(_ syllable: Hangul.Syllable) -> Character? {
        syllable.tail == 0 ? nil : Hangul.tailLetters[Int(syllable.tail) - 1]
    }

}
