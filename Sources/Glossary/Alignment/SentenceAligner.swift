/// Pairs the sentences of a Korean text with those of its English version: one-to-one, one sentence
/// translated as two (and the reverse), and sentences with no counterpart.
///
/// The cost of a bead combines sentence length (English characters against Korean jamo), anchors the two
/// sides share (numbers, Latin words, glossary terms, names that sound alike, quotations, words the memory
/// has seen translated) and paragraph breaks. Build one aligner and reuse it: the glossary index and the
/// memory dictionary are made once.
public struct SentenceAligner: Sendable {
    /// Beads with a lower confidence are flagged for review.
    public let minConfidence: Double
    public let model: AlignmentCostModel
    let lexicon: AlignmentLexicon

    /// - Parameters:
    ///   - terms: glossary terms whose Korean and English forms anchor sentences to each other.
    ///   - memory: sentence pairs already in the translation memory; word translations are learned from them.
    ///   - minConfidence: beads below this confidence are flagged.
    public init(terms: [Term] = [], memory: [(ko: String, en: String)] = [], minConfidence: Double = 0.5) {
        self.init(terms: terms, memory: memory, minConfidence: minConfidence, model: .standard)
    }

    /// An aligner with another cost model (the evaluation fits one this way).
    public init(terms: [Term] = [], memory: [(ko: String, en: String)] = [], minConfidence: Double = 0.5, model: AlignmentCostModel) {
        self.minConfidence = minConfidence
        self.model = model
        lexicon = AlignmentLexicon(terms: terms, memory: memory)
    }

    /// Splits both texts into sentences and aligns them. A blank line separates paragraphs; a bead that crosses
    /// a paragraph break costs more, unless the two texts have different numbers of paragraphs.
    public func align(korean: String, english: String) -> Alignment {
        let koSplit = Self.split(korean, language: .ko)
        let enSplit = Self.split(english, language: .en)
        let (koSentences, enSentences) = (koSplit.sentences, enSplit.sentences)
        let beads = align(
            koSentences, enSentences, koParagraphs: koSplit.paragraphs, enParagraphs: enSplit.paragraphs,
            koContinues: SentencePieces.continuations(koSentences, sameLine: koSplit.sameLine, language: .ko),
            enContinues: SentencePieces.continuations(enSentences, sameLine: enSplit.sameLine, language: .en))
        return Alignment(koSentences: koSentences, enSentences: enSentences, beads: beads)
    }

    /// Aligns sentences that are already split (no paragraph information).
    public func align(koSentences: [String], enSentences: [String]) -> [AlignmentBead] {
        align(koSentences, enSentences, koParagraphs: nil, enParagraphs: nil)
    }

    func align(
        _ ko: [String], _ en: [String], koParagraphs: [Int]?, enParagraphs: [Int]?, koContinues: [Bool]? = nil, enContinues: [Bool]? = nil
    ) -> [AlignmentBead] {
        if ko.isEmpty || en.isEmpty {
            // Nothing to choose: every sentence stands alone, and certainly so.
            return ko.indices.map { AlignmentBead(ko: [$0], en: [], confidence: 1, flagged: false) }
                + en.indices.map { AlignmentBead(ko: [], en: [$0], confidence: 1, flagged: false) }
        }
        let extractor = AnchorExtractor(lexicon: lexicon)
        var skeletons = SkeletonTable()
        var koAnchors = extractor.korean(ko, skeletons: &skeletons)
        let enAnchors = extractor.english(en, skeletons: &skeletons)
        let resemblances = skeletons.resemblances(
            korean: Set(koAnchors.flatMap(\.skeletons)), english: Set(enAnchors.flatMap(\.skeletons)))
        for index in koAnchors.indices {
            for skeleton in koAnchors[index].skeletons {
                guard let matches = resemblances[skeleton] else { continue }
                koAnchors[index].soundSkeletons.append(skeleton)
                koAnchors[index].soundMatches.append(matches)
                koAnchors[index].soundIsLong.append(skeletons.forms[skeleton].count >= 4)
            }
        }
        let search = BeadSearch(
            model: model, koSentences: ko, enSentences: en, koAnchors: koAnchors, enAnchors: enAnchors,
            koJoined: ko.map(KoreanWords.hasJoinedClauses), enJoined: en.map(EnglishWords.hasJoinedClauses),
            koParagraphs: koParagraphs, enParagraphs: enParagraphs,
            koContinues: koContinues ?? Array(repeating: false, count: max(0, ko.count - 1)),
            enContinues: enContinues ?? Array(repeating: false, count: max(0, en.count - 1)))
        return search.run().map { step in
            AlignmentBead(ko: Array(step.ko), en: Array(step.en), confidence: step.posterior, flagged: step.posterior < minConfidence)
        }
    }

    /// The trimmed sentences of `text` and the paragraph number of each (a gap with two line breaks starts a paragraph).
    static func sentences(of text: String, language: SentenceSplitter.Language) -> ([String], [Int]) {
        let split = split(text, language: language)
        return (split.sentences, split.paragraphs)
    }

    /// The trimmed sentences of `text`, the paragraph number of each, and whether only spaces (no line break)
    /// separate each sentence from the next.
    static func split(_ text: String, language: SentenceSplitter.Language) -> (sentences: [String], paragraphs: [Int], sameLine: [Bool]) {
        let sentences = SentenceSplitter(language: language).sentences(in: text)
        var paragraphs: [Int] = []
        var sameLine: [Bool] = []
        var paragraph = 0
        var previousEnd: String.Index?
        for sentence in sentences {
            if let previousEnd {
                let lineBreaks = text[previousEnd..<sentence.range.lowerBound].filter { $0 == "\n" || $0 == "\r\n" }.count
                if lineBreaks >= 2 { paragraph += 1 }
                sameLine.append(lineBreaks == 0)
            }
            paragraphs.append(paragraph)
            previousEnd = sentence.range.upperBound
        }
        return (sentences.map(\.text), paragraphs, sameLine)
    }
}
