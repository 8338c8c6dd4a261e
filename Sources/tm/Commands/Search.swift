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

struct Concordance: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Pairs whose Korean or English side contains a phrase (any length, case-insensitive).")

    @OptionGroup var memory: MemoryOptions

    @Option(help: "The side to search, ko or en (default: by the phrase's script).")
    var lang: Language?

    @Option(help: "The most hits (1–100).")
    var limit = 20

    @Flag(help: "Print one JSON object.")
    var json = false

    @Argument(help: "The phrase.")
    var phrase: String

    func run() throws {
        let result = try memory.open().concordance(phrase, side: lang, limit: limit)
        let output = StandardOutput()
        if json {
            output.line(try JSONLines.encode(result))
        } else {
            for hit in result.hits {
                output.line("\(hit.id)\t\(hit.ko)\t\(hit.en)")
            }
        }
        output.flush()
    }
}

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "What the database holds.")

    @OptionGroup var memory: MemoryOptions

    @Flag(help: "Print one JSON object.")
    var json = false

    func run() throws {
        let stats = try memory.open().stats()
        if json {
            print(try JSONLines.encode(stats))
            return
        }
        print("segments: \(stats.segments)\nterms: \(stats.terms)\ndatabase: \(stats.databaseBytes) bytes")
        for (origin, count) in stats.origins.sorted(by: { $0.value > $1.value }) {
            print("  \(origin.isEmpty ? "(no origin)" : origin): \(count)")
        }
    }
}

extension Language: ExpressibleByArgument {}
