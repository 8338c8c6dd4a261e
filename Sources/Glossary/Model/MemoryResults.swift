/// A pair as a client sends it: both sides, and where it came from.
public struct SegmentInput: Sendable, Codable, Equatable {
    public var ko: String
    public var en: String
    public var origin: String?

    public init(ko: String, en: String, origin: String? = nil) {
        self.ko = ko
        self.en = en
        self.origin = origin
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        ko = try container.decode(String.self, forKey: .ko)
        en = try container.decode(String.self, forKey: .en)
        origin = try container.decodeIfPresent(String.self, forKey: .origin)
        try decoder.rejectUnknownKeys(["ko", "en", "origin"])
    }
}

/// What adding one pair did: stored it, or found the same pair already stored (its `updated_at` refreshed).
public struct AddedSegment: Sendable, Codable, Equatable {
    public let segment: Segment
    public let created: Bool
}

/// One fuzzy match: the stored pair and how close its same-language side is to the query.
public struct MemoryMatch: Sendable, Codable, Equatable {
    public let id: Int64
    /// 100 × (1 − edit distance / longer length) on the match keys, in Unicode scalars.
    public let score: Double
    public let ko: String
    public let en: String
    public let origin: String
}

/// What `tm search --json` and `GET /v1/matches` answer for one query.
public struct MemorySearchResult: Sendable, Codable, Equatable {
    public let query: String
    /// The side searched.
    public let from: Language
    /// The time the search itself took, as search engines report it (not parsing or printing).
    public let tookMs: Double
    public let matches: [MemoryMatch]
    /// Glossary terms in the query, when asked for.
    public let terms: [RecognizedTerm]?
    /// Set when the answer is not from the database as it is now (it could not be reached), saying what it is from.
    public var notice: String? = nil

    enum CodingKeys: String, CodingKey {
        case query, from, matches, terms, notice
        case tookMs = "took_ms"
    }
}

/// A concordance hit: a pair whose side contains the phrase, with where (Unicode scalar offsets).
public struct ConcordanceHit: Sendable, Codable, Equatable {
    public struct Span: Sendable, Codable, Equatable {
        public let start: Int
        public let end: Int
    }

    public let id: Int64
    public let ko: String
    public let en: String
    public let origin: String
    public let side: Language
    public let spans: [Span]
}

/// What `tm concordance --json` and `GET /v1/concordance` answer.
public struct ConcordanceResult: Sendable, Codable, Equatable {
    public let query: String
    public let side: Language
    public let hits: [ConcordanceHit]
}

/// What an import did: how many units were added, already present, skipped and why.
public struct MemoryImportReport: Sendable, Codable, Equatable {
    public let file: String
    public let format: String
    public let added: Int
    public let alreadyPresent: Int
    public let skipped: Int
    /// Skipped units counted by reason.
    public let skippedByReason: [String: Int]
    /// The first skipped units, with their lines.
    public let problems: [SkippedUnit]
    /// Said when the file was written the other way round and swapped.
    public let notices: [String]

    enum CodingKeys: String, CodingKey {
        case file, format, added, skipped, problems, notices
        case alreadyPresent = "already_present"
        case skippedByReason = "skipped_by_reason"
    }
}

/// Sizes, for `tm stats` and the health check.
public struct MemoryStats: Sendable, Codable, Equatable {
    public let segments: Int
    public let terms: Int
    /// Pairs in each fuzzy index; absent when the indexes were not built (`tm stats` builds none).
    public let indexedKorean: Int?
    public let indexedEnglish: Int?
    public let origins: [String: Int]
    public let databaseBytes: Int64

    enum CodingKeys: String, CodingKey {
        case segments, terms, origins
        case indexedKorean = "indexed_ko"
        case indexedEnglish = "indexed_en"
        case databaseBytes = "database_bytes"
    }
}
