import ArgumentParser
import Glossary

struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add a Korean–English pair to the memory (stored once: the same pair again refreshes it).")

    @OptionGroup var memory: MemoryOptions

    @Option(help: "The Korean side.")
    var ko: String

    @Option(help: "The English side.")
    var en: String

    @Option(help: "Where the pair came from.")
    var origin = "cli"

    func run() throws {
        let added = try memory.open().add([SegmentInput(ko: ko, en: en, origin: origin)])
        for result in added { print(try JSONLines.encode(result)) }
    }
}
