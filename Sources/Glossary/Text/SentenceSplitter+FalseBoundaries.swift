/// Where ICU (72, even with `en@ss=standard`) ends a sentence and news text does not: after abbreviations
/// ("U.S. Sen. Smith", and Latin initialisms inside Korean: "CNN은 U.S. 관리를"), and before a Korean
/// quotative ending set off by a space ("…없다.” 고 말했다.").
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

    /// Words that carry on a Korean sentence after a closed quotation (“…” 고 말했다, “…” 라며): the quoted
    /// sentence's period is not the end of the reporting one.
    static let quotativeContinuations: Set<Substring> = ["고", "라고", "이라고", "며", "라며", "이라며", "면서", "라면서", "하고", "하며"]

    /// Whether the ICU boundary between `before` and `after` falls after an abbreviation that does not
    /// end the sentence, or between a closed quotation and the quotative ending that reports it. A boundary
    /// at a line break is always real: a line ends a headline or a paragraph whatever its last word.
    static func isFalseBoundary(before: Substring, after: Substring) -> Bool {
        if before.reversed().prefix(while: \.isWhitespace).contains(where: \.isNewline) { return false }
        if let last = before.last(where: { !$0.isWhitespace }), "”\"’'".contains(last),
            let next = after.split(whereSeparator: \.isWhitespace).first, quotativeContinuations.contains(next)
        {
            return true
        }
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
