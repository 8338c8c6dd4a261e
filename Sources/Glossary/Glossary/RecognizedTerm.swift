/// A glossary term found in a text: where it is (offsets in Unicode scalars of the input) and which
/// entries it may be.
public struct RecognizedTerm: Sendable, Codable, Equatable {
    /// One entry the span may name.
    public struct Candidate: Sendable, Codable, Equatable {
        public let id: Int64
        public let hangul: String
        public let english: String
        public let kind: Term.Kind
        /// How the span's spelling relates to this entry.
        public let via: GlossaryMatch.Via
    }

    public let start: Int
    public let end: Int
    /// The span as it stands in the text (for Korean, the name without the particle after it).
    public let text: String
    public let matches: [Candidate]
}
