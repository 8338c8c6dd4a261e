/// Writes a glossary as TBX: by default TBX v2 Basic (`martif`, `termEntry`, `langSet`, `tig`), which translate-toolkit
/// (hence Weblate) and OmegaT read; on request TBX v3 (ISO 30042:2019, `tbx`, `conceptEntry`, `langSec`, `termSec`,
/// DCA style). One entry per term: the house form preferred, aliases admitted, off-style spellings deprecated, the
/// Korean section first; tm's kind and country in `admin type="x-tm-kind"` / `"x-tm-country"`.
enum TBXWriter {
    enum Version {
        case v2, v3

        /// The element names of each version, in document order.
        var root: String { self == .v2 ? "martif" : "tbx" }
        var header: String { self == .v2 ? "martifHeader" : "tbxHeader" }
        var entry: String { self == .v2 ? "termEntry" : "conceptEntry" }
        var language: String { self == .v2 ? "langSet" : "langSec" }
        var term: String { self == .v2 ? "tig" : "termSec" }
        var rootAttributes: String {
            self == .v2 ? #"type="TBX-Basic" xml:lang="en""# : #"type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed:3.0""#
        }
    }

    static func render(_ terms: [Term], version: Version) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <\(version.root) \(version.rootAttributes)>
              <\(version.header)>
                <fileDesc><sourceDesc><p>Exported by tm \(XMLEscaping.escape(TMVersion.current))</p></sourceDesc></fileDesc>
              </\(version.header)>
              <text>
                <body>

            """
        for (index, term) in terms.enumerated() {
            let id = term.id.map { "t\($0)" } ?? "t\(index + 1)"
            out += "      <\(version.entry) id=\"\(id)\">\n"
            if !term.note.isEmpty { out += "        <note>\(XMLEscaping.escape(term.note))</note>\n" }
            out += "        <admin type=\"x-tm-kind\">\(term.kind.rawValue)</admin>\n"
            if !term.source.isEmpty { out += "        <admin type=\"source\">\(XMLEscaping.escape(term.source))</admin>\n" }
            if !term.country.isEmpty { out += "        <admin type=\"x-tm-country\">\(XMLEscaping.escape(term.country))</admin>\n" }
            func side(_ forms: [String], hangul: Bool) -> [String] { forms.filter { (Script.dominant(in: $0) == .hangul) == hangul } }
            out += languageSection(
                "ko", version: version,
                [(term.hangul, Status.preferred)] + side(term.aliases, hangul: true).map { ($0, .admitted) }
                    + side(term.variants, hangul: true).map { ($0, .deprecated) })
            out += languageSection(
                "en", version: version,
                [(term.english, Status.preferred)] + side(term.aliases, hangul: false).map { ($0, .admitted) }
                    + side(term.variants, hangul: false).map { ($0, .deprecated) })
            out += "      </\(version.entry)>\n"
        }
        out += "    </body>\n  </text>\n</\(version.root)>\n"
        return out
    }

    /// TBX-Basic's administrative status: the house form is preferred, an alias admitted, an off-style spelling
    /// deprecated.
    private enum Status: String {
        case preferred = "preferredTerm-admn-sts"
        case admitted = "admittedTerm-admn-sts"
        case deprecated = "deprecatedTerm-admn-sts"
    }

    private static func languageSection(_ language: String, version: Version, _ forms: [(String, Status)]) -> String {
        var out = "        <\(version.language) xml:lang=\"\(language)\">\n"
        for (form, status) in forms {
            out += "          <\(version.term)><term>\(XMLEscaping.escape(form))</term>"
            out += "<termNote type=\"administrativeStatus\">\(status.rawValue)</termNote></\(version.term)>\n"
        }
        return out + "        </\(version.language)>\n"
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
            // Characters XML 1.0 cannot carry at all are dropped rather than written as an invalid document
            // (a TMX segment keeps them as placeholders first: `TMXWriter.segmentContent`).
            case _ where isUnwritable(scalar): continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A character XML 1.0 cannot carry, even as a character reference.
    static func isUnwritable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": true
        default: false
        }
    }
}
