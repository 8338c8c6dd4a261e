/// Aligns a Korean document with its English version and puts the reviewed pairs into the memory: the one
/// path `tm align` and `POST /v1/align` share.
public struct DocumentAligner: Sendable {
    let aligner: SentenceAligner

    /// The longest document side accepted, in characters: a long feature article is ~20,000.
    public static let maximumDocumentLength = 500_000

    /// An aligner that knows the glossary's terms and a dictionary learned from the memory's most recent
    /// pairs (at most `dictionaryPairs`, so building it stays quick on a large memory).
    public init(glossary: TermGlossary?, memory: TranslationMemory?, dictionaryPairs: Int = 20_000) throws(TMError) {
        let terms = try glossary?.terms() ?? []
        let pairs = try memory?.recentPairs(limit: dictionaryPairs) ?? []
        aligner = SentenceAligner(terms: terms, memory: pairs)
    }

    /// The sentences of both texts and the beads pairing them; beads under `minConfidence` are flagged, and so is every
    /// sentence with no counterpart (a dropped or added sentence is what a reviewer looks for).
    public func align(korean: String, english: String, minConfidence: Double = 0.5) throws(TMError) -> Alignment {
        for (field, text) in [("ko", korean), ("en", english)] {
            try TextField.check(text, field: field)
            guard text.unicodeScalars.count <= Self.maximumDocumentLength else {
                throw .invalidInput(field: field, message: "the document is longer than \(Self.maximumDocumentLength) characters")
            }
        }
        guard (0...1).contains(minConfidence) else { throw .invalidInput(field: "min_confidence", message: "must be between 0 and 1") }
        let alignment = aligner.align(korean: korean, english: english)
        let beads = alignment.beads.map { bead in
            // A sentence with no counterpart is always for a person to look at, however sure the aligner is of it.
            AlignmentBead(
                ko: bead.ko, en: bead.en, confidence: bead.confidence, flagged: bead.confidence < minConfidence || bead.ko.isEmpty || bead.en.isEmpty)
        }
        return Alignment(koSentences: alignment.koSentences, enSentences: alignment.enSentences, beads: beads)
    }

    /// Adds the pairs of the alignment's beads to the memory in one transaction. Beads with a side empty
    /// (a sentence with no counterpart) are never pairs; flagged beads go in only with `includeFlagged`.
    public func add(_ alignment: Alignment, to memory: TranslationMemory, origin: String, includeFlagged: Bool = false) throws(TMError)
        -> [AddedSegment]
    {
        let inputs = alignment.beads.compactMap { bead -> SegmentInput? in
            guard !bead.ko.isEmpty, !bead.en.isEmpty, includeFlagged || !bead.flagged else { return nil }
            let ko = bead.ko.map { alignment.koSentences[$0] }.joined(separator: " ")
            let en = bead.en.map { alignment.enSentences[$0] }.joined(separator: " ")
            return SegmentInput(ko: ko, en: en, origin: origin)
        }
        guard !inputs.isEmpty else { return [] }
        return try memory.add(inputs)
    }
}
