/// English words for anchoring: runs of letters and digits that may hold inner `.`, `-`, `'`, `,` between
/// alphanumerics ("U.S", "Jong-un", "8,192", "12.3").
enum EnglishWords {
    static func tokens(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        var index = 0
        func flush() {
            if !current.isEmpty { tokens.append(String(current)) }
            current = String.UnicodeScalarView()
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if isWordScalar(scalar) || (current.isEmpty && (scalar == "$" || scalar == "€" || scalar == "£")) {
                current.append(scalar)
            } else if !current.isEmpty, ".-'’,".unicodeScalars.contains(scalar), index + 1 < scalars.count,
                isWordScalar(scalars[index + 1])
            {
                current.append(scalar == "’" ? "'" : scalar)
            } else {
                flush()
            }
            index += 1
        }
        flush()
        return tokens
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 48...57, 65...90, 97...122, 37: true  // digits, ASCII letters, %
        case 0..<128: false
        default: scalar.properties.isAlphabetic
        }
    }

    /// Whether a sentence joins two clauses with a semicolon or ", but": a sentence that often stands for two
    /// Korean ones.
    static func hasJoinedClauses(_ text: String) -> Bool {
        text.contains("; ") || text.contains(", but ")
    }

    /// Whether a lower-cased word carries content (not a function word, not too short to mean much).
    static func isContentWord(_ word: String) -> Bool {
        word.unicodeScalars.count >= 3 && !stopWords.contains(word) && word.unicodeScalars.contains { $0.properties.isAlphabetic }
    }

    /// Function words: they have no Korean counterpart word and would only add noise to anchors.
    static let stopWords: Set<String> = [
        "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "is", "are",
        "was", "were", "be", "been", "being", "has", "have", "had", "it", "its", "this", "that", "these", "those", "he",
        "she", "they", "we", "you", "his", "her", "their", "our", "not", "no", "will", "would", "can", "could", "should",
        "may", "might", "said", "says", "say", "also", "than", "then", "there", "which", "who", "whom", "what", "when",
        "where", "while", "after", "before", "about", "into", "over", "more", "most", "some", "such", "all", "any", "if",
        "so", "up", "out", "one", "new", "last", "do", "does", "did", "i", "him", "them", "us", "me", "my", "mr", "mrs",
    ]
}
