/// The two languages of the memory.
public enum Language: String, Sendable, Codable, CaseIterable {
    case ko
    case en

    /// The language a query is most likely in: Korean when most of its letters are Hangul.
    /// The language a text in this one is translated into.
    public var other: Language { self == .ko ? .en : .ko }

    public static func of(_ text: String) -> Language {
        Script.dominant(in: text) == .hangul ? .ko : .en
    }
}
