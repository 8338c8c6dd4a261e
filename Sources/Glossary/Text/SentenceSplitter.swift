/// Splits text into sentences with ICU's sentence break rules.
///
/// English uses `en@ss=standard`, ICU's suppression list, so "Mr.", "U.S." and "Sen." do not end a
/// sentence. Every sentence is trimmed of surrounding white space; the text between sentences is only
/// white space, so sentences and gaps together give back the input.
public struct SentenceSplitter: Sendable {
    /// The language whose break rules apply.
    public typealias Language = Glossary.Language

    /// One sentence and where it sits in the input.
    public struct Sentence: Sendable, Hashable {
        public let text: String
        public let range: Range<String.Index>
    }

    public let language: Language

    public init(language: Language) {
        self.language = language
    }

    /// The sentences of `text`, in order, trimmed; white-space-only stretches yield none.
    public func sentences(in text: String) -> [Sentence] {
        let utf16 = Array(text.utf16)
        let boundaries = realBoundaries(ICU.sentenceBoundaries(utf16, locale: Self.icuLocale(language)), in: text)
        var result: [Sentence] = []
        result.reserveCapacity(boundaries.count)
        let view = text.utf16
        var upper = view.startIndex
        for (start, end) in zip(boundaries, boundaries.dropFirst()) where start < end {
            // ICU boundaries fall on scalar boundaries, so these indices are valid String indices.
            // Walk from the previous boundary: offsetting from the start each time would be quadratic.
            let lower = upper
            upper = view.index(lower, offsetBy: end - start)
            guard let trimmed = Self.trimmed(text, lower..<upper) else { continue }
            result.append(Sentence(text: String(text[trimmed]), range: trimmed))
        }
        return result
    }

    /// English breaks with ICU's suppression list for abbreviations.
    static func icuLocale(_ language: Language) -> String {
        switch language {
        case .ko: "ko"
        case .en: "en@ss=standard"
        }
    }

    /// ICU's boundaries less those that follow an abbreviation which does not end a sentence.
    private func realBoundaries(_ boundaries: [Int], in text: String) -> [Int] {
        guard boundaries.count > 2 else { return boundaries }
        let view = text.utf16
        var indices: [String.Index] = []
        indices.reserveCapacity(boundaries.count)
        var cursor = view.startIndex
        var previous = 0
        for offset in boundaries {
            cursor = view.index(cursor, offsetBy: offset - previous)
            previous = offset
            indices.append(cursor)
        }
        var kept = [boundaries[0]]
        var start = indices[0]
        for position in 1..<(boundaries.count - 1) {
            let here = indices[position]
            // Look back only to the last kept boundary and forward a little: enough for one token.
            let ahead = text[here...].prefix(40)
            if Self.isFalseBoundary(before: text[start..<here].suffix(40), after: ahead) { continue }
            kept.append(boundaries[position])
            start = here
        }
        kept.append(boundaries[boundaries.count - 1])
        return kept
    }

    /// `range` without leading and trailing white space, or nil when nothing else is left.
    private static func trimmed(_ text: String, _ range: Range<String.Index>) -> Range<String.Index>? {
        let scalars = text.unicodeScalars
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, scalars[lower].properties.isWhitespace { lower = scalars.index(after: lower) }
        while upper > lower {
            let before = scalars.index(before: upper)
            guard scalars[before].properties.isWhitespace else { break }
            upper = before
        }
        return lower < upper ? lower..<upper : nil
    }
}
