import ArgumentParser
import Foundation
import Glossary

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import a TMX, PO or TSV file into the memory, streamed, in one transaction.",
        discussion: "A file with a malformed unit imports nothing unless --skip-bad. Progress goes to stderr on a terminal."
    )

    @OptionGroup var memory: MemoryOptions

    @Option(help: "tmx, po or tsv; default: from the file name.")
    var format: MemoryFormat?

    @Flag(help: "Import the good units of a file with malformed ones, and report what was skipped.")
    var skipBad = false

    @Option(help: "The origin recorded with each pair (default: the file name).")
    var origin: String?

    @Flag(help: "Print the report as JSON.")
    var json = false

    @Argument(help: "The file to import.")
    var file: String

    func run() throws {
        guard let format = format ?? MemoryFormat(fileName: file) else {
            throw ValidationError("cannot tell the format of \(file) from its name: give --format tmx, po or tsv")
        }
        guard FileManager.default.isReadableFile(atPath: file) else { throw TMError.notFound("the file \(file) (missing or unreadable)") }
        let memory = try self.memory.open()
        let interactive = isatty(STDERR_FILENO) == 1
        let start = Date()
        let report = try memory.importFile(
            .file(URL(fileURLWithPath: file)), format: format, origin: origin ?? (file as NSString).lastPathComponent, skipBad: skipBad,
            progress: interactive ? { count in Self.progress("\r\(file): \(count) units read…") } : nil)
        if interactive { Self.progress("\r\u{1B}[K") }
        if json {
            print(try JSONLines.encode(report))
            return
        }
        let seconds = Date().timeIntervalSince(start)
        print(
            "\(report.file): \(report.added) added, \(report.alreadyPresent) already present, \(report.skipped) skipped (\(String(format: "%.1f", seconds)) s)"
        )
        for (reason, count) in report.skippedByReason.sorted(by: { $0.value > $1.value }) {
            FileHandle.standardError.write(Data("  skipped \(count): \(reason)\n".utf8))
        }
    }

    private static func progress(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

extension MemoryFormat: ExpressibleByArgument {}
