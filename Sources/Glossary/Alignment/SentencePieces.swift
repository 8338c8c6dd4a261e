import Foundation

/// Whether two neighbouring sentences of a split text are more likely pieces of one sentence: the splitter cut
/// after an abbreviation ("Corp. Radio"), before a lower-case word or before a lone quotation mark.
/// Such pieces usually share one bead, so the search charges a little for putting them in different beads.
enum SentencePieces {
    /// For each sentence but the last, whether the next one continues it. `sameLine[k]` says whether only spaces
    /// (no line break) separate sentences `k` and `k + 1`; sentences on different lines never continue.
    static func continuations(_ sentences: [String], sameLine: [Bool], language: Language) -> [Bool] {
        guard sentences.count > 1 else { return [] }
        var result = [Bool](repeating: false, count: sentences.count - 1)
        for k in 0..<sentences.count - 1 {
            let (a, b) = (sentences[k], sentences[k + 1])
            guard sameLine[k] else { continue }
            if !b.unicodeScalars.contains(where: { $0.properties.isAlphabetic || ("0"..."9").contains($0) }) {
                result[k] = true
                continue
            }
            if language == .en { result[k] = englishContinues(a, b) }
        }
        return result
    }

    private static func englishContinues(_ a: String, _ b: String) -> Bool {
        if let first = b.unicodeScalars.first, first.properties.isLowercase { return true }
        // The last word before the final period: an abbreviation or an initial.
        guard a.hasSuffix(".") else { return false }
        let word = a.dropLast().split(whereSeparator: { $0 == " " || $0 == "(" || $0 == "\"" }).last.map(String.init) ?? ""
        if word.count == 1, word.first?.isUppercase == true { return true }
        return abbreviations.contains(word)
    }

    /// Words that end with a period mid-sentence in news English (ICU's list leaves some out).
    private static let abbreviations: Set<String> = [
        "Corp", "Co", "Inc", "Ltd", "Jr", "Sr", "Dr", "St", "Mt", "Ft", "Gov", "Sen", "Rep", "Gen", "Lt", "Col", "Capt", "Sgt",
        "Prof", "Rev", "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "No", "vs", "U.S", "U.N", "U.K",
    ]

}
