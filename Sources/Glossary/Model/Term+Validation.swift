/// The rules every store applies to a term before it stores one, whatever the engine.
extension Term {
    /// A term with its fields trimmed and checked: Hangul and English present, no line breaks, variants
    /// without duplicates or the house form itself.
    func validated() throws(TMError) -> Term {
        var term = self
        term.hangul = Normalizer.composed(term.hangul.trimmed)
        term.english = term.english.trimmed
        term.note = term.note.trimmed
        term.source = term.source.trimmed
        term.country = term.country.trimmed.uppercased()
        guard term.country.isEmpty || (term.country.count == 2 && term.country.allSatisfy { $0.isASCII && $0.isLetter }) else {
            throw .invalidInput(field: "country", message: "a country is an ISO 3166-1 alpha-2 code such as KR, KP or US, or empty")
        }
        for (field, value) in [("hangul", term.hangul), ("english", term.english), ("note", term.note), ("source", term.source)] {
            try TextField.check(value, field: field)
        }
        for (index, variant) in term.variants.enumerated() { try TextField.check(variant, field: "variants[\(index)]") }
        for (index, alias) in term.aliases.enumerated() { try TextField.check(alias, field: "aliases[\(index)]") }
        guard !term.hangul.isEmpty else { throw .invalidInput(field: "hangul", message: "the Hangul form is empty") }
        guard !term.english.isEmpty else { throw .invalidInput(field: "english", message: "the English form is empty") }
        for (field, value) in [("hangul", term.hangul), ("english", term.english)] where value.count > 200 {
            throw .tooLarge(field: field, message: "a glossary form is limited to 200 characters")
        }
        var seen: Set<String> = [term.english]
        // A spelling listed as both is an alias: accepted, not flagged.
        term.aliases = term.aliases.map(\.trimmed).filter { !$0.isEmpty && seen.insert($0).inserted }
        term.variants = term.variants.map(\.trimmed).filter { !$0.isEmpty && seen.insert($0).inserted }
        for (field, forms) in [("variants", term.variants), ("aliases", term.aliases)] where forms.contains(where: { $0.count > 200 }) {
            throw .tooLarge(field: field, message: "a glossary form is limited to 200 characters")
        }
        return term
    }

    /// Refuses a new term whose Hangul and English are stored already (update it instead), or that shares one of them
    /// with stored terms (`same`) unless it is added as a `homonym`: a second 김영주 must be meant, not typed by mistake.
    func checkNew(against same: [Term], homonym: Bool) throws(TMError) {
        if let twin = same.first(where: { $0.hangul == hangul && $0.english == english }) {
            throw .conflict(
                message: "\(self.hangul) is already in the glossary as \(self.english) (term \(twin.id ?? 0)): update it instead", existing: [twin])
        }
        if !homonym, !same.isEmpty {
            let listed = same.map { "\($0.hangul) \($0.english) (term \($0.id ?? 0))" }.joined(separator: ", ")
            throw .conflict(
                message: "the glossary already has \(listed); add it as a homonym (\"homonym\": true, --homonym) if it names another",
                existing: same)
        }
    }
}
