/// An English spelling of a glossary entry that is not the house form.
public struct StyleIssue: Sendable, Codable, Equatable {
    public let start: Int
    public let end: Int
    /// The spelling found in the text.
    public let found: String
    /// The house form to use instead.
    public let house: String
    public let id: Int64
    public let hangul: String
    /// House forms of other entries the spelling may also name (two people who share a name).
    public let alternatives: [String]
    /// The spelling names several entries with different house forms and nothing tells which: `house` is only the
    /// first candidate, and the corrected text leaves the spelling as it is.
    public let ambiguous: Bool
}

/// What `tm check` and `POST /v1/glossary/check` answer: the issues, and the text with every issue fixed that is not
/// ambiguous.
public struct StyleCheckResult: Sendable, Codable, Equatable {
    public let issues: [StyleIssue]
    public let corrected: String
}
