/// Decoding that refuses fields it does not know: a misspelt optional field (`"orign"`) would otherwise be
/// dropped without a word and the client would never learn why its value was not stored.
struct AnyCodingKey: CodingKey {
    let stringValue: String
    let intValue: Int? = nil

    init(stringValue: String) {
        self.stringValue = stringValue
    }

    init?(intValue: Int) {
        return nil
    }
}

extension Decoder {
    /// Throws a `DecodingError` naming the first key of the object that is not in `known`.
    public func rejectUnknownKeys(_ known: Set<String>) throws {
        let container = try container(keyedBy: AnyCodingKey.self)
        for key in container.allKeys where !known.contains(key.stringValue) {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: codingPath + [key],
                    debugDescription: "unknown field '\(key.stringValue)' (expected one of \(known.sorted().joined(separator: ", ")))"))
        }
    }
}
