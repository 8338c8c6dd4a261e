/// The two languages of the memory.
public enum Language: String, Sendable, Codable, CaseIterable {
    case ko
    case en

    /// The language a query is most likely in: Korean when most of its letters are Hangul.
    public static func of(_ text: String) -> Language {
        Script.dominant(in: text) == .hangul ? .ko : .en
    }
}
