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
    /// Cost taken off a 1–2 or 2–1 bead whose single sentence reads like two joined (Korean "-고," mid-sentence,
    /// English "; " or ", but "), and added to a 1–1 bead with such a sentence.
    public var mergeCueWeight: Double
    /// Multiplies the prior of 1–0 and 0–1 beads (a sentence with no counterpart).
    public var unmatchedPriorFactor: Double
    /// Cost of putting two sentences that read like pieces of one (see `SentencePieces`) in different beads.
    public var pieceSplitPenalty: Double
    /// How far from the diagonal the search looks, in sentences: `bandBase` plus the square root of the sentence count.
    public var bandBase: Int

    public init(
        lengthMean: Double, lengthDeviation: Double, shapeProbabilities: [BeadShape: Double], anchorWeight: Double, soundWeight: Double,
        paragraphPenalty: Double, unequalParagraphsFactor: Double, missingNumberPenalty: Double, missingNamePenalty: Double = 0,
        mergeCueWeight: Double = 0,
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
        self.mergeCueWeight = mergeCueWeight
        self.unmatchedPriorFactor = unmatchedPriorFactor
        self.pieceSplitPenalty = pieceSplitPenalty
        self.bandBase = bandBase
    }

    /// Fitted on align-dev documents 001–030 (see bench/align): the length model and shape frequencies are
    /// estimates from the gold beads, the weights a grid search for bead F1 from raw text (`mergeCueWeight`,
    /// `unmatchedPriorFactor` and `missingNumberPenalty` were searched last with the others held, then
    /// `pieceSplitPenalty`; a larger `anchorWeight`, and a `missingNamePenalty` of 0.25, scored higher on 001–030
    /// but lower on 031–061, so they stay at 0.5 and 0).
    public static let standard = AlignmentCostModel(
        lengthMean: 0.1160, lengthDeviation: 0.2296,
        shapeProbabilities: [
            BeadShape(ko: 1, en: 1): 0.795, BeadShape(ko: 1, en: 2): 0.089, BeadShape(ko: 2, en: 1): 0.068,
            BeadShape(ko: 1, en: 0): 0.024, BeadShape(ko: 0, en: 1): 0.023,
            // Never in the gold beads, but ICU splits some gold sentences in two, so a 1–2 can become a 1–3.
            // (2–2 is left out: it mostly swallowed two 1–1 beads that share a name.)
            BeadShape(ko: 1, en: 3): 0.008, BeadShape(ko: 3, en: 1): 0.004,
        ],
        anchorWeight: 0.5, soundWeight: 0.25, paragraphPenalty: 4.0, unequalParagraphsFactor: 0.5, missingNumberPenalty: 1.5,
        mergeCueWeight: 1.0, unmatchedPriorFactor: 0.75, pieceSplitPenalty: 1.0, bandBase: 30
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
