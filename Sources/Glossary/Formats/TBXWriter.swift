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
            let korean = [term.hangul] + term.variants.filter { Script.dominant(in: $0) == .hangul }
            let english = [term.english] + term.variants.filter { Script.dominant(in: $0) != .hangul }
            out += langSec("ko", korean)
            out += langSec("en", english)
            out += "      </termEntry>\n"
        }
        out += "    </body>\n  </text>\n</martif>\n"
        return out
    }

    private static func langSec(_ language: String, _ forms: [String]) -> String {
        var out = "        <langSec xml:lang=\"\(language)\">\n"
        for (index, form) in forms.enumerated() {
            let status = index == 0 ? "preferredTerm-admn-sts" : "admittedTerm-admn-sts"
            out += "          <termSec><term>\(XMLEscaping.escape(form))</term>"
            out += "<termNote type=\"administrativeStatus\">\(status)</termNote></termSec>\n"
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
