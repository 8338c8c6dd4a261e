import ArgumentParser
import Foundation
import Glossary

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import TMX, PO or TSV files into the memory, streamed, each in one transaction.",
        discussion: """
            A file with a malformed unit imports nothing unless --skip-bad. Several files are imported one after another, \
            each in its own transaction with its own report; a file that fails does not stop the others, and the exit \
            status is the first failure's. - reads standard input (give --format). A file written the other way round \
            (Korean on the English side) is swapped, with a notice. Progress goes to stderr on a terminal.
            """
    )

    @OptionGroup var memory: MemoryOptions

    @Option(help: "tmx, po or tsv; default: from each file's name.")
    var format: MemoryFormat?

    @Flag(help: "Import the good units of a file with malformed ones, and report what was skipped.")
    var skipBad = false

    @Option(help: "The origin recorded with each pair (default: the file name).")
    var origin: String?

    @Flag(help: "Print each file's report as a JSON line.")
    var json = false

    @Argument(help: "The files to import; - for standard input.")
    var files: [String]

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one file to import (- for standard input)") }
        for file in files where format == nil && MemoryFormat(fileName: file) == nil {
            throw ValidationError(
                file == "-"
                    ? "standard input has no name to tell its format: give --format tmx, po or tsv"
                    : "cannot tell the format of \(file) from its name: give --format tmx, po or tsv")
        }
    }

    func run() throws {
        let memory = try self.memory.open()
        var failure: TMError?
        for file in files {
            do throws(TMError) {
                try importOne(file, into: memory)
            } catch {
                FileHandle.standardError.write(Data("tm: \(error)\n".utf8))
                failure = failure ?? error
            }
        }
        if let failure { throw ExitCode(TM.exitStatus(of: failure)) }
    }

    private func importOne(_ file: String, into memory: TranslationMemory) throws(TMError) {
        guard let format = format ?? MemoryFormat(fileName: file) else { return }
        let (url, name) = try file == "-" ? (Self.spoolStandardInput(), "standard input") : (URL(fileURLWithPath: file), file)
        defer { if file == "-" { try? FileManager.default.removeItem(at: url) } }
        guard FileManager.default.isReadableFile(atPath: url.path) else { throw TMError.notFound("the file \(file) (missing or unreadable)") }
        let interactive = isatty(STDERR_FILENO) == 1
        let start = Date()
        let source: MemorySource = file == "-" ? .upload(url, name: name) : .file(url)
        let report = try memory.importFile(
            source, format: format, origin: origin ?? source.name, skipBad: skipBad,
            progress: interactive ? { count in Self.progress("\r\(name): \(count) units read…") } : nil)
        if interactive { Self.progress("\r\u{1B}[K") }
        if json {
            do {
                print(try JSONLines.encode(report))
            } catch {
                throw .storage("the report could not be written as JSON: \(error)")
            }
            return
        }
        let seconds = Date().timeIntervalSince(start)
        print(
            "\(report.file): \(report.added) added, \(report.alreadyPresent) already present, \(report.skipped) skipped (\(String(format: "%.1f", seconds)) s)"
        )
        for notice in report.notices { FileHandle.standardError.write(Data("\(report.file): \(notice)\n".utf8)) }
        for (reason, count) in report.skippedByReason.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
            let example = report.problems.first { $0.reason == reason }.map { " (\($0.message))" } ?? ""
            FileHandle.standardError.write(Data("  skipped \(count): \(reason)\(example)\n".utf8))
        }
    }

    /// Standard input, copied to a temporary file: an import reads its start twice (to tell the direction).
    private static func spoolStandardInput() throws(TMError) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tm-import-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: url.path, contents: nil), let out = try? FileHandle(forWritingTo: url) else {
            throw .storage("cannot write a temporary file for standard input")
        }
        defer { try? out.close() }
        while true {
            let chunk = FileHandle.standardInput.readData(ofLength: 1 << 20)
            if chunk.isEmpty { break }
            do { try out.write(contentsOf: chunk) } catch { throw .storage("cannot write a temporary file for standard input: \(error)") }
        }
        return url
    }

    private static func progress(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

extension MemoryFormat: ExpressibleByArgument {}
