import ArgumentParser
import Glossary

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "What the database holds.")

    @OptionGroup var memory: MemoryOptions

    @Flag(help: "Print one JSON object.")
    var json = false

    @Flag(help: "Run SQLite's integrity check and exit with status 74 unless it answers ok.")
    var check = false

    func run() throws {
        if check {
            let result = try memory.store.open().integrityCheck()
            print("integrity: \(result)")
            guard result == "ok" else { throw TMError.storage("integrity check: \(result)") }
            return
        }
        let stats = try memory.open().stats(indexing: false)
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
