/// A romanization system's letters for pronounced syllables. Onsets are given per position, which is how McCune–Reischauer
/// and the DPRK system write voicing (k/g) and tenseness after a stop (k), and how RR writes ㄹㄹ as ll;
/// codas are the seven coda sounds. Tables are written as space-separated letters in Unicode lead order
/// (ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ), vowel order (ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ)
/// and coda order (ㄱ ㄴ ㄷ ㄹ ㅁ ㅂ ㅇ); "-" is the empty string.
struct PhoneticAlphabet: Sendable {
    /// What precedes an onset, which decides its letter.
    enum Position: Int, CaseIterable, Sendable {
        case wordInitial, afterVowel, afterNasal, afterN, afterL, afterObstruent

        init(afterCoda coda: UInt8) {
            switch coda {
            case 0: self = .afterVowel
            case Tail.nieun: self = .afterN
            case Tail.rieul: self = .afterL
            case Tail.mieum, Tail.ieung: self = .afterNasal
            default: self = .afterObstruent
            }
        }

        /// Across the hyphen of a given name: voicing still follows the sound before, nothing else does.
        init(acrossHyphenAfter coda: UInt8) {
            switch coda {
            case 0: self = .afterVowel
            case Tail.nieun, Tail.rieul, Tail.mieum, Tail.ieung: self = .afterNasal
            default: self = .afterObstruent
            }
        }
    }

    private let onsets: [[[UInt8]]]
    let vowels: [[UInt8]]
    /// By tail index; only 0 and the seven coda sounds are filled.
    let codas: [[UInt8]]
    /// MR writes ㅅ before ㅟ as sh (쉬 shwi).
    let siotBeforeWi: [UInt8]?
    /// Tables whose length is not the number of letters they stand for (19 onsets, 21 vowels, 7 codas): empty for the
    /// bundled alphabets (a test holds it), since a short table would shift every letter after the gap.
    let problems: [String]

    init(
        initial: String, voiced: String, afterObstruent: String, afterL: String, afterN: String,
        vowels: String, codas: String, siotBeforeWi: String? = nil
    ) {
        var problems: [String] = []
        for (name, table, count) in [
            ("initial", initial, 19), ("voiced", voiced, 19), ("afterObstruent", afterObstruent, 19), ("afterL", afterL, 19),
            ("afterN", afterN, 19), ("vowels", vowels, 21), ("codas", codas, 7),
        ] where Latin.letters(table).count != count {
            problems.append("\(name) has \(Latin.letters(table).count) letters, not \(count)")
        }
        self.problems = problems
        let initialLetters = Latin.letters(initial)
        let voicedLetters = Latin.letters(voiced)
        var onsets = [[[UInt8]]](repeating: [], count: Position.allCases.count)
        onsets[Position.wordInitial.rawValue] = initialLetters
        onsets[Position.afterVowel.rawValue] = voicedLetters
        onsets[Position.afterNasal.rawValue] = voicedLetters
        onsets[Position.afterN.rawValue] = Latin.letters(afterN)
        onsets[Position.afterL.rawValue] = Latin.letters(afterL)
        onsets[Position.afterObstruent.rawValue] = Latin.letters(afterObstruent)
        self.onsets = onsets
        self.vowels = Latin.letters(vowels)
        var codaLetters = [[UInt8]](repeating: [], count: 28)
        for (tail, letters) in zip([Tail.giyeok, Tail.nieun, Tail.digeut, Tail.rieul, Tail.mieum, Tail.pieup, Tail.ieung], Latin.letters(codas)) {
            codaLetters[Int(tail)] = letters
        }
        self.codas = codaLetters
        self.siotBeforeWi = siotBeforeWi.map { Array($0.utf8) }
    }

    func onset(_ lead: UInt8, _ position: Position) -> [UInt8] {
        onsets[position.rawValue][Int(lead)]
    }

    /// Appends one syllable: onset by position, vowel, coda.
    func append(_ syllable: PhoneticSyllable, at position: Position, to out: inout [UInt8]) {
        if syllable.onset == Lead.siot, syllable.vowel == Vowel.wi, let siotBeforeWi {
            out.append(contentsOf: siotBeforeWi)
        } else {
            out.append(contentsOf: onsets[position.rawValue][Int(syllable.onset)])
        }
        out.append(contentsOf: vowels[Int(syllable.vowel)])
        out.append(contentsOf: codas[Int(syllable.coda)])
    }

    /// Appends a pronounced word. With `hyphenateAmbiguity`, a hyphen goes where the letters could be split into syllables
    /// another way (RR 3-2: 중앙 Jung-ang, 반구대 Ban-gudae, 세운 Se-un, 해운대 Hae-undae).
    func append(word: [PhoneticSyllable], to out: inout [UInt8], hyphenateAmbiguity: Bool = false) {
        var position = Position.wordInitial
        var previous: PhoneticSyllable?
        for syllable in word {
            if hyphenateAmbiguity, let previous, isAmbiguous(previous, syllable) { out.append(UInt8(ascii: "-")) }
            // A tensed onset is written as after a stop: voiceless in MR and the DPRK system (태권도 t'aekwŏndo); RR's letters
            // are the same in both positions.
            append(syllable, at: syllable.tensed ? .afterObstruent : position, to: &out)
            position = Position(afterCoda: syllable.coda)
            previous = syllable
        }
    }

    /// The syllables of a given name, each on its own, joined by `separator`, each capitalized if asked (RR 3-4).
    func append(givenName syllables: [PhoneticSyllable], separator: [UInt8], capitalizeEach: Bool, to out: inout [UInt8]) {
        var position = Position.wordInitial
        for (index, syllable) in syllables.enumerated() {
            if index > 0 { out.append(contentsOf: separator) }
            let start = out.count
            append(syllable, at: position, to: &out)
            if index == 0 || capitalizeEach { Latin.capitalize(&out, from: start) }
            position = Position(acrossHyphenAfter: syllable.coda)
        }
    }

    private func isAmbiguous(_ previous: PhoneticSyllable, _ next: PhoneticSyllable) -> Bool {
        if next.onset == Lead.ieung {
            if previous.coda == Tail.ieung || previous.coda == Tail.nieun { return true }
            guard previous.coda == 0, let last = vowels[Int(previous.vowel)].last, let first = vowels[Int(next.vowel)].first else { return false }
            return Self.vowelDigraphs.contains([last, first])
        }
        return previous.coda == Tail.nieun && next.onset == Lead.giyeok
    }

    private static let vowelDigraphs: Set<[UInt8]> = [Array("ae".utf8), Array("eo".utf8), Array("eu".utf8), Array("oe".utf8), Array("ui".utf8)]
}

extension PhoneticAlphabet {
    /// Revised Romanization, 2000 (rev. 2014), chapter 2 tables; ㄹ is l after ㄹ (RR 2-2 note 2).
    static let revised = PhoneticAlphabet(
        initial: "g kk n d tt r m b pp s ss - j jj ch k t p h",
        voiced: "g kk n d tt r m b pp s ss - j jj ch k t p h",
        afterObstruent: "g kk n d tt r m b pp s ss - j jj ch k t p h",
        afterL: "g kk n d tt l m b pp s ss - j jj ch k t p h",
        afterN: "g kk n d tt r m b pp s ss - j jj ch k t p h",
        vowels: "a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i",
        codas: "k n t l m p ng"
    )

    /// McCune–Reischauer (1939; ALA-LC usage): ㄱㄷㅂㅈ voiceless (k t p ch) initially and after a stop (where they are tense),
    /// voiced between voiced sounds; ㄷㅈ after ㄹ tense in Sino-Korean words (SPR 26: 결단 kyŏltan); n'g for ㄴ+ㄱ.
    static let mccuneReischauer = PhoneticAlphabet(
        initial: "k kk n t tt r m p pp s ss - ch tch ch' k' t' p' h",
        voiced: "g kk n d tt r m b pp s ss - j tch ch' k' t' p' h",
        afterObstruent: "k kk n t tt r m p pp s ss - ch tch ch' k' t' p' h",
        afterL: "g kk n t tt l m b pp s ss - ch tch ch' k' t' p' h",
        afterN: "'g kk n d tt r m b pp s ss - j tch ch' k' t' p' h",
        vowels: "a ae ya yae ŏ e yŏ ye o wa wae oe yo u wŏ we wi yu ŭ ŭi i",
        codas: "k n t l m p ng",
        siotBeforeWi: "sh"
    )

    /// The DPRK system (1992) as printed in English-language news, without breves: ㅈ j, ㅊ ch, ㅋ kh, ㅌ th, ㅍ ph;
    /// ㄱㄷㅂ voiceless initially and after a stop, voiced between voiced sounds.
    static let dprk = PhoneticAlphabet(
        initial: "k kk n t tt r m p pp s ss - j jj ch kh th ph h",
        voiced: "g kk n d tt r m b pp s ss - j jj ch kh th ph h",
        afterObstruent: "k kk n t tt r m p pp s ss - j jj ch kh th ph h",
        afterL: "g kk n d tt l m b pp s ss - j jj ch kh th ph h",
        afterN: "g kk n d tt r m b pp s ss - j jj ch kh th ph h",
        vowels: "a ae ya yae o e yo ye o wa wae oe yo u wo we wi yu u ui i",
        codas: "k n t l m p ng"
    )
}
