import Foundation

/// Writes TMX 1.4b one piece at a time, so an export of any size streams: `prologue`, a `unit` per segment,
/// then `epilogue` (or `write(_:to:)` for all three). Korean is the source language.
public enum TMXWriter {
    /// The XML declaration, the root, the header and the opening of the body.
    public static var prologue: String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4">
          <header creationtool="tm" creationtoolversion="\(XMLEscaping.escape(TMVersion.current))" segtype="sentence" \
        o-tmf="tm" adminlang="en" srclang="ko" datatype="plaintext"/>
          <body>

        """
    }

    /// The closing of the body and the root.
    public static let epilogue = "  </body>\n</tmx>\n"

    /// One `tu`: the id as `tuid`, the dates, the origin as an `x-origin` prop, a Korean and an English `tuv`.
    public static func unit(_ segment: Segment) -> String {
        var out = "    <tu tuid=\"\(segment.id)\" creationdate=\"\(tmxDate(segment.createdAt))\""
        out += " changedate=\"\(tmxDate(segment.updatedAt))\">\n"
        if !segment.origin.isEmpty { out += "      <prop type=\"x-origin\">\(escapeContent(segment.origin))</prop>\n" }
        return out + variants(ko: segment.ko, en: segment.en)
    }

    /// One `tu` for a pair that is not stored (a draft's sentence and its match): no id or dates, `prop`s as given.
    static func unit(ko: String, en: String, properties: [(type: String, value: String)]) -> String {
        var out = "    <tu>\n"
        for property in properties {
            out += "      <prop type=\"\(XMLEscaping.escape(property.type))\">\(escapeContent(property.value))</prop>\n"
        }
        return out + variants(ko: ko, en: en)
    }

    private static func variants(ko: String, en: String) -> String {
        "      <tuv xml:lang=\"ko\"><seg>\(segmentContent(ko))</seg></tuv>\n"
            + "      <tuv xml:lang=\"en\"><seg>\(segmentContent(en))</seg></tuv>\n" + "    </tu>\n"
    }

    /// Writes the whole document to `write`, one piece at a time.
    public static func write(_ segments: some Sequence<Segment>, to write: (String) throws -> Void) rethrows {
        try write(prologue)
        for segment in segments { try write(unit(segment)) }
        try write(epilogue)
    }

    /// A date in TMX's form, `YYYYMMDDThhmmssZ`, in UTC.
    static func tmxDate(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func padded(_ value: Int?, _ width: Int) -> String {
            let digits = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return padded(parts.year, 4) + padded(parts.month, 2) + padded(parts.day, 2) + "T" + padded(parts.hour, 2)
            + padded(parts.minute, 2) + padded(parts.second, 2) + "Z"
    }

    /// A segment's text as `seg` content: escaped, and each control character XML 1.0 cannot carry (U+0007 in a
    /// shell's message) written as `<ph type="x-ctrl">U+0007</ph>`, which `TMXReader` maps back — so export and
    /// import give the same pair, and other readers see a placeholder instead of losing the character.
    static func segmentContent(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: XMLEscaping.isUnwritable) else { return escapeContent(text) }
        var out = ""
        var run = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if XMLEscaping.isUnwritable(scalar) {
                out += escapeContent(String(run))
                run.removeAll()
                out += "<ph type=\"\(controlType)\">\(controlName(scalar))</ph>"
            } else {
                run.append(scalar)
            }
        }
        return out + escapeContent(String(run))
    }

    /// The `ph` type that carries a control character, and how its content names it.
    static let controlType = "x-ctrl"

    static func controlName(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Element content escaped; a carriage return is written as a character reference because XML parsers
    /// turn a literal one into a line feed.
    static func escapeContent(_ text: String) -> String {
        let escaped = XMLEscaping.escape(text)
        guard escaped.unicodeScalars.contains("\r") else { return escaped }
        var out = String.UnicodeScalarView()
        for scalar in escaped.unicodeScalars {
            if scalar == "\r" { out.append(contentsOf: "&#13;".unicodeScalars) } else { out.append(scalar) }
        }
        return String(out)
    }
}
