/// A word-level diff of a new sentence against a memory match, as CAT tools show a fuzzy match: the words both
/// share, those only the new sentence has (`insert`) and those only the match has (`delete`).
public struct WordDiff: Sendable, Codable, Equatable {
    public enum Operation: String, Sendable, Codable {
        case equal, insert, delete
    }

    public struct Piece: Sendable, Codable, Equatable {
        public let operation: Operation
        public let text: String
    }

    public let pieces: [Piece]

    /// The diff of `match` → `sentence` by longest common subsequence of words (split at white space); adjacent
    /// pieces of one operation are joined.
    public init(from match: String, to sentence: String) {
        let old = match.split(whereSeparator: \.isWhitespace).map(String.init)
        let new = sentence.split(whereSeparator: \.isWhitespace).map(String.init)
        // Sentences are short; a full table is a few thousand cells.
        var table = [[Int]](repeating: [Int](repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                table[i][j] = old[i] == new[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var pieces: [Piece] = []
        func add(_ operation: Operation, _ word: String) {
            if let last = pieces.last, last.operation == operation {
                pieces[pieces.count - 1] = Piece(operation: operation, text: last.text + " " + word)
            } else {
                pieces.append(Piece(operation: operation, text: word))
            }
        }
        var i = 0
        var j = 0
        while i < old.count || j < new.count {
            if i < old.count, j < new.count, old[i] == new[j] {
                add(.equal, old[i])
                i += 1
                j += 1
            } else if i < old.count, j == new.count || table[i + 1][j] >= table[i][j + 1] {
                // The match's words first, then the new ones, as CAT tools strike out and insert.
                add(.delete, old[i])
                i += 1
            } else {
                add(.insert, new[j])
                j += 1
            }
        }
        self.pieces = pieces
    }
}
