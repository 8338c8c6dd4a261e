import Foundation

/// A glossary entry: one person, place, organization or term, with its house spelling.
public struct Term: Sendable, Hashable, Codable {
    /// What a term names; it decides how an unknown spelling of it is romanized.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case person
        case place
        case organization
        case term
    }

    public var id: Int64?
    /// The Korean form, as Korean news writes it.
    public var hangul: String
    /// The house spelling in English.
    public var english: String
    public var kind: Kind
    /// Off-style spellings seen in English-language media: recognized, and flagged by the style check with the
    /// house form (Kim Jong Un for Kim Jong-un).
    public var variants: [String]
    /// Other acceptable names (Britain for United Kingdom, EU, Xinhua): recognized and looked up, never flagged.
    public var aliases: [String]
    public var note: String
    /// Where the house spelling is attested, or why it is the house form.
    public var source: String
    /// The country the entry belongs to, as an ISO 3166-1 alpha-2 code (KR, KP, US), or empty when it is
    /// international or not said. It tells homonyms apart by the countries a sentence names (민주당 KR or US), and
    /// marks a Korean body whose Hangul names no country (국방부, 기상청) as not meant in a sentence about elsewhere.
    public var country: String

    public init(
        id: Int64? = nil, hangul: String, english: String, kind: Kind, variants: [String] = [], aliases: [String] = [], note: String = "",
        source: String = "", country: String = ""
    ) {
        self.id = id
        self.hangul = hangul
        self.english = english
        self.kind = kind
        self.variants = variants
        self.aliases = aliases
        self.note = note
        self.source = source
        self.country = country
    }
}
