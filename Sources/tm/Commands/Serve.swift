import ArgumentParser
import Foundation
import Glossary
import Logging
import TMServer

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the HTTP API.")

    @OptionGroup var store: StoreOptions

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port = 8080

    func run() async throws {
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        var logger = Logger(label: "tm")
        logger.logLevel = .info
        let tmStore = try store.open()
        let host = host
        let glossary = try TermGlossary(store: tmStore)
        let memory = try TranslationMemory(store: tmStore, glossary: glossary)
        let app = TMApplication.application(store: tmStore, glossary: glossary, memory: memory, host: host, port: port, logger: logger) { port in
            // Written straight to the file handle: scripts wait for this line, so it must not sit in a buffer.
            let line = "tm \(TMVersion.current) listening on http://\(host):\(port) (database \(tmStore.path))\n"
            FileHandle.standardOutput.write(Data(line.utf8))
        }
        try await app.runService()
    }
}
