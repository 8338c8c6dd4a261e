import Glossary

/// Percent-decoding of URL parts into strict UTF-8 (nil for a bad escape or invalid UTF-8).
///
/// A query string is form-encoded, so `+` is a space there; in a path segment (the amaGama text) `+` is a plus.
enum PercentDecoding {
    static func decode(_ part: Substring, plusIsSpace: Bool) -> String? {
        var bytes: [UInt8] = []
        var utf8 = Array(part.utf8)[...]
        while let byte = utf8.popFirst() {
            switch byte {
            case UInt8(ascii: "+") where plusIsSpace:
                bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard utf8.count >= 2, let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) else { return nil }
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            default:
                bytes.append(byte)
            }
        }
        return try? Normalizer.decodeUTF8(bytes)
    }
}
