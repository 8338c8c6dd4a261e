/// The CAT-style analysis of an article (`tm analyze`, `POST /v1/documents/analyze`): its sentences, each with its best
/// memory matches, the glossary's names in it, guesses for the names the glossary lacks and its numbers in English,
/// and the statistics per match band that memoQ, Trados and OmegaT print.
public struct DocumentAnalysis: Sendable, Codable, Equatable {
    public let language: Language
    public let sentences: [SentenceAnalysis]
    /// Sentences, words and characters per band, best band first; every band is listed, empty ones too.
    public let bands: [BandCount]
    public let total: BandCount
}

/// One sentence of an analyzed article.
public struct SentenceAnalysis: Sendable, Codable, Equatable {
    /// 0-based position in the article.
    public let index: Int
    public let text: String
    /// The band of the best match.
    public let band: MatchBand
    /// The best memory matches, best first, each with its translation (`target`) and a word diff against the sentence.
    public let matches: [AnalyzedMatch]
    public let terms: [AnalyzedTerm]
    public let numbers: [KoreanNumberExpression]
    public let words: Int
    public let characters: Int
}

extension SentenceAnalysis {
    /// The names and numbers in one line, for a draft's notes and the CLI: "최선희 → Choe Son-hui; 김철수 → Kim
    /// Cheol-su (guess); 3천 명 → 3,000".
    public var notes: String {
        let names = terms.map { "\($0.text) → \($0.english)\($0.generated ? " (guess)" : "")" }
        return (names + numbers.map { "\($0.text) → \($0.english)" }).joined(separator: "; ")
    }
}

/// A memory match of a sentence: the stored pair, its score, the side to use as the translation, and how the
/// stored sentence differs from the new one.
public struct AnalyzedMatch: Sendable, Codable, Equatable {
    public let id: Int64
    public let score: Double
    public let source: String
    public let target: String
    public let origin: String
    public let diff: WordDiff
}

/// A name or term in a sentence: from the glossary (its house spelling), or, for a name the glossary lacks, a
/// romanization by rule marked `generated` (a guess to check).
public struct AnalyzedTerm: Sendable, Codable, Equatable {
    /// Unicode scalar offsets in the sentence.
    public let start: Int
    public let end: Int
    public let text: String
    public let hangul: String
    public let english: String
    public let kind: Term.Kind
    public let generated: Bool
    public let note: String
}

/// The match bands of CAT analysis reports.
public enum MatchBand: String, Sendable, Codable, CaseIterable {
    case exact = "100"
    case high = "95-99"
    case good = "85-94"
    case fair = "75-84"
    case low = "50-74"
    case none = "no match"

    public init(score: Double?) {
        guard let score else {
            self = .none
            return
        }
        switch score {
        case 100...: self = .exact
        case 95..<100: self = .high
        case 85..<95: self = .good
        case 75..<85: self = .fair
        case 50..<75: self = .low
        default: self = .none
        }
    }
}

/// How much of an article falls in one band.
public struct BandCount: Sendable, Codable, Equatable {
    public let band: String
    public let sentences: Int
    public let words: Int
    public let characters: Int
}
