/// Checks of a translated article or a list of pairs, pair by pair (see `QAIssue.Kind`).
extension DocumentAnalyzer {
    /// Aligns a Korean article with its English translation and checks every bead.
    public func qa(korean: String, english: String) throws(TMError) -> QAReport {
        for (field, text) in [("ko", korean), ("en", english)] {
            try TextField.check(text, field: field)
            guard text.unicodeScalars.count <= Self.maximumLength else {
                throw .invalidInput(field: field, message: "the text is longer than \(Self.maximumLength) characters")
            }
        }
        let alignment = try DocumentAligner(glossary: glossary, memory: memory).align(korean: korean, english: english)
        let pairs = alignment.beads.map { bead in
            (
                ko: bead.ko.map { alignment.koSentences[$0] }.joined(separator: " "),
                en: bead.en.map { alignment.enSentences[$0] }.joined(separator: " ")
            )
        }
        return try qa(pairs: pairs)
    }

    /// Checks pairs as they stand. `asOneText`: the pairs are one article in order, so a name given in full once may
    /// be a pronoun after; the memory's pairs are each checked on their own.
    public func qa(pairs: [(ko: String, en: String)], asOneText: Bool = true) throws(TMError) -> QAReport {
        var issues: [QAIssue] = []
        var named: Set<Int64> = []
        for (index, pair) in pairs.enumerated() {
            issues += try check(ko: pair.ko, en: pair.en, pair: index, namedBefore: &named)
            if !asOneText { named.removeAll() }
        }
        return QAReport(pairs: pairs.count, issues: issues)
    }

    /// The memory's most recent `limit` pairs, checked as a pair list.
    public func qaMemory(limit: Int = 10_000) throws(TMError) -> QAReport {
        try qa(pairs: try memory.recentPairs(limit: limit), asOneText: false)
    }

    /// `namedBefore`: the people and organizations an earlier pair of the same text named in its English; the press
    /// names them once and then by pronoun or title ("the senator"), so only a first mention must carry the name.
    func check(ko: String, en: String, pair: Int, namedBefore: inout Set<Int64>) throws(TMError) -> [QAIssue] {
        func issue(_ kind: QAIssue.Kind, _ message: String, found: String? = nil, expected: String? = nil) -> QAIssue {
            QAIssue(pair: pair, kind: kind, ko: ko, en: en, message: message, found: found, expected: expected)
        }
        let koBlank = ko.trimmed.isEmpty
        let enBlank = en.trimmed.isEmpty
        if koBlank || enBlank {
            return [issue(.unaligned, koBlank ? "an English sentence with no Korean counterpart" : "a Korean sentence with no English counterpart")]
        }
        var issues: [QAIssue] = []
        if let hangul = en.unicodeScalars.first(where: Hangul.isSyllable) {
            let word = en.split(separator: " ").first { $0.unicodeScalars.contains(hangul) }.map(String.init) ?? String(hangul)
            issues.append(issue(.untranslated, "Hangul left in the English: \(word)", found: word))
        }
        issues += numberIssues(ko: ko, en: en, issue: issue)
        issues += try termIssues(ko: ko, en: en, namedBefore: &namedBefore, issue: issue)
        for match in try matches(of: ko, from: .ko, minScore: 100, limit: 5) where match.score >= 100 {
            if Normalizer.key(match.en) != Normalizer.key(en) {
                issues.append(
                    issue(.inconsistent, "the memory translates the same Korean differently (pair \(match.id))", found: en, expected: match.en))
            }
        }
        return issues
    }

    /// Every number of ten or more and every month of the Korean must be in the English, in any notation
    /// (11,000 ↔ 1만1천, $110 million ↔ 1억1천만달러, March 27 ↔ 3월 27일); smaller numbers are often written as words or
    /// folded into the sentence, and are not checked, nor is a day of the month alone (28일), which English news writes
    /// as a weekday (Monday).
    private func numberIssues(ko: String, en: String, issue: (QAIssue.Kind, String, String?, String?) -> QAIssue) -> [QAIssue] {
        let english = Set(NumberAnchors.english(en))
        var issues: [QAIssue] = []
        var reported: Set<AnchorKey> = []
        for expression in KoreanNumberExpression.find(in: ko) where !expression.isDayOfMonth {
            // Measures may be converted (120km → 75 mph, 8,840m → 29,000 feet): a figure within 2 % is the same.
            if Self.unitFactors.contains(where: { factor in english.contains { Self.isNear($0, expression.value * factor) } }) { continue }
            let anchors = NumberAnchors.korean(expression.text).filter { $0.kind == .number || $0.kind == .month }
            for anchor in anchors where !english.contains(anchor) && reported.insert(anchor).inserted {
                issues.append(issue(.number, "\(expression.text) (\(expression.english)) is not in the English", nil, expression.english))
            }
        }
        // …and the other way: a figure of the English that the Korean does not have was changed or added.
        let korean = Set(NumberAnchors.korean(ko))
        let koreanValues = korean.compactMap(\.numberValue)
        for anchor in NumberAnchors.english(en) where anchor.kind == .number && !korean.contains(anchor) && reported.insert(anchor).inserted {
            let converted = koreanValues.contains { value in Self.unitFactors.contains { Self.isNear(anchor, value * $0) } }
            if converted { continue }
            let value = anchor.numberValue.map(KoreanNumberExpression.amount) ?? "a number"
            issues.append(issue(.number, "\(value) of the English is not in the Korean", value, nil))
        }
        return issues
    }

    /// Conversions translators make between metric and US units: km ↔ miles, m ↔ feet, kg ↔ pounds.
    static let unitFactors: [Double] = [0.621_371, 1.609_344, 3.280_84, 0.304_8, 2.204_62, 0.453_592]

    private static func isNear(_ anchor: AnchorKey, _ value: Double) -> Bool {
        guard let number = anchor.numberValue, value > 0 else { return false }
        return abs(number - value) <= value * 0.02
    }

    /// Each unambiguous glossary person or organization of the Korean must be in the English at its first mention, by
    /// its house form, an alias, or — for a person named again — the surname alone; a spelling off house style is
    /// reported with the form to use.
    private func termIssues(
        ko: String, en: String, namedBefore: inout Set<Int64>, issue: (QAIssue.Kind, String, String?, String?) -> QAIssue
    ) throws(TMError) -> [QAIssue] {
        guard let glossary else { return [] }
        var issues: [QAIssue] = []
        let styleIssues = try glossary.check(en).issues
        for style in styleIssues where !style.ambiguous {
            issues.append(issue(.offStyle, "\(style.found) is written \(style.house) by house style", style.found, style.house))
        }
        let englishKey = " " + Normalizer.key(en) + " "
        // People and organizations: a place is often left implicit in English ("중국 정부는" → "the government").
        for term in try glossary.recognize(ko) where term.matches.count == 1 {
            guard let candidate = term.matches.first, candidate.kind == .person || candidate.kind == .organization,
                !styleIssues.contains(where: { $0.id == candidate.id })
            else {
                continue
            }
            let entry = try glossary.term(id: candidate.id)
            var accepted = [entry.english] + entry.aliases
            if entry.kind == .person, let surname = Self.surname(of: entry) { accepted.append(surname) }
            let present = accepted.contains { form in
                let key = Normalizer.key(form)
                return !key.isEmpty && (englishKey.contains(" " + key) || englishKey.contains(key + " "))
            }
            if present {
                namedBefore.insert(candidate.id)
            } else if !namedBefore.contains(candidate.id) {
                issues.append(issue(.missingTerm, "\(term.text) (\(entry.english)) is not in the English", nil, entry.english))
            }
        }
        return issues
    }

    /// The surname by which the press names a person again: the first word of a Korean name (Kim Jong-un → Kim),
    /// the last of a Western one (Vladimir Putin → Putin).
    static func surname(of term: Term) -> String? {
        let words = term.english.split(separator: " ").map(String.init)
        guard words.count >= 2 else { return nil }
        return term.country == "KR" || term.country == "KP" || term.country.isEmpty ? words.first : words.last
    }
}
