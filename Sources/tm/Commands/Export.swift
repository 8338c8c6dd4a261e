import ArgumentParser
import Foundation
import Glossary

struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write the whole memory as TMX 1.4b or TSV, streamed.")

    @OptionGroup var memory: MemoryOptions

    @Option(help: "tmx or tsv.")
    var format: MemoryFormat = .tmx

    @Option(help: "Write to this file instead of standard output.")
    var output: String?

    func run() async throws {
        guard format != .po else { throw ValidationError("export writes tmx or tsv") }
        let handle: FileHandle
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: nil), let file = FileHandle(forWritingAtPath: output) else {
                throw TMError.invalidInput(field: "output", message: "cannot write \(output)")
            }
            handle = file
        } else {
            handle = FileHandle.standardOutput
        }
        try await memory.open().export(format) { text in handle.write(Data(text.utf8)) }
        if output != nil { try handle.close() }
    }
}
