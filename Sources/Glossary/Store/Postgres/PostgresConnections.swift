import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO
import Synchronization

/// A few connections to one PostgreSQL database, lent one call at a time, and the transactions run on them.
///
/// The library's calls are synchronous (the server runs them off its event loops, see `BlockingWork`), so each query
/// waits on its future here, on the caller's thread, never on an event loop. A connection that fails is closed and
/// forgotten, and the next call opens a new one: after a PostgreSQL restart the store reconnects by itself.
final class PostgresConnections: Sendable {
    let configuration: PostgresConnection.Configuration
    /// What the store is called in messages (the URL without its password).
    let name: String
    private let idle = Mutex<[PostgresConnection]>([])
    private let nextID = Atomic<Int>(1)
    private let logger = Logger(label: "tm.postgres")
    /// Idle connections kept; more may be open while many calls run at once.
    static let kept = 8
    /// The longest one statement may take before its connection is given up; a write waiting for the write lock
    /// may wait `lockTimeout`.
    static let statementTimeout = TimeAmount.seconds(30)
    static let lockTimeout = TimeAmount.minutes(10)

    /// No answer in time: the server or the network is gone (HTTP 503).
    struct TimedOut: Error, CustomStringConvertible {
        let after: TimeAmount
        var description: String { "no answer from the database within \(after.nanoseconds / 1_000_000_000) s" }
    }

    init(configuration: PostgresConnection.Configuration, name: String) {
        self.configuration = configuration
        self.name = name
    }

    /// Runs `body` in a transaction. A write takes the store's write lock first, so writes are serialized and the
    /// change log's `seq` grows in commit order (a follower that remembers its last `seq` cannot miss a change that
    /// commits later with a smaller one); a read runs on a snapshot (REPEATABLE READ), as SQLite's reads do.
    func transaction<T>(write: Bool, _ body: (Session) throws -> T) throws(TMError) -> T {
        do {
            return try withConnection { connection in
                let session = Session(connection: connection, logger: logger)
                try session.run(write ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                do {
                    // Waiting for the lock may take as long as another node's import of a large file.
                    if write {
                        try session.run("SELECT pg_advisory_xact_lock(\(unescaped: String(PostgresStore.writeLock)))", within: Self.lockTimeout)
                    }
                    let result = try body(session)
                    try session.run("COMMIT")
                    return result
                } catch {
                    // A failed rollback means a broken connection: withConnection closes it. A closed one is not asked.
                    if !connection.isClosed { try session.run("ROLLBACK") }
                    throw error
                }
            }
        } catch let error as TMError {
            throw error
        } catch {
            throw PostgresStore.mapped(error, name: name)
        }
    }

    /// Lends a connection to `body`; one that fails with a connection error is closed, not given back.
    private func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        // An idle connection the server has closed (a restart) is dropped here rather than lent.
        var reused: PostgresConnection?
        while reused == nil, let next = idle.withLock({ $0.popLast() }) {
            if next.isClosed { try? next.close().wait() } else { reused = next }
        }
        let connection = try reused ?? connect()
        do {
            let result = try body(connection)
            giveBack(connection)
            return result
        } catch let error as PSQLError where error.serverInfo != nil && !connection.isClosed {
            giveBack(connection)
            throw error
        } catch {
            try? connection.close().wait()
            throw error
        }
    }

    private func connect() throws -> PostgresConnection {
        let id = nextID.add(1, ordering: .relaxed).oldValue
        return try PostgresConnection.connect(
            on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration, id: id, logger: logger
        ).wait()
    }

    private func giveBack(_ connection: PostgresConnection) {
        let surplus = idle.withLock { connections -> PostgresConnection? in
            guard connections.count < Self.kept else { return connection }
            connections.append(connection)
            return nil
        }
        if let surplus { try? surplus.close().wait() }
    }

    /// A connection must be closed before it is freed (PostgresNIO asserts it).
    deinit {
        close()
    }

    /// Closes every idle connection.
    func close() {
        for connection in idle.withLock({ connections in
            defer { connections = [] }; return connections
        }) {
            try? connection.close().wait()
        }
    }

    /// One connection inside a transaction.
    struct Session {
        let connection: PostgresConnection
        let logger: Logger

        /// The rows of `query`, all of them.
        func rows(_ query: PostgresQuery) throws -> [PostgresRow] {
            try bounded(connection.query(query, logger: logger), within: PostgresConnections.statementTimeout).rows
        }

        /// Runs a statement; returns the rows it affected.
        @discardableResult
        func run(_ query: PostgresQuery, within timeout: TimeAmount = PostgresConnections.statementTimeout) throws -> Int {
            try bounded(connection.query(query, logger: logger), within: timeout).metadata.rows ?? 0
        }

        /// Waits for `future`, for at most `timeout`: then the wait fails and the connection is closed. A
        /// connection whose server went away without a word must not hold a caller, and the write lock, for ever;
        /// and a query on a half-closed connection may never complete even once it is closed, so the promise here
        /// fails by itself (a promise completed twice keeps its first result).
        private func bounded<T: Sendable>(_ future: EventLoopFuture<T>, within timeout: TimeAmount) throws -> T {
            let connection = connection
            let promise = connection.eventLoop.makePromise(of: T.self)
            future.cascade(to: promise)
            let deadline = connection.eventLoop.scheduleTask(in: timeout) {
                promise.fail(TimedOut(after: timeout))
                let _: EventLoopFuture<Void> = connection.close()
            }
            defer { deadline.cancel() }
            return try promise.futureResult.wait()
        }

        /// The one value of a one-row, one-column query (nil: no row, or NULL).
        func value<T: PostgresDecodable>(_ query: PostgresQuery, as type: T.Type) throws -> T? where T._DecodableType == T {
            guard let row = try rows(query).first else { return nil }
            return try row.decode(T?.self)
        }
    }
}
