/// OmegaT's glossary format: UTF-8 or UTF-16 with a byte-order mark, `#` comment lines, one term a line,
/// `source<TAB>target<TAB>comment`, Korean as the source (a file the other way round is swapped on import).
///
/// OmegaT reads the first three columns and ignores the rest, so tm writes five more — kind, variants
/// (`|`-separated), source, aliases and country — to make export and import a lossless round trip. A plain three-column file
/// from elsewhere imports with kind `term`.
enum OmegaTGlossary {
    static func parse(_ text: String, fileName: String) -> ParsedGlossary {
        var parsed = ParsedGlossary(fileName: fileName)
        var lineNumber = 0
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            // Blank lines, and comments: OmegaT starts its files with "# Glossary in tab-separated format -*- coding: utf-8 -*-".
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmed }
            guard fields.count >= 2, !fields[0].isEmpty, !fields[1].isEmpty else {
                parsed.problems.append(ImportProblem(line: lineNumber, message: "expected a source and a target separated by a tab"))
                continue
            }
            var kind = Term.Kind.term
            if fields.count > 3, !fields[3].isEmpty {
                guard let stated = Term.Kind(rawValue: fields[3]) else {
                    parsed.problems.append(ImportProblem(line: lineNumber, message: "unknown kind '\(fields[3])' in the fourth column"))
                    continue
                }
                kind = stated
            }
            func forms(_ column: Int) -> [String] {
                fields.count > column ? fields[column].split(separator: "|").map { String($0).trimmed }.filter { !$0.isEmpty } : []
            }
            let term = Term(
                hangul: fields[0], english: fields[1], kind: kind, variants: forms(4), aliases: forms(6), note: fields.count > 2 ? fields[2] : "",
                source: fields.count > 5 ? fields[5] : "", country: fields.count > 7 ? fields[7] : "")
            parsed.terms.append(.init(line: lineNumber, term: term))
        }
        return parsed
    }

    static func render(_ terms: [Term]) -> String {
        var out = ""
        for term in terms {
            let fields = [
                term.hangul, term.english, term.note, term.kind.rawValue, term.variants.joined(separator: "|"), term.source,
                term.aliases.joined(separator: "|"), term.country,
            ]
            out += fields.map(GlossaryTSV.clean).joined(separator: "\t") + "\n"
        }
        return out
    }
}
