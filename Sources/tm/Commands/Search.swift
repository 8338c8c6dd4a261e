import ArgumentParser
import Foundation
import Glossary

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fuzzy matches from the memory for a sentence in Korean or English.",
        discussion: "With no QUERY, reads standard input, one query per line. Scores are 0–100 (100: identical after normalization)."
    )

    @OptionGroup var memory: MemoryOptions

    @Option(help: "The query's language, ko or en (default: by its script).")
    var from: Language?

    @Option(help: "The lowest score to report, 0–100.")
    var min = 75

    @Option(help: "The most matches per query (1–100).")
    var limit = 5

    @Flag(help: "Also list the glossary terms found in the query.")
    var hints = false

    @Flag(help: "Print one JSON object per query per line.")
    var json = false

    @Argument(help: "The sentence to match.")
    var query: String?

    func run() throws {
        let memory = try self.memory.open(withGlossary: hints)
        let output = StandardOutput()
        try InputLines.forEach(arguments: query.map { [$0] } ?? []) { line in
            guard !line.allSatisfy(\.isWhitespace) else { return }
            let result = try memory.search(line, from: from, minScore: min, limit: limit, hints: hints)
            if json {
                output.line(try JSONLines.encode(result))
                return
            }
            if result.matches.isEmpty { output.line("\(line)\t(no match ≥ \(min))") }
            for match in result.matches {
                output.line("\(String(format: "%.1f", match.score))\t\(match.ko)\t\(match.en)")
            }
            for term in result.terms ?? [] {
                output.line("  term: \(term.text) → \(term.matches.first?.english ?? "")")
            }
        }
        output.flush()
    }
}

extension Language: ExpressibleByArgument {}
