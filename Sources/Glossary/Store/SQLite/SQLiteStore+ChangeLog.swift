import GRDB

/// The change log: the one path by which a process's in-memory indexes learn of writes, its own included.
///
/// Triggers (migration `v3-change-log`) add a row `(seq, item, item_id)` for every insert, update and delete of a
/// pair or a term, in the writer's transaction, whichever process or tool writes. A follower remembers the last `seq`
/// it applied; catching up reads the ids changed since then and their current rows in one read transaction, so it
/// sees each item as the database holds it now. `seq` is a rowid: each new row takes the largest plus one, a rolled
/// back write leaves no hole, and only pruning from the bottom removes rows, so the rows after a follower's `seq` are
/// either all there or the log says it has been pruned past it (then the follower rebuilds from the tables).
extension SQLiteStore {
    /// The last `seq` written, 0 for an empty log.
    public func latestChange() throws(TMError) -> Int64 {
        try read { db in try Self.latestChange(in: db) }
    }

    static func latestChange(in db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT max(seq) FROM change_log") ?? 0
    }

    /// The items of `item` changed after `seq`, with their current rows loaded by `load` in the same transaction. More
    /// than `limit` log rows behind asks for a rebuild.
    func changes<Row>(
        of item: ChangedItem, after seq: Int64, limit: Int64, load: @escaping (_ ids: [Int64], Database) throws -> [Int64: Row]
    ) throws(TMError) -> StoreChanges<Row> {
        try read { db -> StoreChanges<Row> in
            let latest = try Self.latestChange(in: db)
            if latest == seq { return .upToDate }
            let oldest = try Int64.fetchOne(db, sql: "SELECT min(seq) FROM change_log") ?? latest
            guard latest > seq, latest - seq <= limit, oldest <= seq + 1 else { return .rebuild }
            let cursor = try Int64.fetchCursor(
                db, sql: "SELECT item_id FROM change_log WHERE seq > ? AND item = ? ORDER BY seq", arguments: [seq, item.rawValue])
            var ids: [Int64] = []
            var seen: Set<Int64> = []
            while let id = try cursor.next() {
                if seen.insert(id).inserted { ids.append(id) }
            }
            return .rows(ids: ids, rows: try load(ids, db), through: latest)
        }
    }

    /// Deletes log rows older than the retention; called at the end of every write transaction.
    static func pruneChangeLog(in db: Database) throws {
        let horizon = try latestChange(in: db) - changeLogRetention
        guard horizon > 0, let oldest = try Int64.fetchOne(db, sql: "SELECT min(seq) FROM change_log"), oldest <= horizon else { return }
        try db.execute(sql: "DELETE FROM change_log WHERE seq <= ?", arguments: [horizon])
    }
}
