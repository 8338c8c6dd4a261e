import ArgumentParser
import Foundation
import Glossary
import Hummingbird
import Logging
import ServiceLifecycle
import TMServer

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the HTTP API.",
        discussion: """
            Reads are open. Writes need Authorization: Bearer TOKEN when a token is set (--token, $TM_TOKEN or \
            --token-file); without one the server listens on loopback only and refuses writes a web page of another \
            origin sends. Requests for a Host other than a loopback name or address are refused unless named with \
            --public-host. Writes by other processes (tm import, tm add, another server) are followed within \
            a fraction of a second. SIGINT or SIGTERM stop it after in-flight requests finish (up to --grace seconds).
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port = 8080

    @Option(help: "The bearer token writes need (default: $TM_TOKEN).")
    var token: String?

    @Option(help: "A file whose first line is the token.")
    var tokenFile: String?

    @Option(
        name: .customLong("public-host"),
        help: "A host name clients use to reach the server (repeatable; '*' for any, e.g. behind a proxy that checks it).")
    var publicHosts: [String] = []

    @Option(help: "Seconds a connection may take to send a request head, or stay idle, before it is closed.")
    var headerTimeout = 10

    @Option(help: "The largest import body, in MiB (other bodies: 1 MiB).")
    var maxBody = 64

    @Option(help: "Seconds before a request is cancelled with 503.")
    var timeout = 30

    @Option(help: "Seconds to let in-flight requests finish on SIGTERM.")
    var grace = 10

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0–65535") }
        guard maxBody > 0, timeout > 0, headerTimeout > 0, grace >= 0 else {
            throw ValidationError("--max-body, --timeout and --header-timeout must be positive, --grace not negative")
        }
    }

    func run() async throws {
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        var logger = Logger(label: "tm")
        logger.logLevel = .info
        let token = try resolvedToken()
        if token == nil {
            guard ServerOptions.isLoopback(host) else {
                throw ValidationError("refusing to listen on \(host) without a token: give --token, $TM_TOKEN or --token-file")
            }
            logger.notice("no token configured: writes are open to anyone on this machine, so the server listens on loopback only")
        }
        let tmStore = try store.open()
        let glossary = try TermGlossary(store: tmStore)
        let memory = TranslationMemory(store: tmStore, glossary: glossary, snapshots: .loadAndSave)
        // Ready means searchable: the indexes are read from their snapshot, or built, before the server listens. A
        // snapshot the log cannot bring up to date is answered from while a rebuild runs in the background.
        let clock = ContinuousClock()
        let started = clock.now
        try memory.refresh()
        logger.info(
            "indexes ready",
            metadata: [
                "seconds": "\((clock.now - started).formatted(.units(allowed: [.seconds], fractionalPart: .show(length: 2))))",
                "from": "\(memory.snapshotChange == nil ? "the database" : "the snapshot")",
            ])
        var allowedHosts = publicHosts
        if !ServerOptions.isLoopback(host), host != "0.0.0.0", host != "::" { allowedHosts.append(host) }
        let options = ServerOptions(
            token: token, publicHosts: allowedHosts, maxImportBody: maxBody << 20, timeout: .seconds(timeout),
            headerTimeout: .seconds(headerTimeout))
        let host = host
        let app = TMApplication.application(
            store: tmStore, glossary: glossary, memory: memory, options: options, host: host, port: port, logger: logger
        ) {
            port in
            // Written straight to the file handle: scripts wait for this line, so it must not sit in a buffer.
            let line = "tm \(TMVersion.current) listening on http://\(host):\(port) (database \(tmStore.location))\n"
            FileHandle.standardOutput.write(Data(line.utf8))
        }
        let follower = ChangeFollowService(memory: memory, glossary: glossary, signals: tmStore.changeSignals(), logger: logger)
        var configuration = ServiceGroupConfiguration(
            services: [.init(service: app), .init(service: follower)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        configuration.maximumGracefulShutdownDuration = .seconds(grace)
        try await ServiceGroup(configuration: configuration).run()
        try tmStore.close()
        logger.info("stopped; database closed")
    }

    /// --token, else --token-file, else $TM_TOKEN; an empty token is an error rather than no token.
    private func resolvedToken() throws -> String? {
        var value = token
        if value == nil, let tokenFile {
            guard let text = try? String(contentsOfFile: tokenFile, encoding: .utf8) else {
                throw TMError.notFound("the token file \(tokenFile)")
            }
            value = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        }
        if value == nil { value = ProcessInfo.processInfo.environment["TM_TOKEN"] }
        if let value, value.allSatisfy(\.isWhitespace) { throw ValidationError("the token is empty") }
        return value
    }
}
