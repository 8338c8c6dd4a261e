extension GlossaryIndex {
    /// Each spelling in an English draft that names a glossary entry but is not its house form.
    ///
    /// Not flagged: the house form itself, as written or all in capitals (a headline), an alias (an acceptable other
    /// name: Britain, EU), a spelling that is the house form or an alias of another entry it may name (two people, one
    /// name), and a short reference made of the house form's last words ("Putin" for Vladimir Putin). A person's house
    /// form in other capitals ("Kim Jong-Un", "kim jong-un") is flagged (a place's or body's generic word, "Korean
    /// peninsula", is left to the desk); a spelling in capitals is corrected in capitals ("KIM JONG UN" → "KIM JONG-UN").
    func check(_ text: String) -> StyleCheckResult {
        var issues: [StyleIssue] = []
        for span in recognize(text) where !span.text.unicodeScalars.contains(where: Hangul.isSyllable) {
            let found = span.text
            let capitals = Self.isAllCapitals(found)
            let acceptable = span.matches.contains { candidate in
                candidate.via == .alias || candidate.english == found || (capitals && candidate.english.uppercased() == found)
                    // A place's or a body's generic word is capitalized by some desks and not others (Korean peninsula).
                    || (candidate.kind != .person && candidate.english.lowercased() == found.lowercased())
                    || Self.isShortReference(capitals ? found.lowercased() : found, to: capitals ? candidate.english.lowercased() : candidate.english)
            }
            guard !acceptable, let best = span.matches.first else { continue }
            let alternatives = Array(Set(span.matches.dropFirst().map(\.english).filter { $0 != best.english })).sorted()
            // Candidates found the same way (by an off-style spelling of each) are equally likely: no correction.
            let ambiguous = span.matches.dropFirst().contains { $0.english != best.english && $0.via.rank == best.via.rank }
            issues.append(
                StyleIssue(
                    start: span.start, end: span.end, found: found, house: capitals ? best.english.uppercased() : best.english, id: best.id,
                    hangul: best.hangul,
                    alternatives: alternatives, ambiguous: ambiguous))
        }
        return StyleCheckResult(issues: issues, corrected: Self.applying(issues.filter { !$0.ambiguous }, to: text))
    }

    /// A spelling with two letters or more, every one a capital: a headline or a byline.
    static func isAllCapitals(_ text: String) -> Bool {
        let letters = text.unicodeScalars.filter(\.properties.isAlphabetic)
        return letters.count >= 2 && letters.allSatisfy(\.properties.isUppercase)
    }

    /// "Putin" refers to "Vladimir Putin": the found words are the house form's last words, in its capitals.
    static func isShortReference(_ found: String, to house: String) -> Bool {
        let foundWords = found.split(separator: " ")
        let houseWords = house.split(separator: " ")
        return foundWords.count < houseWords.count && houseWords.suffix(foundWords.count).elementsEqual(foundWords)
    }

    private static func applying(_ issues: [StyleIssue], to text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        for issue in issues.reversed() {
            scalars.replaceSubrange(issue.start..<issue.end, with: issue.house.unicodeScalars)
        }
        return String(String.UnicodeScalarView(scalars))
    }
}
