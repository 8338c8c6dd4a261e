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
        var text = text
        // UTF-8 in and out: a String is built from UTF-8 by a copy, from UTF-16 by a slow transcoding.
        let normalized = text.withUTF8 { source -> String? in
            guard let base = source.baseAddress, !source.isEmpty else { return nil }
            var capacity = source.count + source.count / 2 + 16
            while true {
                var error: Int32 = 0
                var length: Int32 = 0
                let result = String(unsafeUninitializedCapacity: capacity) { dest in
                    length = dest.withMemoryRebound(to: CChar.self) { dest in
                        base.withMemoryRebound(to: CChar.self, capacity: source.count) { src in
                            cicu_normalize_utf8(form.rawValue, src, Int32(source.count), dest.baseAddress, Int32(dest.count), &error)
                        }
                    }
                    return length >= 0 && Int(length) <= dest.count ? Int(length) : 0
                }
                // -2: already normalized (ICU's quick check); -1: ICU failed (allocation only, given valid UTF-8).
                if length < 0 { return nil }
                if Int(length) <= capacity { return result }
                capacity = Int(length)
            }
        }
        return normalized ?? text
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
