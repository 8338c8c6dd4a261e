/// What bilingual QA found (`tm qa`, `POST /v1/documents/qa`): the pairs it checked and their issues, in the spirit
/// of translate-toolkit's pofilter (numbers, untranslated) and Xbench/Verifika (terminology, consistency).
public struct QAReport: Sendable, Codable, Equatable {
    public let pairs: Int
    public let issues: [QAIssue]
}

/// One problem in one aligned pair.
public struct QAIssue: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// A name the glossary knows is in the Korean, and its house form is not in the English.
        case missingTerm = "missing_term"
        /// The English spells a glossary name off house style.
        case offStyle = "off_style"
        /// A number, amount or date of the Korean is not in the English.
        case number
        /// Hangul left in the English.
        case untranslated
        /// A sentence with no counterpart in the other text.
        case unaligned
        /// The memory holds the same Korean with a different English.
        case inconsistent
    }

    /// 0-based index of the pair (the alignment's bead, or the pair in the list checked).
    public let pair: Int
    public let kind: Kind
    public let ko: String
    public let en: String
    public let message: String
    /// What is wrong in the text and what the house style or the source says, when there is one.
    public let found: String?
    public let expected: String?
}
