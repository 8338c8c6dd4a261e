/// A text folded scalar by scalar the way `Normalizer.key` folds it, remembering where each folded scalar
/// came from, so that a phrase found in the folded form can be shown at its place in the original.
///
/// Folding one scalar at a time misses the rare changes that span scalars (composing conjoining jamo),
/// which only costs a highlight; white space runs fold to one space as in the key.
struct FoldedText {
    private(set) var scalars: [Unicode.Scalar] = []
    /// For each folded scalar, the offset of the original scalar it came from.
    private(set) var origins: [Int] = []

    init(_ text: String) {
        var previousWasSpace = true
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            if scalar.properties.isWhitespace {
                if !previousWasSpace {
                    scalars.append(" ")
                    origins.append(offset)
                }
                previousWasSpace = true
                continue
            }
            previousWasSpace = false
            let folded: String.UnicodeScalarView
            if scalar.isASCII {
                folded = String(Character(scalar).lowercased()).unicodeScalars
            } else {
                folded = Normalizer.key(String(scalar)).unicodeScalars
            }
            for piece in folded {
                scalars.append(piece)
                origins.append(offset)
            }
        }
    }

    /// Where `phrase` (a match key) occurs, as ranges of original scalar offsets, left to right, not overlapping.
    func occurrences(of phrase: String) -> [Range<Int>] {
        let needle = Array(phrase.unicodeScalars)
        guard !needle.isEmpty, needle.count <= scalars.count else { return [] }
        var found: [Range<Int>] = []
        var index = 0
        while index + needle.count <= scalars.count {
            if scalars[index] == needle[0], scalars[index..<(index + needle.count)].elementsEqual(needle) {
                found.append(origins[index]..<(origins[index + needle.count - 1] + 1))
                index += needle.count
            } else {
                index += 1
            }
        }
        return found
    }
}
