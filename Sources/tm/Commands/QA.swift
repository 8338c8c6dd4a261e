import ArgumentParser
import Foundation
import Glossary

struct QA: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qa",
        abstract: "Check a translated article, or the memory, pair by pair.",
        discussion: """
            With KO_FILE and EN_FILE, aligns them and checks each pair: names not in the English by house form \
            (missing_term) or spelled off house style (off_style), numbers, amounts and dates of the Korean missing \
            from the English (number), Hangul left in the English (untranslated), sentences with no counterpart \
            (unaligned), and the same Korean stored in the memory with another English (inconsistent). With --memory, \
            checks the memory's own pairs. Prints PAIR: kind: message, one line per issue, and exits with status 1 when \
            there are any.
            """
    )

    @OptionGroup var documents: DocumentOptions

    @Flag(help: "Check the memory's most recent pairs (see --limit) instead of two files.")
    var memory = false

    @Option(help: "With --memory, how many of the most recent pairs to check.")
    var limit = 10_000

    @Flag(help: "Print the report as one JSON object: {\"pairs\",\"issues\":[{\"pair\",\"kind\",\"ko\",\"en\",\"message\",…}]}.")
    var json = false

    @Argument(help: "The Korean article.")
    var koFile: String?

    @Argument(help: "Its English translation.")
    var enFile: String?

    func validate() throws {
        if memory, koFile != nil { throw ValidationError("give either KO_FILE EN_FILE or --memory, not both") }
        if !memory, koFile == nil || enFile == nil { throw ValidationError("give KO_FILE and EN_FILE, or --memory") }
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let analyzer = try documents.open()
        let report =
            memory
            ? try analyzer.qaMemory(limit: limit)
            : try analyzer.qa(korean: InputText.read(path: koFile ?? ""), english: InputText.read(path: enFile ?? ""))
        let output = StandardOutput()
        if json {
            output.line(try JSONLines.encode(report))
        } else {
            for issue in report.issues {
                output.line("\(issue.pair + 1): \(issue.kind.rawValue): \(issue.message)")
            }
            output.line("\(report.pairs) pairs, \(report.issues.count) issues")
        }
        output.flush()
        if !report.issues.isEmpty { throw ExitCode(1) }
    }
}
