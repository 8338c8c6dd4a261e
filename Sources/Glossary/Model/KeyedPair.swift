import Foundation

/// A pair checked and keyed, ready to store: what every store takes.
public struct KeyedPair: Sendable, Hashable {
    public let ko: String
    public let en: String
    public let koKey: String
    public let enKey: String

    /// Both sides in NFC, trimmed, runs of spaces made one (the text a pair is identified by: case and quotes
    /// count, stray spaces do not); empty or overlong sides are refused, naming the side. Tabs and line breaks stay.
    public init(ko: String, en: String) throws(TMError) {
        let ko = Self.singleSpaced(Normalizer.composed(ko.trimmed))
        let en = Self.singleSpaced(Normalizer.composed(en.trimmed))
        for (field, text) in [("ko", ko), ("en", en)] {
            try TextField.check(text, field: field)
            guard !text.isEmpty else { throw .invalidInput(field: field, message: "the \(field) side is empty") }
            // UTF-8 has at least as many bytes as scalars: counting scalars is only needed for long texts.
            guard text.utf8.count <= Segment.maximumLength || text.unicodeScalars.count <= Segment.maximumLength else {
                throw .invalidInput(field: field, message: "the \(field) side is longer than \(Segment.maximumLength) characters")
            }
        }
        self.ko = ko
        self.en = en
        koKey = Normalizer.key(ko)
        enKey = Normalizer.key(en)
    }

    private static func singleSpaced(_ text: String) -> String {
        guard hasDoubleSpace(text) else { return text }
        // On bytes: a space byte is always a whole scalar.
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 where !(byte == 0x20 && out.last == 0x20) { out.append(byte) }
        return String(decoding: out, as: UTF8.self)
    }

    /// A byte scan: `String.contains(_:)` with a string argument goes through Foundation's locale-aware search, which
    /// took a tenth of an import.
    private static func hasDoubleSpace(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == 0x20 && previous == 0x20 { return true }
            previous = byte
        }
        return false
    }
}
