/// Checks every text that enters from outside (a request field, a file's unit, a query) for what would corrupt it.
///
/// U+0000 is refused: SQLite's C strings end there, so "Nul\u{0}Tail" would be stored as "Nul" and two texts could
/// share one key.
public enum TextField {
    /// Throws `invalidInput` naming `field` when the text holds U+0000.
    public static func check(_ text: String, field: String) throws(TMError) {
        // A byte scan first: UTF-8 has a zero byte only for U+0000, and nearly every text has none.
        guard text.utf8.contains(0) else { return }
        if let offset = text.unicodeScalars.firstIndex(of: "\0").map({ text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: $0) }) {
            throw .invalidInput(field: field, message: "holds U+0000 (a NUL character) at character \(offset); remove it")
        }
    }
}
