/// One unit of a sentence alignment: Korean sentences and the English sentences that translate them.
///
/// Either side may be empty (a sentence with no counterpart), never both. `flagged` marks a bead whose
/// confidence fell below the aligner's threshold, so that a person reviews it before it enters the memory.
public struct AlignmentBead: Sendable, Hashable, Codable {
    /// 0-based indices into the Korean sentences, ascending.
    public let ko: [Int]
    /// 0-based indices into the English sentences, ascending.
    public let en: [Int]
    /// The probability, under the aligner's model, that this bead is part of the right alignment.
    public let confidence: Double
    public let flagged: Bool

    public init(ko: [Int], en: [Int], confidence: Double, flagged: Bool) {
        self.ko = ko
        self.en = en
        self.confidence = confidence
        self.flagged = flagged
    }

    private enum CodingKeys: String, CodingKey {
        case ko, en, confidence, flagged
    }
}

/// The sentences of a Korean text and its English version, and the beads that pair them, in document order.
///
/// Every sentence of both sides is in exactly one bead.
public struct Alignment: Sendable, Codable {
    /// The Korean sentences exactly as they appear in the input, trimmed.
    public let koSentences: [String]
    /// The English sentences exactly as they appear in the input, trimmed.
    public let enSentences: [String]
    public let beads: [AlignmentBead]

    public init(koSentences: [String], enSentences: [String], beads: [AlignmentBead]) {
        self.koSentences = koSentences
        self.enSentences = enSentences
        self.beads = beads
    }

    private enum CodingKeys: String, CodingKey {
        case koSentences = "ko_sentences"
        case enSentences = "en_sentences"
        case beads
    }
}
