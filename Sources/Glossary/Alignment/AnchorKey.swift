/// Something a Korean sentence and its English translation both contain, reduced to a comparable key: a number,
/// a month, a Latin word or acronym, a glossary term, a quotation.
///
/// The kind sits in the top byte so keys of different kinds never meet; the rest is the value or a stable hash.
struct AnchorKey: Hashable, Comparable, Sendable {
    enum Kind: UInt8, Sendable {
        /// A number of 10 or more (years, amounts); translators keep these.
        case number
        /// A number under 10: common, so weaker evidence.
        case smallNumber
        case month
        /// A Latin word, lower-cased.
        case word
        /// An all-capitals Latin word (CNN, U.S), case kept so "US" does not meet "us".
        case acronym
        /// A glossary term, by its index in the aligner's glossary.
        case term
        case quotation
    }

    let raw: UInt64

    var kind: Kind { Kind(rawValue: UInt8(truncatingIfNeeded: raw >> 56)) ?? .word }

    static func < (lhs: AnchorKey, rhs: AnchorKey) -> Bool { lhs.raw < rhs.raw }

    private init(_ kind: Kind, _ payload: UInt64) {
        raw = UInt64(kind.rawValue) << 56 | (payload & 0x00FF_FFFF_FFFF_FFFF)
    }

    static func number(_ value: Double) -> AnchorKey {
        // Hundredths keep 12.3 trillion and 12조3천억 equal; beyond Int64 the bit pattern will do.
        let scaled = (value * 100).rounded()
        let payload = scaled < 9e18 ? UInt64(scaled) : value.bitPattern
        return AnchorKey(value < 10 ? .smallNumber : .number, payload)
    }

    /// The value of a number key written in hundredths, nil for other kinds.
    var numberValue: Double? {
        guard kind == .number || kind == .smallNumber else { return nil }
        let payload = raw & 0x00FF_FFFF_FFFF_FFFF
        return payload < 900_000_000_000_000_000 ? Double(payload) / 100 : nil
    }

    static func month(_ month: Int) -> AnchorKey { AnchorKey(.month, UInt64(month)) }

    static func term(_ index: Int) -> AnchorKey { AnchorKey(.term, UInt64(index)) }

    static let quotation = AnchorKey(.quotation, 0)

    /// The key of a Latin word as written: "CNN" and "U.S" as acronyms, anything else lower-cased.
    static func latinWord(_ word: String) -> AnchorKey? {
        let letters = word.unicodeScalars.filter { $0 != "." }
        guard letters.count >= 2, letters.contains(where: { $0.properties.isAlphabetic }) else { return nil }
        let isAcronym = letters.allSatisfy { $0.properties.isUppercase || $0.value >= 48 && $0.value <= 57 }
        let text = String(String.UnicodeScalarView(letters))
        return isAcronym ? AnchorKey(.acronym, stableHash(text)) : AnchorKey(.word, stableHash(text.lowercased()))
    }

    /// The key of an English word as a translation of a Korean word (lower-cased, as the memory dictionary stores it).
    static func translation(_ lowercasedWord: String) -> AnchorKey { AnchorKey(.word, stableHash(lowercasedWord)) }

    /// FNV-1a: Swift's `Hasher` is seeded per process, and keys should not change from run to run.
    private static func stableHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
