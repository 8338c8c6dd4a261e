/// The match keys of a string: what two spellings must share to count as the same text.
///
/// `key` is for exact and fuzzy matching (translation memory, concordance): NFKC_Casefold on ICU,
/// one dash, one apostrophe, one space. `looseKey` is for names: it also drops diacritics,
/// apostrophes, hyphens and spaces, so "Ch'oe Sŏn-hŭi", "Choe Son Hui" and "choesonhui" meet.
public enum Normalizer {
    /// The match key: NFKC_Casefold, dash-like characters to `-`, curly quotes and primes to `'` or `"`,
    /// white space runs to one space, trimmed. Hangul comes out composed (NFC), whatever went in.
    public static func key(_ text: String) -> String {
        // The byte path copies non-ASCII bytes as they are: right for Hangul syllables, which NFKC_Casefold and the
        // replacements leave alone. Most Korean sides are syllables and ASCII only.
        isASCIIOrHangulSyllables(text) ? asciiKey(text) : icuKey(text)
    }

    /// Whether every scalar is ASCII or a precomposed Hangul syllable. Such text is NFC (there is no jamo for a
    /// syllable to compose with), and NFKC_Casefold changes only its ASCII capitals.
    static func isASCIIOrHangulSyllables(_ text: String) -> Bool {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return true }
        return text.unicodeScalars.allSatisfy { $0.isASCII || Hangul.isSyllable($0) }
    }

    /// The key without ICU, for ASCII text (and, through `key`, ASCII with Hangul syllables, whose bytes it copies):
    /// NFKC_Casefold of ASCII is lower case, and only the backquote among ASCII characters is replaced. Most
    /// segments of either language take this path; tests check it against ICU.
    static func asciiKey(_ text: String) -> String {
        asciiKey(text.utf8)
    }

    /// The same for ASCII bytes (recognition keys spans of a draft without making Strings of them first).
    static func asciiKey(_ bytes: some Sequence<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.underestimatedCount)
        var pendingSpace = false
        for byte in bytes {
            switch byte {
            case 0x09...0x0D, 0x20:
                pendingSpace = !out.isEmpty
                continue
            default:
                break
            }
            if pendingSpace {
                out.append(0x20)
                pendingSpace = false
            }
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): out.append(byte | 0x20)
            case UInt8(ascii: "`"): out.append(UInt8(ascii: "'"))
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The key through ICU's NFKC_Casefold, for any text.
    static func icuKey(_ text: String) -> String {
        let folded = ICU.normalize(text, .nfkcCasefold)
        // Built as UTF-8 bytes: appending scalars to a String one at a time cost more than ICU itself.
        var out: [UInt8] = []
        out.reserveCapacity(folded.utf8.count)
        var pendingSpace = false
        for scalar in folded.unicodeScalars {
            if isSpace(scalar) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(0x20)
                pendingSpace = false
            }
            out.append(contentsOf: (replacement(for: scalar) ?? scalar).utf8)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The loose key: `key` without diacritics, apostrophes, hyphens or spaces.
    public static func looseKey(_ text: String) -> String {
        let decomposed = ICU.normalize(key(text), .nfd)
        var out = String.UnicodeScalarView()
        for scalar in decomposed.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            if scalar == "'" || scalar == "-" || scalar == " " || scalar == "\"" { continue }
            out.append(scalar)
        }
        return ICU.normalize(String(out), .nfc)
    }

    /// `text` in NFC: Hangul typed as conjoining jamo becomes syllables, so stored forms compare by scalars.
    public static func composed(_ text: String) -> String {
        // ASCII and Hangul syllables are already NFC: most sides of either language skip ICU.
        isASCIIOrHangulSyllables(text) ? text : ICU.normalize(text, .nfc)
    }

    /// Decodes bytes that claim to be UTF-8, refusing invalid sequences instead of guessing.
    ///
    /// Text that arrives over HTTP or from a file may be broken; replacing bad bytes with U+FFFD would
    /// store a corrupted segment silently, so callers report the offset to the user instead.
    public static func decodeUTF8<Bytes: Collection<UInt8>>(_ bytes: Bytes) throws(InvalidUTF8) -> String {
        var offset = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var scalars = String.UnicodeScalarView()
        var consumed = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                scalars.append(scalar)
                consumed += UTF8.width(scalar)
                offset = consumed
            case .emptyInput:
                return String(scalars)
            case .error:
                throw InvalidUTF8(byteOffset: offset)
            }
        }
    }

    /// Bytes that are not valid UTF-8, with the offset of the first bad sequence.
    public struct InvalidUTF8: Error, Sendable, Equatable, CustomStringConvertible {
        public let byteOffset: Int
        public var description: String { "invalid UTF-8 at byte \(byteOffset)" }
    }

    /// Characters the key folds to one ASCII form. NFKC_Casefold has already removed soft hyphens and
    /// zero-width characters (default ignorables) and mapped full-width forms and NBSP.
    private static let replacements: [Unicode.Scalar: Unicode.Scalar] = [
        "\u{2010}": "-", "\u{2011}": "-", "\u{2012}": "-", "\u{2013}": "-", "\u{2014}": "-", "\u{2015}": "-",
        "\u{2212}": "-", "\u{FE58}": "-", "\u{FE63}": "-", "\u{FF0D}": "-",
        "\u{2019}": "'", "\u{2018}": "'", "\u{201B}": "'", "\u{02BC}": "'", "\u{02BB}": "'", "\u{2032}": "'", "`": "'",
        "\u{00B4}": "'",
        "\u{201C}": "\"", "\u{201D}": "\"", "\u{201E}": "\"", "\u{201F}": "\"", "\u{2033}": "\"",
    ]

    private static func replacement(for scalar: Unicode.Scalar) -> Unicode.Scalar? {
        if scalar.isASCII { return scalar == "`" ? "'" : nil }
        // Hangul syllables, most of a Korean key, have none: no table lookup.
        if Hangul.isSyllable(scalar) { return nil }
        return replacements[scalar]
    }

    /// White space by the Unicode property, with the ASCII answer looked up directly (the property lookup
    /// was a tenth of an import's time).
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) }
        if Hangul.isSyllable(scalar) { return false }
        return scalar.properties.isWhitespace
    }
}
