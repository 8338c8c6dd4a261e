/// The glossary's own TSV: a header `hangul english kind variants note source aliases country`, one term a line,
/// variants (off-style spellings) and aliases (acceptable other names) separated by `|`, the country an ISO code or
/// empty. Files with the older headers (six columns without aliases, seven without country) are read too.
public enum GlossaryTSV {
    public static let header = ["hangul", "english", "kind", "variants", "note", "source", "aliases", "country"]
    /// The headers before aliases and country existed.
    static let olderHeaders = [Array(header.prefix(6)), Array(header.prefix(7))]

    /// The terms of a TSV file, or an error naming the first bad line (for seeding, where any bad row is a bug).
    public static func parse(_ text: String, fileName: String) throws(TMError) -> [Term] {
        let parsed = try parseRows(text, fileName: fileName)
        if let problem = parsed.problems.first { throw .badFile(name: fileName, line: problem.line, message: problem.message) }
        return parsed.terms.map(\.term)
    }

    /// The rows of a TSV file, good and bad; a missing header is an error for the whole file.
    static func parseRows(_ text: String, fileName: String) throws(TMError) -> ParsedGlossary {
        var parsed = ParsedGlossary(fileName: fileName)
        var lineNumber = 0
        var sawHeader = false
        var columns = header.count
        // "\r\n" is one Character in Swift, so both line ends are named.
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { String($0) }
            if !sawHeader {
                let names = fields.map { $0.trimmed }
                guard names == header || olderHeaders.contains(names) else {
                    throw .badFile(name: fileName, line: lineNumber, message: "expected the header \(header.joined(separator: "<TAB>"))")
                }
                columns = names.count
                sawHeader = true
                continue
            }
            do {
                parsed.terms.append(.init(line: lineNumber, term: try term(fields, columns: columns)))
            } catch {
                parsed.problems.append(ImportProblem(line: lineNumber, message: error.message))
            }
        }
        guard sawHeader else { throw .badFile(name: fileName, line: nil, message: "the file is empty") }
        return parsed
    }

    /// The TSV text of `terms`, header first.
    public static func render(_ terms: [Term]) -> String {
        var out = header.joined(separator: "\t") + "\n"
        for term in terms {
            let fields = [
                term.hangul, term.english, term.kind.rawValue, term.variants.joined(separator: "|"), term.note, term.source,
                term.aliases.joined(separator: "|"), term.country,
            ]
            out += fields.map(clean).joined(separator: "\t") + "\n"
        }
        return out
    }

    private static func term(_ fields: [String], columns: Int) throws(RowError) -> Term {
        guard fields.count == columns else {
            throw RowError(message: "expected \(columns) tab-separated fields, found \(fields.count)")
        }
        let hangul = fields[0].trimmed
        let english = fields[1].trimmed
        guard !hangul.isEmpty else { throw RowError(message: "the hangul field is empty") }
        guard !english.isEmpty else { throw RowError(message: "the english field is empty") }
        guard let kind = Term.Kind(rawValue: fields[2].trimmed) else {
            let kinds = Term.Kind.allCases.map(\.rawValue).joined(separator: ", ")
            throw RowError(message: "unknown kind '\(fields[2])' (expected one of \(kinds))")
        }
        func forms(_ field: String) -> [String] { field.split(separator: "|").map { String($0).trimmed }.filter { !$0.isEmpty } }
        return Term(
            hangul: hangul, english: english, kind: kind, variants: forms(fields[3]), aliases: columns > 6 ? forms(fields[6]) : [],
            note: fields[4].trimmed, source: fields[5].trimmed, country: columns > 7 ? fields[7].trimmed : "")
    }

    /// Tabs and line breaks would break the row; they become spaces.
    static func clean(_ field: String) -> String {
        String(field.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}

/// Why one row of a file could not be read.
struct RowError: Error {
    let message: String
}

extension String {
    /// The string without leading and trailing white space.
    var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !Normalizer.isSpace($0) }),
            let last = scalars.lastIndex(where: { !Normalizer.isSpace($0) })
        else { return "" }
        // Nothing to trim (nearly always): the string itself, not a copy.
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return self }
        return String(scalars[first...last])
    }
}
