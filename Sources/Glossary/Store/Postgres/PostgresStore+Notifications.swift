import Logging
import PostgresNIO

extension PostgresStore {
    public var canBeUnreachable: Bool { true }

    /// Yields when a change is committed: the change log's trigger sends `NOTIFY tm_change`, heard here on a
    /// connection of its own that is opened again a second after it fails. It also yields on every (re)connection,
    /// for what was committed while nobody listened. A follower still polls: a lost notification only delays.
    public func changeSignals() -> AsyncStream<Void>? {
        let configuration = connections.configuration
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let listener = Task {
            let logger = Logger(label: "tm.postgres.listen")
            while !Task.isCancelled {
                if let connection = try? await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger) {
                    _ = try? await connection.listen(on: "tm_change") { notifications in
                        continuation.yield()
                        for try await _ in notifications { continuation.yield() }
                    }
                    try? await connection.close()
                }
                try? await Task.sleep(for: .seconds(1))
            }
        }
        continuation.onTermination = { _ in listener.cancel() }
        return stream
    }
}
