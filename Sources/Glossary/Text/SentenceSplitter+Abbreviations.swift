/// Abbreviations after which ICU (72, even with `en@ss=standard`) still ends a sentence, and news
/// text does not: "U.S. Sen. Smith", and Latin initialisms inside Korean ("CNN은 U.S. 관리를").
extension SentenceSplitter {
    /// Titles that stand before a name: a sentence never ends on one.
    static let titles: Set<Substring> = [
        "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Sen.", "Rep.", "Gov.", "Gen.", "Lt.", "Col.", "Maj.", "Capt.", "Sgt.", "Adm.",
        "Cmdr.", "Pres.", "Rev.", "St.", "Mt.", "Ft.", "Sec.", "Amb.", "Supt.", "Cpl.", "Pvt.", "Insp.", "Messrs.",
    ]

    /// Initialisms that often stand inside a sentence ("the U.S. State Department") and sometimes end
    /// one ("... to the U.S. The visit ..."): joined unless the next word usually begins a sentence.
    static let initialisms: Set<Substring> = [
        "U.S.", "U.N.", "U.K.", "E.U.", "N.Y.", "D.C.", "L.A.", "S.Korea.", "N.Korea.", "a.m.", "p.m.", "Jr.", "Inc.", "Co.",
        "Corp.", "Ltd.", "No.", "Nos.", "vs.", "etc.", "approx.", "Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sept.", "Sep.",
        "Oct.", "Nov.", "Dec.",
    ]

    /// Words that usually open an English sentence; after an initialism they mean the sentence ended.
    static let sentenceOpeners: Set<Substring> = [
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those", "But", "And", "Or",
        "So", "In", "On", "At", "As", "If", "When", "While", "However", "Meanwhile", "His", "Her", "Its", "Their", "Our",
        "There", "Yet", "Still", "According", "Officials", "After", "Before", "Since", "Some", "Many",
    ]

    /// Whether the ICU boundary between `before` and `after` falls after an abbreviation that does not
    /// end the sentence.
    static func isFalseBoundary(before: Substring, after: Substring) -> Bool {
        guard let token = before.split(whereSeparator: \.isWhitespace).last.map(trimmingOpeners) else { return false }
        if titles.contains(token) { return true }
        guard initialisms.contains(token) else { return false }
        guard let next = after.split(whereSeparator: \.isWhitespace).first else { return false }
        let word = next.prefix { $0.isLetter }
        return !sentenceOpeners.contains(word)
    }

    private static func trimmingOpeners(_ token: Substring) -> Substring {
        token.drop { "([{\"“‘'".contains($0) }
    }
}
