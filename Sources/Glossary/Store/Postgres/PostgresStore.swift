import Foundation
import NIOCore
import PostgresNIO

/// The memory and the glossary in one PostgreSQL database, which several `tm serve` nodes share: PostgreSQL holds
/// the data and its durability (and its replicas), each node only its in-memory fuzzy index, which follows the
/// change log as on SQLite. Opened by `--db postgres://user[:password]@host[:port]/database`.
///
/// The tables are SQLite's (`SQLiteStore+Schema.swift`) in PostgreSQL's types; pairs are unique by text through an
/// index on the sides' MD5 (a B-tree entry cannot hold a 10,000-character side); triggers write the change log and
/// `NOTIFY tm_change`; writes are serialized by an advisory lock (see `PostgresConnections.transaction`).
public final class PostgresStore: Store {
    public let location: String
    let connections: PostgresConnections

    /// The advisory lock every write transaction takes ("tm" in ASCII, then 1).
    static let writeLock: Int64 = 0x746D_0001

    /// Connects (failing at once if the server cannot be reached), creates the schema when missing, and seeds a
    /// database never seeded before with the terms `seed` returns.
    public init(url: String, seed: () throws(TMError) -> [Term] = { [] }) throws(TMError) {
        let (configuration, name) = try Self.configuration(from: url)
        location = name
        connections = PostgresConnections(configuration: configuration, name: name)
        let seedTerms: [Term]? = try connections.transaction(write: true) { session in
            try Self.createSchema(in: session)
            return try Self.meta("seeded", in: session) == nil ? [] : nil
        }
        guard seedTerms != nil else { return }
        let terms = try seed().map { term throws(TMError) in try term.validated() }
        try connections.transaction(write: true) { session in
            guard try Self.meta("seeded", in: session) == nil else { return }
            for term in terms { _ = try Self.insert(term, in: session) }
            try Self.setMeta("seeded", Date().ISO8601Format(), in: session)
        }
    }

    /// The connection settings a URL gives, and the URL without its password. Only unencrypted connections
    /// (loopback, a private network, a tunnel): `sslmode=require` is refused rather than ignored.
    static func configuration(from url: String) throws(TMError) -> (PostgresConnection.Configuration, String) {
        guard let parts = URLComponents(string: url), let host = parts.host, !host.isEmpty else {
            throw .invalidInput(field: "db", message: "\(url) is not a PostgreSQL URL: postgres://user[:password]@host[:port]/database")
        }
        let database = String(parts.path.drop { $0 == "/" })
        guard !database.isEmpty else { throw .invalidInput(field: "db", message: "the URL names no database: postgres://user@host:port/database") }
        let user = parts.user ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres"
        let mode = parts.queryItems?.first { $0.name == "sslmode" }?.value ?? "disable"
        guard ["disable", "allow", "prefer"].contains(mode) else {
            throw .invalidInput(
                field: "db", message: "sslmode=\(mode) is not supported: tm connects without TLS (loopback, a private network or a tunnel)")
        }
        let port = parts.port ?? 5432
        let configuration = PostgresConnection.Configuration(
            host: host, port: port, username: user, password: parts.password ?? ProcessInfo.processInfo.environment["PGPASSWORD"],
            database: database, tls: .disable)
        return (configuration, "postgres://\(user)@\(host):\(port)/\(database)")
    }

    public func engineVersion() throws(TMError) -> String {
        let version = try connections.transaction(write: false) { session in
            try session.value("SHOW server_version", as: String.self)
        }
        return "PostgreSQL " + (version ?? "unknown")
    }

    public func counts() throws(TMError) -> StoreCounts {
        try connections.transaction(write: false) { session in
            StoreCounts(
                segments: Int(try session.value("SELECT count(*) FROM segment", as: Int64.self) ?? 0),
                terms: Int(try session.value("SELECT count(*) FROM term", as: Int64.self) ?? 0))
        }
    }

    public func byteSize() -> Int64 {
        let size = try? connections.transaction(write: false) { session in
            try session.value("SELECT pg_database_size(current_database())", as: Int64.self)
        }
        return (size ?? nil) ?? 0
    }

    /// A backup of a PostgreSQL store is a SQLite file holding the same pairs and terms (`tm copy`), so that
    /// `tm backup` and `POST /v1/backup` give the same thing on both engines; pg_dump remains PostgreSQL's own way.
    public func backup(to path: String) throws(TMError) {
        if FileManager.default.fileExists(atPath: path) {
            do { try FileManager.default.removeItem(atPath: path) } catch { throw .storage("cannot replace \(path): \(error)") }
        }
        let copy = try SQLiteStore(path: path)
        defer { try? copy.close() }
        _ = try StoreCopy.copy(from: self, to: copy)
    }

    /// PostgreSQL checks its own pages; this only says the tables answer.
    public func integrityCheck() throws(TMError) -> String {
        _ = try counts()
        return "ok"
    }

    public func close() throws(TMError) {
        connections.close()
    }

    /// A PostgreSQL error as the library reports it: the server unreachable or gone is `unavailable` (503: try again;
    /// nothing was written), a full disk `storageFull`, anything else the server's own message.
    static func mapped(_ error: any Error, name: String) -> TMError {
        if let error = error as? TMError { return error }
        if let error = error as? PSQLError {
            guard let info = error.serverInfo else { return .unavailable("\(name): \(error.code)") }
            let message = info[.message] ?? "\(error.code)"
            let state = info[.sqlState] ?? ""
            if state == "53100" { return .storageFull("the database server's disk is full; nothing was written") }
            // Shutting down, starting up, or too many connections: all pass.
            if state.hasPrefix("57P") || state == "53300" { return .unavailable("\(name): \(message)") }
            return .storage("\(name): \(message) (\(state))")
        }
        if error is ChannelError || error is IOError || error is NIOConnectionError || error is PostgresConnections.TimedOut {
            return .unavailable("\(name): \(error)")
        }
        return .storage("\(name): \(error)")
    }

    /// A write transaction (which also prunes the change log).
    func write<T>(_ body: (PostgresConnections.Session) throws -> T) throws(TMError) -> T {
        try connections.transaction(write: true) { session in
            let result = try body(session)
            try Self.pruneChangeLog(in: session)
            return result
        }
    }

    /// A read on one snapshot.
    func read<T>(_ body: (PostgresConnections.Session) throws -> T) throws(TMError) -> T {
        try connections.transaction(write: false, body)
    }

    static func meta(_ key: String, in session: PostgresConnections.Session) throws -> String? {
        try session.value("SELECT value FROM meta WHERE key = \(key)", as: String.self)
    }

    static func setMeta(_ key: String, _ value: String, in session: PostgresConnections.Session) throws {
        try session.run("INSERT INTO meta(key, value) VALUES (\(key), \(value)) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
    }

    /// Deletes change-log rows older than the retention; run at the end of every write.
    static func pruneChangeLog(in session: PostgresConnections.Session) throws {
        guard let row = try session.rows("SELECT min(seq), max(seq) FROM change_log").first,
            let (oldest, latest) = try? row.decode((Int64?, Int64?).self), let oldest, let latest
        else { return }
        let horizon = latest - changeLogRetention
        guard horizon > 0, oldest <= horizon else { return }
        try session.run("DELETE FROM change_log WHERE seq <= \(horizon)")
    }
}
