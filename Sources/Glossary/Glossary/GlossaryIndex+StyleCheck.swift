extension GlossaryIndex {
    /// Each spelling in an English draft that names a glossary entry but is not its house form.
    ///
    /// Not flagged: the house form itself in any letter case (headlines are in capitals), an alias (an acceptable
    /// other name: Britain, EU), a spelling that is the house form or an alias of another entry it may name (two
    /// people, one name), and a short reference made of the house form's last words ("Putin" for Vladimir Putin).
    func check(_ text: String) -> StyleCheckResult {
        var issues: [StyleIssue] = []
        for span in recognize(text) where !span.text.unicodeScalars.contains(where: Hangul.isSyllable) {
            let found = span.text
            let acceptable = span.matches.contains { candidate in
                candidate.via == .alias || candidate.english.lowercased() == found.lowercased()
                    || Self.isShortReference(found, to: candidate.english)
            }
            guard !acceptable, let best = span.matches.first else { continue }
            let alternatives = Array(Set(span.matches.dropFirst().map(\.english).filter { $0 != best.english })).sorted()
            // Candidates found the same way (by an off-style spelling of each) are equally likely: no correction.
            let ambiguous = span.matches.dropFirst().contains { $0.english != best.english && $0.via.rank == best.via.rank }
            issues.append(
                StyleIssue(
                    start: span.start, end: span.end, found: found, house: best.english, id: best.id, hangul: best.hangul,
                    alternatives: alternatives, ambiguous: ambiguous))
        }
        return StyleCheckResult(issues: issues, corrected: Self.applying(issues.filter { !$0.ambiguous }, to: text))
    }

    /// "Putin" refers to "Vladimir Putin": the found words are the house form's last words.
    static func isShortReference(_ found: String, to house: String) -> Bool {
        let foundWords = found.lowercased().split(separator: " ")
        let houseWords = house.lowercased().split(separator: " ")
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
