/// A term as a client sends it: Hangul and English required, the rest optional.
public struct TermInput: Sendable, Codable, Equatable {
    public var hangul: String
    public var english: String
    public var kind: Term.Kind?
    public var variants: [String]?
    public var aliases: [String]?
    public var note: String?
    public var source: String?
    public var country: String?
    /// Added beside stored terms of the same Hangul or English on purpose (see `Store.addTerm`).
    public var homonym: Bool?

    public init(
        hangul: String, english: String, kind: Term.Kind? = nil, variants: [String]? = nil, aliases: [String]? = nil, note: String? = nil,
        source: String? = nil, country: String? = nil
    ) {
        self.hangul = hangul
        self.english = english
        self.kind = kind
        self.variants = variants
        self.aliases = aliases
        self.note = note
        self.source = source
        self.country = country
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        hangul = try container.decode(String.self, forKey: .hangul)
        english = try container.decode(String.self, forKey: .english)
        kind = try container.decodeIfPresent(Term.Kind.self, forKey: .kind)
        variants = try container.decodeIfPresent([String].self, forKey: .variants)
        aliases = try container.decodeIfPresent([String].self, forKey: .aliases)
        note = try container.decodeIfPresent(String.self, forKey: .note)
        source = try container.decodeIfPresent(String.self, forKey: .source)
        country = try container.decodeIfPresent(String.self, forKey: .country)
        homonym = try container.decodeIfPresent(Bool.self, forKey: .homonym)
        try decoder.rejectUnknownKeys(["hangul", "english", "kind", "variants", "aliases", "note", "source", "country", "homonym"])
    }

    /// The term; an absent kind is `term`, the kind that implies nothing about romanization.
    public var term: Term {
        Term(
            hangul: hangul, english: english, kind: kind ?? .term, variants: variants ?? [], aliases: aliases ?? [], note: note ?? "",
            source: source ?? "", country: country ?? "")
    }
}

/// Every term, as `tm glossary list --json` and `GET /v1/glossary/terms` answer.
public struct TermList: Sendable, Codable, Equatable {
    public let terms: [Term]

    public init(terms: [Term]) {
        self.terms = terms
    }
}

/// The terms found in a text, as `tm recognize --json` and `POST /v1/glossary/recognize` report them.
public struct RecognitionResult: Sendable, Codable, Equatable {
    public let terms: [RecognizedTerm]

    public init(terms: [RecognizedTerm]) {
        self.terms = terms
    }
}
