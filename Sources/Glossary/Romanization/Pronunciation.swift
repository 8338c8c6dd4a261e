/// A syllable as pronounced: `onset` is a lead index (11 = silent ㅇ), `coda` is 0 or the tail index of one of the
/// seven coda sounds ㄱ ㄴ ㄷ ㄹ ㅁ ㅂ ㅇ. `tensed`: the onset is pronounced tense though written plain (태권도 [태꿘도]),
/// which MR and the DPRK system write as voiceless.
struct PhoneticSyllable: Sendable, Hashable {
    var onset: UInt8
    var vowel: UInt8
    var coda: UInt8
    var tensed = false
}

/// The Standard Pronunciation (표준 발음법) of a word, which the Revised Romanization, McCune–Reischauer and the DPRK
/// system all romanize. The sound changes come from the (coda, onset) table in `Pronunciation.rules`; the lexical
/// conditions (compounds, suffixes, verb endings) from `PronunciationLexicon`.
public enum Pronunciation {
    /// The standard pronunciation of each Hangul word in `text`, written back in Hangul (국물 → 궁물, 좋고 → 조코);
    /// it shows what RR writes, so tensification and the aspiration of nouns (북한 [부칸], written Bukhan) are left out.
    /// Other text is kept.
    public static func standardPronunciation(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for segment in HangulText.segments(text) {
            switch segment {
            case .hangul(let word):
                for syllable in pronounce(word) {
                    result.append(Hangul.scalar(Hangul.Syllable(lead: syllable.onset, vowel: syllable.vowel, tail: syllable.coda)))
                }
            case .other(let scalars):
                result.append(contentsOf: scalars)
            case .loneJamo(let scalar):
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// The pronounced syllables of a word of precomposed syllables. RR writes ㄱ/ㅂ + ㅎ of a verb as one aspirate
    /// (잡혀 japyeo, RR 3-1.4); MR and the DPRK system keep both letters (kh, ph: ALA-LC 생각하다 saenggakhada), so they pass
    /// `mergingAspiration: false`. A `noun` (a place name) has no verb suffix: its 하 keeps ㅎ (북하면 Bukha-myeon; RR 3-1.4
    /// proviso, aspiration is not written in nouns).
    static func pronounce(_ word: [Unicode.Scalar], mergingAspiration: Bool = true, noun: Bool = false) -> [PhoneticSyllable] {
        var result: [PhoneticSyllable] = []
        result.reserveCapacity(word.count)
        for scalar in word {
            guard let syllable = Hangul.syllable(scalar) else { continue }
            result.append(PhoneticSyllable(onset: syllable.lead, vowel: syllable.vowel, coda: syllable.tail))
        }
        guard result.count == word.count, !result.isEmpty else { return result }
        let table = CompiledPronunciation.shared
        for index in 0..<(result.count - 1) {
            if table.tensifies(in: word, after: index) { result[index + 1].tensed = true }
            guard result[index].coda != 0 else { continue }
            var coda = result[index].coda
            var onset = result[index + 1].onset
            if coda == Tail.rieulPieup, onset != Lead.ieung, PronunciationLexicon.stemsPronouncedWithB.contains(word[index]) {
                coda = Tail.pieup
            }
            if onset == Lead.ieung, table.takesInsertion(vowel: result[index + 1].vowel), table.insertsConsonant(in: word, after: index) {
                onset = table.insertsLateral(after: coda) ? Lead.rieul : Lead.nieun
            }
            var context = table.context(in: word, after: index, coda: coda, onset: onset, nextVowel: result[index + 1].vowel)
            if noun, context == .verbSuffixH || context == .passiveSuffixH { context = .anywhere }
            if !mergingAspiration, context == .passiveSuffixH || context == .verbSuffixH,
                table.neutralized[Int(coda)] == Tail.giyeok || table.neutralized[Int(coda)] == Tail.pieup
            {
                context = .anywhere
            }
            if let change = table.change(context, coda: coda, onset: onset) {
                if change.coda != CompiledPronunciation.unchanged { coda = change.coda }
                if change.onset != CompiledPronunciation.unchanged { onset = change.onset }
            }
            result[index].coda = table.neutralized[Int(coda)]
            result[index + 1].onset = onset
        }
        let last = result.count - 1
        result[last].coda = table.neutralized[Int(result[last].coda)]
        return result
    }

    /// One syllable on its own (a given-name syllable): only the coda is neutralized, nothing crosses its edges.
    static func pronounceAlone(_ scalar: Unicode.Scalar) -> PhoneticSyllable? {
        guard let syllable = Hangul.syllable(scalar) else { return nil }
        let coda = syllable.tail == Tail.rieulPieup && PronunciationLexicon.stemsPronouncedWithB.contains(scalar) ? Tail.pieup : syllable.tail
        return PhoneticSyllable(onset: syllable.lead, vowel: syllable.vowel, coda: CompiledPronunciation.shared.neutralized[Int(coda)])
    }
}

/// Lead (onset) indices the engine refers to by name, looked up from the letters so that no index is written by hand.
enum Lead {
    static let giyeok = Hangul.lead("ㄱ")
    static let nieun = Hangul.lead("ㄴ")
    static let rieul = Hangul.lead("ㄹ")
    static let siot = Hangul.lead("ㅅ")
    static let ieung = Hangul.lead("ㅇ")
    static let hieut = Hangul.lead("ㅎ")
}

/// Tail (coda) indices the engine refers to by name.
enum Tail {
    static let giyeok = Hangul.tail("ㄱ")
    static let nieun = Hangul.tail("ㄴ")
    static let digeut = Hangul.tail("ㄷ")
    static let rieul = Hangul.tail("ㄹ")
    static let rieulGiyeok = Hangul.tail("ㄺ")
    static let rieulPieup = Hangul.tail("ㄼ")
    static let mieum = Hangul.tail("ㅁ")
    static let pieup = Hangul.tail("ㅂ")
    static let ieung = Hangul.tail("ㅇ")
}

/// Vowel indices the engine refers to by name.
enum Vowel {
    static let i = Hangul.vowel("ㅣ")
    static let wi = Hangul.vowel("ㅟ")
    static let ui = Hangul.vowel("ㅢ")
}
