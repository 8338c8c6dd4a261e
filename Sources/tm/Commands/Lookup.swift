import ArgumentParser
import Glossary

extension LookupContext: ExpressibleByArgument {}

struct Lookup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find glossary entries by any spelling: Hangul, the house form, a variant, a romanization.",
        discussion: "With no QUERY, reads standard input, one query per line."
    )

    @OptionGroup var glossary: GlossaryOptions

    @Flag(help: "Print one JSON object per query per line.")
    var json = false

    @Option(
        help:
            "For a name the glossary lacks: south (Lee, Kim Jong-un) or dprk (as KCNA writes: Ri, Kim Chol Ho); default: dprk when the surname is written the Northern way (리, 림, 로, 류), else south."
    )
    var context: LookupContext?

    @Argument(help: "Names to look up.")
    var query: [String] = []

    func run() throws {
        let glossary = try self.glossary.open()
        let output = StandardOutput()
        try InputLines.forEach(arguments: query) { line in
            guard !line.allSatisfy(\.isWhitespace) else { return }
            let result = try glossary.lookup(line, context: context)
            if json {
                output.line(try JSONLines.encode(result))
            } else {
                output.line(Self.describe(result))
            }
        }
        output.flush()
    }

    /// "QUERY → house form · Hangul · kind (via, matched spelling, score)", one line per match.
    static func describe(_ result: LookupResult) -> String {
        guard !result.matches.isEmpty else { return "\(result.query) → no match" }
        return result.matches.map { match in
            let how =
                match.via == .fuzzy ? "near miss \(match.matched), score \(Int(match.score.rounded()))" : "\(match.via.rawValue) \(match.matched)"
            let generated = match.generated ? ", not in the glossary: romanized by rule" : ""
            return "\(result.query) → \(match.english) · \(match.hangul) · \(match.kind.rawValue) (\(how)\(generated))"
        }.joined(separator: "\n")
    }
}
