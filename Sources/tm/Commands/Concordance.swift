import ArgumentParser
import Glossary

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
