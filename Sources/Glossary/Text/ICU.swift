import CICU

/// Thin Swift calls over the CICU shim. ICU works in UTF-16; these functions convert at the edge.
enum ICU {
    /// Normalization forms, as numbered by the shim.
    enum Form: Int32 {
        case nfc = 0
        case nfd = 1
        case nfkc = 2
        case nfkcCasefold = 3
    }

    /// The version of the system ICU, e.g. "72.1".
    static let version: String = {
        var buffer = [CChar](repeating: 0, count: 32)
        cicu_version(&buffer, Int32(buffer.count))
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }()

    /// `text` normalized to `form`. ICU only fails here on allocation failure; the input is returned then,
    /// because a match key that is slightly less normal is better than a crash.
    static func normalize(_ text: String, _ form: Form) -> String {
        let source = Array(text.utf16)
        if source.isEmpty { return text }
        var capacity = source.count + source.count / 2 + 16
        while true {
            var error: Int32 = 0
            var dest = [UInt16](repeating: 0, count: capacity)
            let length = cicu_normalize(form.rawValue, source, Int32(source.count), &dest, Int32(capacity), &error)
            if length < 0 { return text }
            if Int(length) <= capacity {
                return String(decoding: dest[0..<Int(length)], as: UTF16.self)
            }
            capacity = Int(length)
        }
    }

    /// Why bytes in a charset could not be read.
    struct ConversionFailure: Error {
        /// The offset of the bad bytes, when ICU says; nil when the charset itself is unknown.
        let offset: Int?
        let unknownCharset: Bool
    }

    /// `bytes` in `charset` (any name or alias ICU knows: EUC-KR, CP949, UTF-16) as UTF-8 bytes, refusing bytes that
    /// are illegal or unmappable in it.
    static func convertToUTF8(_ bytes: [UInt8], charset: String) throws(ConversionFailure) -> [UInt8] {
        var capacity = bytes.count * 3 / 2 + 16
        while true {
            var error: Int32 = 0
            var offset: Int32 = -1
            var dest = [UInt8](repeating: 0, count: capacity)
            let length = bytes.withUnsafeBufferPointer { source in
                source.withMemoryRebound(to: CChar.self) { chars in
                    dest.withUnsafeMutableBufferPointer { out in
                        out.withMemoryRebound(to: CChar.self) { target in
                            cicu_convert_to_utf8(charset, chars.baseAddress, Int32(bytes.count), target.baseAddress, Int32(capacity), &error, &offset)
                        }
                    }
                }
            }
            // U_FILE_ACCESS_ERROR (4) and U_ILLEGAL_ARGUMENT_ERROR (1): ICU has no converter of that name.
            if length < 0 { throw ConversionFailure(offset: offset >= 0 ? Int(offset) : nil, unknownCharset: error == 4 || error == 1) }
            if Int(length) <= capacity { return Array(dest[0..<Int(length)]) }
            capacity = Int(length)
        }
    }

    /// UTF-16 offsets of the sentence boundaries of `utf16` under an ICU locale, from 0 to the end.
    static func sentenceBoundaries(_ utf16: [UInt16], locale: String) -> [Int] {
        if utf16.isEmpty { return [0] }
        var capacity = utf16.count / 16 + 8
        while true {
            var error: Int32 = 0
            var boundaries = [Int32](repeating: 0, count: capacity)
            let count = cicu_sentence_boundaries(locale, utf16, Int32(utf16.count), &boundaries, Int32(capacity), &error)
            if count < 0 { return [0, utf16.count] }
            if Int(count) <= capacity {
                return boundaries[0..<Int(count)].map { Int($0) }
            }
            capacity = Int(count)
        }
    }
}
