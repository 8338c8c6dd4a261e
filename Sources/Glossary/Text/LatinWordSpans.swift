/// Word spans in Latin text, as offsets into its Unicode scalars: runs of letters, digits and combining
/// marks. Everything else (spaces, hyphens, apostrophes, punctuation) separates words, so "Kim Jong-un's"
/// has the words Kim, Jong, un, s, and a name can be found before a possessive.
enum LatinWordSpans {
    static func spans(in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var start: Int?
        for (index, scalar) in scalars.enumerated() {
            if isWordScalar(scalar) {
                if start == nil { start = index }
            } else if let begun = start {
                spans.append(begun..<index)
                start = nil
            }
        }
        if let begun = start { spans.append(begun..<scalars.count) }
        return spans
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        // ASCII without a property lookup: most of an English draft.
        if scalar.isASCII {
            let value = scalar.value | 0x20
            return (value >= 0x61 && value <= 0x7A) || (scalar.value >= 0x30 && scalar.value <= 0x39)
        }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
    }
}
