import Foundation

/// A translation-memory pair: a Korean sentence and its English translation.
public struct Segment: Sendable, Hashable, Codable {
    public var id: Int64
    public var ko: String
    public var en: String
    /// The file or client it came from.
    public var origin: String
    public var createdAt: Date
    public var updatedAt: Date

    /// Each side of a pair is limited to this many characters (Unicode scalars).
    public static let maximumLength = 10_000

    public init(id: Int64, ko: String, en: String, origin: String, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.ko = ko
        self.en = en
        self.origin = origin
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, ko, en, origin
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}

/// A pair as read from an import file, before it is stored.
public struct ImportedUnit: Sendable, Hashable {
    public let ko: String
    public let en: String
    /// The 1-based line of the file where the unit starts, when known.
    public let line: Int?

    public init(ko: String, en: String, line: Int?) {
        self.ko = ko
        self.en = en
        self.line = line
    }
}

/// A unit of an import file that was not imported. `isError` marks a malformed unit, which makes the file
/// bad (nothing is imported unless the user asks to skip bad units); other skips are expected (a `tu`
/// without both languages, an untranslated or fuzzy PO entry) and are only counted.
///
/// The shape is every import's (a glossary's `ImportProblem` too): the line, a short `reason` code that reports count
/// by (`untranslated`, `fuzzy`, `bad_row`, `no_hangul`), and a `message` saying what was wrong.
public struct SkippedUnit: Sendable, Hashable, Codable {
    public let line: Int?
    public let reason: String
    public let message: String
    public let isError: Bool

    public init(line: Int?, reason: String, message: String, isError: Bool) {
        self.line = line
        self.reason = reason
        self.message = message
        self.isError = isError
    }

    enum CodingKeys: String, CodingKey {
        case line, reason, message
        case isError = "is_error"
    }
}
