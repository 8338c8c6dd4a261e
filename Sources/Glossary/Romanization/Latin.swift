/// Letter-case and diacritic edits on romanized UTF-8, done on bytes because the romanizers build bytes.
enum Latin {
    /// A table of letters written as space-separated strings in a fixed order (Unicode lead, vowel or tail order); "-"
    /// is the empty string. The romanization tables are written so that a linguist can read them.
    static func letters(_ table: String) -> [[UInt8]] {
        table.split(separator: " ").map { $0 == "-" ? [] : Array($0.utf8) }
    }

    /// Upper-cases the first letter at or after `start` (a–z, or ŏ ŭ of McCune–Reischauer).
    static func capitalize(_ bytes: inout [UInt8], from start: Int) {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= UInt8(ascii: "a"), byte <= UInt8(ascii: "z") {
                bytes[index] = byte - 32
                return
            }
            if byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") { return }
            if byte == 0xC5, index + 1 < bytes.count, bytes[index + 1] == 0x8F || bytes[index + 1] == 0xAD {
                bytes[index + 1] -= 1
                return
            }
            index += 1
        }
    }

    /// Drops breves (ŏ ŭ → o u) and apostrophes (P'yŏngyang → Pyongyang) from `start` on.
    static func dropDiacritics(_ bytes: inout [UInt8], from start: Int) {
        var write = start
        var read = start
        while read < bytes.count {
            let byte = bytes[read]
            if byte == 0xC5, read + 1 < bytes.count, (0x8E...0x8F).contains(bytes[read + 1]) || (0xAC...0xAD).contains(bytes[read + 1]) {
                let isO = bytes[read + 1] <= 0x8F
                let isUpper = bytes[read + 1] == 0x8E || bytes[read + 1] == 0xAC
                bytes[write] = isO ? (isUpper ? UInt8(ascii: "O") : UInt8(ascii: "o")) : (isUpper ? UInt8(ascii: "U") : UInt8(ascii: "u"))
                write += 1
                read += 2
            } else if byte == UInt8(ascii: "'") {
                read += 1
            } else {
                bytes[write] = byte
                write += 1
                read += 1
            }
        }
        bytes.removeSubrange(write..<bytes.count)
    }

    static func append(_ scalars: [Unicode.Scalar], to bytes: inout [UInt8]) {
        for scalar in scalars { bytes.append(contentsOf: String(scalar).utf8) }
    }
}
