/// The writing system a text is mostly in: it picks the language side of a query when none is given.
public enum Script: String, Sendable, Codable, CaseIterable {
    case hangul
    case latin
    case other

    /// The script of most letters in `text`; Hangul wins ties, since a Korean sentence often quotes
    /// Latin acronyms (CNN, U.S.) but an English one rarely contains Hangul.
    public static func dominant(in text: String) -> Script {
        var hangul = 0
        var latin = 0
        for scalar in text.unicodeScalars {
            if isHangul(scalar) {
                hangul += 1
            } else if scalar.properties.isAlphabetic, isLatin(scalar) {
                latin += 1
            }
        }
        if hangul == 0 && latin == 0 { return .other }
        return hangul >= latin ? .hangul : .latin
    }

    /// Whether a scalar is Hangul: syllables, conjoining jamo or compatibility jamo.
    public static func isHangul(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xAC00...0xD7A3, 0x1100...0x11FF, 0x3130...0x318F, 0xA960...0xA97F, 0xD7B0...0xD7FF: true
        default: false
        }
    }

    private static func isLatin(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF, 0xFF21...0xFF3A, 0xFF41...0xFF5A: true
        default: false
        }
    }
}
