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
}
