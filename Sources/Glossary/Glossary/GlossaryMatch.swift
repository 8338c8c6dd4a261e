/// One glossary entry that a lookup found, and how.
public struct GlossaryMatch: Sendable, Codable, Equatable {
    /// How the query met the entry, best first: its Hangul or house form, a listed variant, a spelling the
    /// romanizer generates for it, or a near miss.
    public enum Via: String, Sendable, Codable, CaseIterable {
        case hangul
        case canonical
        case variant
        /// An acceptable other name: found, never flagged.
        case alias
        case generated
        case fuzzy

        /// Hangul and the house form rank together: both name the entry itself.
        var rank: Int {
            switch self {
            case .hangul, .canonical: 0
            case .variant, .alias: 1
            case .generated: 2
            case .fuzzy: 3
            }
        }
    }

    /// The entry's id; nil for an entry generated for a name the glossary does not have.
    public let id: Int64?
    public let hangul: String
    public let english: String
    public let kind: Term.Kind
    /// The spelling of the entry that the query matched.
    public let matched: String
    public let via: Via
    /// 100 for an exact hit (after normalization), less for a near miss.
    public let score: Double
    /// True for an entry the romanizer made up because the glossary has no such name.
    public let generated: Bool
    /// The entry's listed variants (for a generated entry: the romanizer's spellings).
    public let variants: [String]
    /// The entry's acceptable other names (never flagged).
    public let aliases: [String]
    public let note: String
    /// The entry's country (ISO code), or empty: tells homonyms apart.
    public let country: String
}

/// Whose name a lookup is about, for a name the glossary lacks: the South's conventions (Kim Jong-un, Lee, Park) or the
/// North's as KCNA writes them (Kim Chol Ho, Ri). Without one, a surname written the Northern way (리, 림, 로, 류)
/// says North.
public enum LookupContext: String, Sendable, Codable, CaseIterable {
    case south
    case dprk
}

/// What `tm lookup` and `GET /v1/glossary/lookup` answer for one query.
public struct LookupResult: Sendable, Codable, Equatable {
    public let query: String
    public let matches: [GlossaryMatch]
}
