/// The parameters of the aligner's bead cost: a negative log-likelihood made of a length term, a prior per
/// bead shape, a reward for shared anchors and a penalty for crossing a paragraph break.
///
/// Public so that the evaluation can fit it; `standard` holds the values fitted on align-dev documents 001–030.
public struct AlignmentCostModel: Sendable, Hashable {
    /// Mean of log(English characters / Korean jamo) in 1–1 beads.
    public var lengthMean: Double
    /// Its standard deviation.
    public var lengthDeviation: Double
    /// Probability of each bead shape, as a fraction of beads; shapes outside the table are not used.
    public var shapeProbabilities: [BeadShape: Double]
    /// Cost taken off per unit of shared anchor weight (a long number or a name is one unit).
    public var anchorWeight: Double
    /// Anchor weight of a Korean word that sounds like an English capitalized word (러시아 ~ Russia).
    public var soundWeight: Double
    /// Cost of each paragraph break a bead disagrees with (a break inside it, or on one side only where it ends).
    public var paragraphPenalty: Double
    /// The share of `paragraphPenalty` that applies when the two texts have different numbers of paragraphs.
    public var unequalParagraphsFactor: Double
    /// Cost of each number of 10 or more in a bead that the other side of the bead does not have.
    public var missingNumberPenalty: Double
    /// Cost of each Latin word or sound-alike name of a Korean sentence that the English side of its bead lacks.
    public var missingNamePenalty: Double
    /// Added to a 1–2 or 2–1 bead whose single sentence reads like two joined (Korean "-고," mid-sentence,
    /// English "; " or ", but "): negative, since a translator who renders two sentences as one joins them so.
    public var joinedMergeCost: Double
    /// Added to a 1–2 or 2–1 bead whose single sentence has no such cue: a merge without a connective is unlikely.
    public var unjoinedMergeCost: Double
    /// Multiplies the prior of 1–0 and 0–1 beads (a sentence with no counterpart).
    public var unmatchedPriorFactor: Double
    /// Cost of putting two sentences that read like pieces of one (see `SentencePieces`) in different beads.
    public var pieceSplitPenalty: Double
    /// How far from the diagonal the search looks, in sentences: `bandBase` plus the square root of the sentence count.
    public var bandBase: Int

    public init(
        lengthMean: Double, lengthDeviation: Double, shapeProbabilities: [BeadShape: Double], anchorWeight: Double, soundWeight: Double,
        paragraphPenalty: Double, unequalParagraphsFactor: Double, missingNumberPenalty: Double, missingNamePenalty: Double = 0,
        joinedMergeCost: Double = 0, unjoinedMergeCost: Double = 0,
        unmatchedPriorFactor: Double = 1, pieceSplitPenalty: Double = 0, bandBase: Int
    ) {
        self.lengthMean = lengthMean
        self.lengthDeviation = lengthDeviation
        self.shapeProbabilities = shapeProbabilities
        self.anchorWeight = anchorWeight
        self.soundWeight = soundWeight
        self.paragraphPenalty = paragraphPenalty
        self.unequalParagraphsFactor = unequalParagraphsFactor
        self.missingNumberPenalty = missingNumberPenalty
        self.missingNamePenalty = missingNamePenalty
        self.joinedMergeCost = joinedMergeCost
        self.unjoinedMergeCost = unjoinedMergeCost
        self.unmatchedPriorFactor = unmatchedPriorFactor
        self.pieceSplitPenalty = pieceSplitPenalty
        self.bandBase = bandBase
    }

    /// Fitted on align-dev documents 001–030 (`bench/align/run.sh --fit`): the length model from the gold 1–1
    /// beads; the shape frequencies from the gold beads as they fall on the sentences this splitter finds (a gold
    /// sentence cut in two turns a 1–1 into a 1–2, and a 1–2 into a 1–3; shapes seen fewer than three times and 2–2,
    /// which mostly swallowed two 1–1 beads sharing a name, are left out); the weights by a coordinate search for
    /// bead F1 from raw text. Documents 031–061 were used for nothing but the report.
    public static let standard = AlignmentCostModel(
        lengthMean: 0.1160, lengthDeviation: 0.2296,
        shapeProbabilities: [
            BeadShape(ko: 1, en: 1): 0.731, BeadShape(ko: 1, en: 2): 0.122, BeadShape(ko: 2, en: 1): 0.083,
            BeadShape(ko: 1, en: 0): 0.027, BeadShape(ko: 0, en: 1): 0.023, BeadShape(ko: 1, en: 3): 0.014,
        ],
        anchorWeight: 0.75, soundWeight: 0.25, paragraphPenalty: 4.0, unequalParagraphsFactor: 0.5, missingNumberPenalty: 1.5,
        joinedMergeCost: -2.0, unjoinedMergeCost: 3.0, unmatchedPriorFactor: 0.75, pieceSplitPenalty: 1.0, bandBase: 30
    )

    var lengthModel: LengthModel { LengthModel(mean: lengthMean, deviation: lengthDeviation) }
}

/// How many Korean and English sentences a bead holds: 1–1, 1–2 (one Korean sentence translated as two), 1–0 …
public struct BeadShape: Sendable, Hashable, Codable, CustomStringConvertible {
    public let ko: Int
    public let en: Int

    public init(ko: Int, en: Int) {
        self.ko = ko
        self.en = en
    }

    public var description: String { "\(ko)-\(en)" }
}
