import GRDB
import GRDBSQLite

/// A bulk import: one transaction, one prepared upsert bound through SQLite's C API, and the change log written once
/// at the end instead of by a trigger per pair.
///
/// The per-row triggers cost as much as the rest of an insert, and GRDB's argument and cursor objects about as much
/// again. Dropping the segment triggers inside the import's transaction is safe: DDL is transactional in SQLite, the
/// transaction holds the write lock (no other writer can write unlogged meanwhile), and a failed import rolls the
/// triggers back with everything else.
extension SQLiteStore {
    public func importPairs(origin: String, at time: Double, _ produce: (_ add: (KeyedPair) throws -> Void) throws -> Void) throws(TMError)
        -> (added: Int, present: Int)
    {
        try write { db in
            // A 256 MiB page cache for the import only (SQLite's default is 2 MiB): a large transaction otherwise
            // spills pages to the log again and again (at a million pairs 64 MiB spent a fifth more time). The cache
            // fills only as pages are touched, so a small import stays small. Readers keep the default.
            try db.execute(sql: "PRAGMA cache_size = -262144")
            defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
            // A new pair takes the largest id plus one, so an id above every one seen so far is new, and a
            // repeat of a pair added earlier in the file comes back with an id at or below it. The new ids are
            // therefore the range after `before`.
            let before = try Self.largestID(in: db)
            var newest = before
            var added = 0
            var present: [Int64] = []
            try db.execute(sql: "DROP TRIGGER segment_logged_insert; DROP TRIGGER segment_logged_update;")
            // Into an empty table (a first load), the hash index is built once at the end, by one sort, instead of
            // by a random insert per pair; the file's own repeats are found meanwhile by an in-memory table.
            let fresh = try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM segment)") ?? false
            if fresh { try db.execute(sql: "DROP INDEX segment_pair_hash") }
            var upsert = try BulkUpsert(db, origin: origin, time: time, fresh: fresh)
            try produce { pair in
                let id = try upsert.run(pair)
                if id > newest {
                    added += 1
                    newest = id
                } else {
                    present.append(id)
                }
            }
            if fresh { try db.execute(sql: "CREATE INDEX segment_pair_hash ON segment(pair_hash)") }
            try Self.logImport(refreshed: present, newAfter: before, through: newest, intoEmpty: fresh, in: db)
            try Self.createChangeLogTriggers(on: "segment", item: "segment", idColumn: "id", in: db)
            return (added, present.count)
        }
    }

    /// The change-log rows the triggers would have written: one per refreshed pair and one per new pair. An import
    /// of more changes than the log keeps is one row instead, numbered as if every change had its own, with the rows
    /// before it pruned: every follower older than the import then finds the log pruned past it and rebuilds, as it
    /// would have after the real rows. So is an import into an empty table of more pairs than a follower of an
    /// empty index applies one by one: each follower rebuilds either way, and the rows cost a pass over the table.
    static func logImport(refreshed: [Int64], newAfter before: Int64, through newest: Int64, intoEmpty: Bool, in db: Database) throws {
        let total = Int64(refreshed.count) + (newest - before)
        guard total > 0 else { return }
        if total > changeLogRetention || (intoEmpty && total > followerChangeLimit(indexed: 0)) {
            let latest = try latestChange(in: db)
            try db.execute(sql: "DELETE FROM change_log")
            try db.execute(
                sql: "INSERT INTO change_log(seq, item, item_id) VALUES (?, 'segment', ?)", arguments: [latest + total, max(newest, before)])
            return
        }
        let statement = try db.makeStatement(sql: "INSERT INTO change_log(item, item_id) VALUES ('segment', ?)")
        for id in refreshed {
            try statement.execute(arguments: [id])
        }
        try db.execute(sql: "INSERT INTO change_log(item, item_id) SELECT 'segment', id FROM segment WHERE id > ? ORDER BY id", arguments: [before])
    }

    /// The import's upsert (`upsert(_:origin:at:in:)`), bound and stepped through SQLite's C API: find the pair by its
    /// hash and text, then refresh it or insert it. With `fresh` (the table was empty and its hash index is dropped
    /// for the import) the hashes of the pairs inserted so far are kept here instead, and a pair is compared with the
    /// stored ones of its hash by rowid.
    private struct BulkUpsert {
        let find: Statement
        let texts: Statement
        let refresh: Statement
        let insert: Statement
        let connection: OpaquePointer?
        let fresh: Bool
        /// With `fresh`: the first id stored under each hash, and any later ones (a 64-bit collision: nearly never).
        /// One array per hash cost an allocation per pair, and freeing a million of them a second at the end.
        private var stored: [Int64: Int64] = [:]
        private var alsoStored: [Int64: [Int64]] = [:]
        /// SQLITE_TRANSIENT: SQLite copies the bound text, which lives only for the call.
        static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

        init(_ db: Database, origin: String, time: Double, fresh: Bool) throws {
            find = try db.makeStatement(sql: "SELECT id FROM segment WHERE pair_hash = ? AND ko = ? AND en = ? LIMIT 1")
            texts = try db.makeStatement(sql: "SELECT ko = ? AND en = ? FROM segment WHERE id = ?")
            refresh = try db.makeStatement(sql: "UPDATE segment SET updated_at = ? WHERE id = ?")
            insert = try db.makeStatement(
                sql: "INSERT INTO segment(ko, en, ko_key, en_key, origin, created_at, updated_at, pair_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
            connection = db.sqliteConnection
            self.fresh = fresh
            Self.bind(origin, at: 5, in: insert.sqliteStatement)
            sqlite3_bind_double(insert.sqliteStatement, 6, time)
            sqlite3_bind_double(insert.sqliteStatement, 7, time)
            sqlite3_bind_double(refresh.sqliteStatement, 1, time)
        }

        /// Stores `pair` (or refreshes it) and returns its id. The bindings made in `init` stay.
        mutating func run(_ pair: KeyedPair) throws -> Int64 {
            let hash = PairHash.of(ko: pair.ko, en: pair.en)
            if let id = fresh ? try storedHere(pair, hash: hash) : try storedInTable(pair, hash: hash) {
                sqlite3_bind_int64(refresh.sqliteStatement, 2, id)
                try runToEnd(refresh.sqliteStatement)
                return id
            }
            let inserted = insert.sqliteStatement
            Self.bind(pair.ko, at: 1, in: inserted)
            Self.bind(pair.en, at: 2, in: inserted)
            Self.bind(pair.koKey, at: 3, in: inserted)
            Self.bind(pair.enKey, at: 4, in: inserted)
            sqlite3_bind_int64(inserted, 8, hash)
            try runToEnd(inserted)
            let id = sqlite3_last_insert_rowid(connection)
            if fresh {
                if stored[hash] == nil { stored[hash] = id } else { alsoStored[hash, default: []].append(id) }
            }
            return id
        }

        /// The id of the stored pair with this text, through the hash index.
        private func storedInTable(_ pair: KeyedPair, hash: Int64) throws -> Int64? {
            let found = find.sqliteStatement
            sqlite3_bind_int64(found, 1, hash)
            Self.bind(pair.ko, at: 2, in: found)
            Self.bind(pair.en, at: 3, in: found)
            defer { sqlite3_reset(found) }
            switch sqlite3_step(found) {
            case SQLITE_ROW: return sqlite3_column_int64(found, 0)
            case SQLITE_DONE: return nil
            case let code: throw failure(code)
            }
        }

        /// The same, among the pairs this import inserted (the table held no others).
        private func storedHere(_ pair: KeyedPair, hash: Int64) throws -> Int64? {
            guard let first = stored[hash] else { return nil }
            let compared = texts.sqliteStatement
            for id in [first] + (alsoStored[hash] ?? []) {
                Self.bind(pair.ko, at: 1, in: compared)
                Self.bind(pair.en, at: 2, in: compared)
                sqlite3_bind_int64(compared, 3, id)
                defer { sqlite3_reset(compared) }
                let code = sqlite3_step(compared)
                guard code == SQLITE_ROW else { throw failure(code) }
                if sqlite3_column_int(compared, 0) == 1 { return id }
            }
            return nil
        }

        /// Steps a statement that returns no rows, then resets it for the next pair.
        private func runToEnd(_ handle: OpaquePointer) throws {
            defer { sqlite3_reset(handle) }
            let code = sqlite3_step(handle)
            guard code == SQLITE_DONE else { throw failure(code) }
        }

        private static func bind(_ text: String, at index: Int32, in handle: OpaquePointer) {
            var text = text
            text.withUTF8 { bytes in
                // An empty buffer may have no address, and a null pointer would bind NULL, not ''.
                guard !bytes.isEmpty else { return _ = sqlite3_bind_text(handle, index, "", 0, transient) }
                bytes.withMemoryRebound(to: CChar.self) { _ = sqlite3_bind_text(handle, index, $0.baseAddress, Int32(bytes.count), transient) }
            }
        }

        private func failure(_ code: Int32) -> DatabaseError {
            DatabaseError(resultCode: ResultCode(rawValue: code), message: connection.map { String(cString: sqlite3_errmsg($0)) })
        }
    }
}
