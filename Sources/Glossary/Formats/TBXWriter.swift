/// Writes TBX-Basic: one `termEntry` per term, a Korean and an English `langSec`, the house form marked
/// `preferredTerm-admn-sts` and the variants `admittedTerm-admn-sts`.
enum TBXWriter {
    static func render(_ terms: [Term]) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <martif type="TBX-Basic" xml:lang="en">
              <martifHeader>
                <fileDesc><sourceDesc><p>Exported by tm \(XMLEscaping.escape(TMVersion.current))</p></sourceDesc></fileDesc>
              </martifHeader>
              <text>
                <body>

            """
        for (index, term) in terms.enumerated() {
            let id = term.id.map { "t\($0)" } ?? "t\(index + 1)"
            out += "      <termEntry id=\"\(id)\">\n"
            out += "        <descrip type=\"subjectField\">\(term.kind.rawValue)</descrip>\n"
            if !term.note.isEmpty { out += "        <note>\(XMLEscaping.escape(term.note))</note>\n" }
            if !term.source.isEmpty { out += "        <admin type=\"source\">\(XMLEscaping.escape(term.source))</admin>\n" }
            if !term.country.isEmpty { out += "        <descrip type=\"geographicalUsage\">\(XMLEscaping.escape(term.country))</descrip>\n" }
            func side(_ forms: [String], hangul: Bool) -> [String] { forms.filter { (Script.dominant(in: $0) == .hangul) == hangul } }
            out += langSec(
                "ko",
                [(term.hangul, Status.preferred)] + side(term.aliases, hangul: true).map { ($0, .admitted) }
                    + side(term.variants, hangul: true).map { ($0, .deprecated) })
            out += langSec(
                "en",
                [(term.english, Status.preferred)] + side(term.aliases, hangul: false).map { ($0, .admitted) }
                    + side(term.variants, hangul: false).map { ($0, .deprecated) })
            out += "      </termEntry>\n"
        }
        out += "    </body>\n  </text>\n</martif>\n"
        return out
    }

    /// TBX-Basic's administrative status: the house form is preferred, an alias admitted, an off-style spelling
    /// deprecated.
    private enum Status: String {
        case preferred = "preferredTerm-admn-sts"
        case admitted = "admittedTerm-admn-sts"
        case deprecated = "deprecatedTerm-admn-sts"
    }

    private static func langSec(_ language: String, _ forms: [(String, Status)]) -> String {
        var out = "        <langSec xml:lang=\"\(language)\">\n"
        for (form, status) in forms {
            out += "          <termSec><term>\(XMLEscaping.escape(form))</term>"
            out += "<termNote type=\"administrativeStatus\">\(status.rawValue)</termNote></termSec>\n"
        }
        return out + "        </langSec>\n"
    }
}

/// Escaping for XML text and attribute values.
enum XMLEscaping {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            // Characters XML 1.0 cannot carry at all are dropped rather than written as an invalid document.
            case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
