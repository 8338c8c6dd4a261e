import Foundation
import GRDB

/// The one SQLite file that holds the memory and the glossary: the default store.
///
/// A `DatabasePool` (WAL: concurrent reads, serialized writes); the schema is created by append-only
/// migrations on first open, and a database created by this open is seeded with the bundled glossary.
public final class SQLiteStore: Store {
    /// The path of the database file.
    public let path: String
    let pool: DatabasePool

    /// Opens (creating if needed) the database at `path`. A database never seeded before gets the terms
    /// that `seed` returns (called only then), in the same transaction that records the seeding, so a
    /// crash leaves either both or neither.
    public init(path: String, seed: () throws(TMError) -> [Term] = { [] }) throws(TMError) {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.foreignKeysEnabled = true
        // In WAL mode NORMAL loses nothing a killed process had committed (the log is in the OS's hands);
        // only a power cut can take the last transactions, and FULL would sync every commit.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(pool)
            try pool.write { db in
                guard try Self.metaValue("seeded", in: db) == nil else { return }
                for term in try seed() { _ = try Self.insert(term.validated(), in: db) }
                try Self.setMeta("seeded", Date().ISO8601Format(), in: db)
            }
        } catch let error as TMError {
            throw error
        } catch {
            throw .storage("\(path): \(error)")
        }
    }

    public var location: String { path }

    /// `PATH.index-ko` and `PATH.index-en` beside the database, checked against a random identity kept in `meta`
    /// (made on first use; a backup gets a new one, so a snapshot never passes for a copy that went its own way).
    public func indexSnapshotLocation() -> IndexSnapshotLocation? {
        let stored = try? read { db in try Self.metaValue("store_id", in: db) }
        let identity =
            stored ?? nil
            ?? (try? write { db -> String in
                if let identity = try Self.metaValue("store_id", in: db) { return identity }
                let identity = UUID().uuidString
                try Self.setMeta("store_id", identity, in: db)
                return identity
            })
        return identity.map { IndexSnapshotLocation(path: path + ".index", identity: $0) }
    }

    public func counts() throws(TMError) -> StoreCounts {
        try read { db in
            StoreCounts(
                segments: try Int.fetchOne(db, sql: "SELECT count(*) FROM segment") ?? 0,
                terms: try Int.fetchOne(db, sql: "SELECT count(*) FROM term") ?? 0
            )
        }
    }

    /// The version of the SQLite library in use.
    public func engineVersion() throws(TMError) -> String {
        "SQLite " + (try read { db in try String.fetchOne(db, sql: "SELECT sqlite_version()") ?? "unknown" })
    }

    /// Runs a read, mapping database errors to `TMError.storage`.
    func read<T>(_ body: (Database) throws -> T) throws(TMError) -> T {
        do {
            return try pool.read(body)
        } catch let error as TMError {
            throw error
        } catch {
            throw Self.storageError(error)
        }
    }

    /// Runs a write in one transaction (which also prunes the change log), mapping database errors to `TMError`.
    func write<T>(_ body: (Database) throws -> T) throws(TMError) -> T {
        do {
            return try pool.write { db in
                let result = try body(db)
                try Self.pruneChangeLog(in: db)
                return result
            }
        } catch let error as TMError {
            throw error
        } catch {
            throw Self.storageError(error)
        }
    }

    /// A database error as the library reports it: a full disk (or a database at its size limit) is its own case,
    /// since the client can do something about it.
    static func storageError(_ error: any Error) -> TMError {
        if let error = error as? DatabaseError, error.resultCode == .SQLITE_FULL {
            return .storageFull("the disk or the database is full; nothing was written")
        }
        return .storage("\(error)")
    }

    static func metaValue(_ key: String, in db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key])
    }

    static func setMeta(_ key: String, _ value: String, in db: Database) throws {
        try db.execute(
            sql: "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", arguments: [key, value])
    }
}

extension SQLiteStore {
    /// A consistent copy of the database at `path`, made with SQLite's online backup while others read and
    /// write. An existing file there is replaced.
    public func backup(to path: String) throws(TMError) {
        do {
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            let copy = try DatabaseQueue(path: path)
            try pool.backup(to: copy)
            try copy.write { db in try db.execute(sql: "DELETE FROM meta WHERE key = 'store_id'") }
            try copy.close()
        } catch {
            throw .storage("backup to \(path) failed: \(error)")
        }
    }

    /// Closes the database: waits for running statements, checkpoints the WAL. Used at shutdown.
    public func close() throws(TMError) {
        do {
            try pool.close()
        } catch {
            throw .storage("closing \(path): \(error)")
        }
    }

    /// Whether the file passes SQLite's integrity check.
    public func integrityCheck() throws(TMError) -> String {
        try read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "no answer" }
    }
}
