/// The glossary in memory: every spelling of every term, by match key, for lookup and recognition.
///
/// Built from the store's terms plus the spellings the romanizer generates for them (derived, so never
/// stored). A value type; `Glossary` shares it between threads and updates it after each write.
struct GlossaryIndex: Sendable {
    /// One spelling of a term, with its keys.
    struct Form: Sendable {
        let text: String
        let key: String
        let looseKey: String
        let via: GlossaryMatch.Via
        /// An acronym or ordinary English words ("WHO", "US", "Soul", "Blue House"): in a text it names the entry
        /// only in this exact letter case, never as "who" or "us".
        let exactCase: Bool
    }

    struct Entry: Sendable {
        let term: Term
        let id: Int64
        let forms: [Form]
        /// A Korean person's name of two syllables (조국, 장면, 공유): usually a common word, so it names the person
        /// only with a title after it (see `KoreanTitles`).
        let needsTitle: Bool
        /// A Korean company whose short name is a common word (현대 Hyundai, 대우 Daewoo): it names the company only
        /// with a company word after it (see `KoreanCompanyWords`).
        let needsCompanyWord: Bool
        /// A place outside Korea: none of its stored spellings is one the romanizer gives its Hangul (Busan, Pyongyang
        /// are; Israel, United States are not), and its names do not say Korea (South Korea, DPRK are Korean).
        let isForeignPlace: Bool
        /// Whether it is Korean (of either side), from its country or, without one, from its names: a place that is
        /// not foreign, a person whose house form is a romanization of a Korean name. Nil for an organization or term
        /// without a country.
        let isKorean: Bool?
    }

    private(set) var entries: [Int64: Entry] = [:]
    /// Loose key → the terms with a spelling of that key.
    private(set) var termsByLooseKey: [String: [Int64]] = [:]
    /// Hangul spelling (white space as single spaces) → terms, for recognition in Korean text.
    private(set) var termsByHangul: [String: [Int64]] = [:]
    /// Match key of a Latin spelling → terms, for recognition in English text.
    private(set) var termsByLatinKey: [String: [Int64]] = [:]
    /// First words of Latin spellings (as keys): a cheap test before trying longer spans.
    private(set) var latinFirstWords: Set<String> = []
    private(set) var longestHangulForm = 0
    private(set) var mostLatinWords = 0
    /// Near misses: the distinct loose keys, numbered, in a bigram index.
    private(set) var fuzzy = FuzzyIndex(gramLength: 2)
    private(set) var looseKeyIDs: [String: Int64] = [:]
    private(set) var looseKeyByID: [Int64: String] = [:]
    private var looseKeyUses: [Int64: Int] = [:]
    private var nextLooseKeyID: Int64 = 1

    init(terms: [Term] = []) {
        for term in terms { add(term) }
    }

    var count: Int { entries.count }

    /// Adds (or replaces) a stored term; terms without an id are ignored.
    mutating func add(_ term: Term) {
        guard let id = term.id else { return }
        remove(id: id)
        // The romanizer runs once per term: its spellings serve the forms and both tests below.
        let generated = Self.generatedSpellings(of: term)
        let isForeignPlace = Self.isForeignPlace(term, generated: generated)
        let entry = Entry(
            term: term, id: id, forms: Self.forms(of: term, generated: generated),
            needsTitle: Self.isTwoSyllableKoreanName(term, generated: generated), needsCompanyWord: Self.isCommonWordCompany(term),
            isForeignPlace: isForeignPlace,
            isKorean: Self.isKorean(term, generated: generated, isForeignPlace: isForeignPlace))
        entries[id] = entry
        var seenLoose: Set<String> = []
        for form in entry.forms where !form.looseKey.isEmpty && seenLoose.insert(form.looseKey).inserted {
            termsByLooseKey[form.looseKey, default: []].append(id)
        }
        // Near misses are measured against stored spellings only: the generated ones are already a wide net.
        for looseKey in Set(entry.forms.filter { $0.via != .generated }.map(\.looseKey)) where !looseKey.isEmpty {
            retainLooseKey(looseKey)
        }
        for hangul in Set(entry.forms.filter { Script.dominant(in: $0.text) == .hangul }.map { Self.spaced($0.text) }) {
            termsByHangul[hangul, default: []].append(id)
            longestHangulForm = max(longestHangulForm, hangul.unicodeScalars.count)
        }
        for key in Set(entry.forms.filter { Script.dominant(in: $0.text) == .latin }.map(\.key)) {
            termsByLatinKey[key, default: []].append(id)
            let words = LatinWordSpans.spans(in: Array(key.unicodeScalars))
            if let first = words.first { latinFirstWords.insert(String(String.UnicodeScalarView(Array(key.unicodeScalars)[first]))) }
            mostLatinWords = max(mostLatinWords, words.count)
        }
    }

    /// Removes a term and every spelling of it.
    mutating func remove(id: Int64) {
        guard let entry = entries.removeValue(forKey: id) else { return }
        for looseKey in Set(entry.forms.map(\.looseKey)) where !looseKey.isEmpty {
            Self.remove(id, from: &termsByLooseKey, at: looseKey)
        }
        for looseKey in Set(entry.forms.filter { $0.via != .generated }.map(\.looseKey)) where !looseKey.isEmpty {
            releaseLooseKey(looseKey)
        }
        for form in entry.forms {
            Self.remove(id, from: &termsByHangul, at: Self.spaced(form.text))
            Self.remove(id, from: &termsByLatinKey, at: form.key)
        }
    }

    /// The stored spellings of a term and `generated` (the romanizer's, `generatedSpellings(of:)`), without repeats.
    static func forms(of term: Term, generated: [String]) -> [Form] {
        var forms: [Form] = []
        var seen: Set<String> = []
        func add(_ text: String, _ via: GlossaryMatch.Via) {
            let key = Normalizer.key(text)
            guard !key.isEmpty, seen.insert(key).inserted else { return }
            let exactCase = Script.dominant(in: text) == .latin && EnglishDictionary.needsExactCase(text)
            forms.append(Form(text: text, key: key, looseKey: Normalizer.looseKey(text), via: via, exactCase: exactCase))
        }
        add(term.hangul, .hangul)
        add(term.english, .canonical)
        for alias in term.aliases { add(alias, .alias) }
        for variant in term.variants { add(variant, .variant) }
        for spelling in generated { add(spelling, .generated) }
        return forms
    }

    /// `generated`: the term's `generatedSpellings`.
    static func isForeignPlace(_ term: Term, generated: [String]) -> Bool {
        guard term.kind == .place else { return false }
        // The country decides where it says (수단 Sudan, 오만 Oman romanize as their English).
        if !term.country.isEmpty { return term.country != "KR" && term.country != "KP" }
        let names = [term.english] + term.aliases + term.variants
        if names.contains(where: { $0.lowercased().contains("korea") || $0 == "DPRK" || $0 == "ROK" }) { return false }
        let stored = Set(names.map(Normalizer.looseKey))
        return !generated.contains { stored.contains(Normalizer.looseKey($0)) }
    }

    /// See `Entry.isKorean`.
    static func isKorean(_ term: Term, generated: [String], isForeignPlace: Bool) -> Bool? {
        if !term.country.isEmpty { return term.country == "KR" || term.country == "KP" }
        switch term.kind {
        case .place: return !isForeignPlace
        case .person:
            let words = term.english.lowercased().split(separator: " ")
            let surnames = Set(generated.compactMap { $0.lowercased().split(separator: " ").first })
            return words.first.map(surnames.contains) == true || words.last.map(surnames.contains) == true
        case .organization, .term: return nil
        }
    }

    /// A Korean organization of two syllables whose English is one word, a brand (Hyundai, Kia — not NATO or
    /// "National Assembly"), and whose Hangul is a Sino-Korean common word.
    static func isCommonWordCompany(_ term: Term) -> Bool {
        guard term.kind == .organization, term.country == "KR", term.hangul.unicodeScalars.count == 2,
            term.hangul.unicodeScalars.allSatisfy(Hangul.isSyllable), !term.english.contains(" "), !EnglishDictionary.isAcronym(term.english)
        else { return false }
        return SinoKoreanWords.contains(term.hangul)
    }

    /// A person whose Hangul is two syllables and whose house form is a romanization of it as a Korean name (its
    /// surname as the romanizer writes it): 조국 Cho Kuk, not 부시 George W. Bush. `generated`: the term's
    /// `generatedSpellings` (for a Korean name, the romanizer's name variants).
    static func isTwoSyllableKoreanName(_ term: Term, generated: [String]) -> Bool {
        guard term.kind == .person, term.hangul.unicodeScalars.count == 2, KoreanName.looksLikeKoreanName(term.hangul),
            let surname = term.english.split(separator: " ").first?.lowercased()
        else { return false }
        return generated.contains { $0.split(separator: " ").first?.lowercased() == surname }
    }

    /// The romanizer's spellings of a person's Korean name or a place name; none for other kinds, whose
    /// English names are translations rather than romanizations.
    static func generatedSpellings(of term: Term) -> [String] {
        switch term.kind {
        case .person:
            guard KoreanName.looksLikeKoreanName(term.hangul) else { return [] }
            return Romanizer.variants(ofName: term.hangul).map(\.form)
        case .place:
            guard !term.hangul.contains(" ") else { return [] }
            let systems: [RomanizationOptions] = [
                .init(system: .rr, kind: .place), .init(system: .mr, kind: .place), .init(system: .mr, kind: .place, plain: true),
                .init(system: .dprk, kind: .place),
            ]
            return systems.map { Romanizer.romanize(term.hangul, $0) }
        case .organization, .term:
            return []
        }
    }

    /// White space runs as single spaces, so "기시다  후미오" in a text meets "기시다 후미오".
    static func spaced(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private mutating func retainLooseKey(_ looseKey: String) {
        if let id = looseKeyIDs[looseKey] {
            looseKeyUses[id, default: 0] += 1
            return
        }
        let id = nextLooseKeyID
        nextLooseKeyID += 1
        looseKeyIDs[looseKey] = id
        looseKeyByID[id] = looseKey
        looseKeyUses[id] = 1
        fuzzy.add(id: id, key: looseKey, recency: 0)
    }

    private mutating func releaseLooseKey(_ looseKey: String) {
        guard let id = looseKeyIDs[looseKey] else { return }
        let uses = (looseKeyUses[id] ?? 1) - 1
        guard uses <= 0 else {
            looseKeyUses[id] = uses
            return
        }
        looseKeyUses[id] = nil
        looseKeyIDs[looseKey] = nil
        looseKeyByID[id] = nil
        fuzzy.remove(id: id)
    }

    private static func remove(_ id: Int64, from table: inout [String: [Int64]], at key: String) {
        guard var ids = table[key] else { return }
        ids.removeAll { $0 == id }
        table[key] = ids.isEmpty ? nil : ids
    }
}
