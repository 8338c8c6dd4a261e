/// Whether a Hangul string reads as a Korean personal name, so that romanizing it as one makes sense.
enum KoreanName {
    /// Two to five syllables, no spaces, beginning with a known surname (one syllable, or two such as 남궁).
    /// Foreign names written in Hangul (푸틴, 블링컨) mostly fail the surname test; the few that pass get
    /// spellings nobody writes, which cost a little memory and match nothing.
    static func looksLikeKoreanName(_ hangul: String) -> Bool {
        let scalars = Array(hangul.unicodeScalars)
        guard (2...5).contains(scalars.count), scalars.allSatisfy(Hangul.isSyllable) else { return false }
        if scalars.count >= 3, SurnameConventions.twoSyllable.contains(Array(scalars[0..<2])) { return true }
        return scalars.count <= 4 && SurnameConventions.isSurname(Array(scalars[0..<1]))
    }

    /// Whether a Hangul word reads as a foreign word rather than a Korean name, so that romanizing it as a person
    /// (맥케인 "Mae Ke-in", 이탈리아 "Lee Tal-ri-a") would be wrong: it has a syllable of the loanword orthography that
    /// Korean names do not use, or it is too long for a surname and a given name of one or two syllables.
    static func looksForeign(_ word: [Unicode.Scalar]) -> Bool {
        guard word.count >= 2, word.allSatisfy(Hangul.isSyllable) else { return false }
        if word.contains(where: isLoanwordSyllable) { return true }
        let surnameLength = word.count >= 3 && SurnameConventions.twoSyllable.contains(Array(word[0..<2])) ? 2 : 1
        guard SurnameConventions.isSurname(Array(word[0..<surnameLength])) || Surnames.lessCommon.contains(word[0]) else { return true }
        return word.count - surnameLength > 2
    }

    /// Syllables the loanword orthography (외래어 표기법) makes and Korean names do not use: a consonant with the ㅡ the
    /// orthography adds (르 프 즈 크 스 트), ㅈ ㅊ ㅉ with a y-vowel (쥬 챠, never written in native words), and ㅔ after
    /// these consonants (레 케 테 페 베 데 헤 네 메 게).
    static let addedVowel: Character = "ㅡ"
    static let palatalOnsets: Set<Character> = ["ㅈ", "ㅊ", "ㅉ"]
    static let yVowels: Set<Character> = ["ㅑ", "ㅒ", "ㅕ", "ㅖ", "ㅛ", "ㅠ"]
    static let onsetsBeforeE: Set<Character> = ["ㄱ", "ㄴ", "ㄷ", "ㄹ", "ㅁ", "ㅂ", "ㅋ", "ㅌ", "ㅍ", "ㅎ"]

    static func isLoanwordSyllable(_ scalar: Unicode.Scalar) -> Bool {
        guard let syllable = Hangul.syllable(scalar) else { return false }
        let lead = Hangul.leadLetters[Int(syllable.lead)]
        let vowel = Hangul.vowelLetters[Int(syllable.vowel)]
        if vowel == addedVowel, syllable.tail == 0, lead != "ㅇ" { return true }
        if palatalOnsets.contains(lead), yVowels.contains(vowel) { return true }
        return vowel == "ㅔ" && onsetsBeforeE.contains(lead)
    }
}
