import Foundation
import GRDB
import Synchronization

extension SQLiteStore {
    /// Stores a pair, or refreshes `updated_at` of the same pair already stored (the same text, NFC and trimmed: pairs
    /// that differ in letter case or quotes are two pairs); returns its id.
    static func upsert(_ pair: KeyedPair, origin: String, at time: Double, in db: Database) throws -> Int64 {
        let hash = PairHash.of(ko: pair.ko, en: pair.en)
        if let id = try storedPairID(ko: pair.ko, en: pair.en, hash: hash, in: db) {
            try db.cachedStatement(sql: "UPDATE segment SET updated_at = ? WHERE id = ?").execute(arguments: [time, id])
            return id
        }
        try db.cachedStatement(
            sql: """
                INSERT INTO segment(ko, en, ko_key, en_key, origin, created_at, updated_at, pair_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [pair.ko, pair.en, pair.koKey, pair.enKey, origin, time, time, hash])
        return db.lastInsertedRowID
    }

    /// The id of the pair stored with exactly this text (other than `excluded`), found through its hash.
    static func storedPairID(ko: String, en: String, hash: Int64, excluding excluded: Int64? = nil, in db: Database) throws -> Int64? {
        try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT id FROM segment WHERE pair_hash = ? AND ko = ? AND en = ? AND id IS NOT ? LIMIT 1"),
            arguments: [hash, ko, en, excluded])
    }

    /// The largest id in use: ids above it, returned by `upsert`, are new pairs.
    static func largestID(in db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT max(id) FROM segment") ?? 0
    }

    /// The pairs with these ids, read inside a transaction.
    static func fetchSegments(ids: [Int64], in db: Database) throws -> [Int64: Segment] {
        try fetchKeyedSegments(ids: ids, in: db).mapValues(\.segment)
    }

    public func add(_ pairs: [(pair: KeyedPair, origin: String)], at time: Double) throws(TMError) -> [AddedSegment] {
        try write { db in
            // New pairs take the largest id plus one: an id above every one before it is new (see importPairs).
            var newest = try Self.largestID(in: db)
            let ids = try pairs.map { pair, origin in try Self.upsert(pair, origin: origin, at: time, in: db) }
            let segments = try Self.fetchSegments(ids: ids, in: db)
            return try ids.map { id in
                guard let segment = segments[id] else { throw TMError.storage("segment \(id) vanished") }
                defer { newest = max(newest, id) }
                return AddedSegment(segment: segment, created: id > newest)
            }
        }
    }

    public func restore(_ segments: [Segment]) throws(TMError) {
        try write { db in
            for segment in segments {
                let pair = try KeyedPair(ko: segment.ko, en: segment.en)
                let hash = PairHash.of(ko: pair.ko, en: pair.en)
                // One row per text, as a unique index on the text would keep it: the same pair under another id goes.
                if let twin = try Self.storedPairID(ko: pair.ko, en: pair.en, hash: hash, excluding: segment.id, in: db) {
                    try db.execute(sql: "DELETE FROM segment WHERE id = ?", arguments: [twin])
                }
                try db.execute(
                    sql: """
                        INSERT OR REPLACE INTO segment(id, ko, en, ko_key, en_key, origin, created_at, updated_at, pair_hash)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        segment.id, pair.ko, pair.en, pair.koKey, pair.enKey, segment.origin, segment.createdAt.timeIntervalSince1970,
                        segment.updatedAt.timeIntervalSince1970, hash,
                    ])
            }
        }
    }

    /// The pairs with these ids and the keys of both sides, read inside a transaction.
    static func fetchKeyedSegments(ids: [Int64], in db: Database) throws -> [Int64: KeyedSegment] {
        guard !ids.isEmpty else { return [:] }
        let rows = try Row.fetchAll(
            db, sql: "SELECT id, ko, en, origin, created_at, updated_at, ko_key, en_key FROM segment WHERE id IN (\(placeholders(ids.count)))",
            arguments: StatementArguments(ids))
        return Dictionary(
            uniqueKeysWithValues: rows.map { row in (row["id"], KeyedSegment(segment: Self.segment(row), koKey: row["ko_key"], enKey: row["en_key"]))
            })
    }

    /// "?,?,…": `count` parameter marks for an `IN (…)` list.
    static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ",")
    }

    public func segments(ids: [Int64]) throws(TMError) -> [Int64: Segment] {
        guard !ids.isEmpty else { return [:] }
        return try read { db in try Self.fetchSegments(ids: ids, in: db) }
    }

    public func update(id: Int64, to pair: KeyedPair, origin: String?, at now: Date) throws(TMError) -> Segment {
        try write { db in try Self.update(id: id, to: pair, origin: origin, at: now, in: db) }
    }

    public func removeSegment(id: Int64) throws(TMError) {
        try write { db in try Self.deleteSegment(id: id, in: db) }
    }

    /// Replaces the text (and origin) of a pair; the same pair stored under another id is an error.
    static func update(id: Int64, to pair: KeyedPair, origin: String?, at now: Date, in db: Database) throws -> Segment {
        guard let row = try Row.fetchOne(db, sql: "SELECT origin, created_at FROM segment WHERE id = ?", arguments: [id]) else {
            throw TMError.notFound("segment \(id)")
        }
        let hash = PairHash.of(ko: pair.ko, en: pair.en)
        if let other = try storedPairID(ko: pair.ko, en: pair.en, hash: hash, excluding: id, in: db) {
            throw TMError.invalidInput(field: nil, message: "the same pair is already stored as segment \(other)")
        }
        let origin = origin ?? row["origin"]
        try db.execute(
            sql: "UPDATE segment SET ko = ?, en = ?, ko_key = ?, en_key = ?, origin = ?, updated_at = ?, pair_hash = ? WHERE id = ?",
            arguments: [pair.ko, pair.en, pair.koKey, pair.enKey, origin, now.timeIntervalSince1970, hash, id])
        return Segment(
            id: id, ko: pair.ko, en: pair.en, origin: origin, createdAt: Date(timeIntervalSince1970: row["created_at"]), updatedAt: now)
    }

    static func deleteSegment(id: Int64, in db: Database) throws {
        try db.execute(sql: "DELETE FROM segment WHERE id = ?", arguments: [id])
        guard db.changesCount > 0 else { throw TMError.notFound("segment \(id)") }
    }

    /// Calls `body` with the stream of each side's keys (`.ko` and `.en`, on two threads at once, each in a read
    /// transaction of its own) and returns a change log `seq` that both reads are at or past. Replaying the log from
    /// that `seq` makes the two sides agree, whatever was written between the two reads. Nothing holds every key at
    /// once: each stream goes straight into its index, in key-length order (SQLite sorts, within its own memory bound),
    /// so the index takes the stream as its base without sorting a copy.
    public func withEverySegmentKey(_ body: @escaping @Sendable (Language, inout KeyStream) -> Void) throws(TMError) -> Int64 {
        try readingBothSides { side throws(TMError) in
            try self.read { db in
                let seq = try Self.latestChange(in: db)
                let column = side == .ko ? "ko_key" : "en_key"
                let rows = try Row.fetchCursor(db, sql: "SELECT id, \(column), updated_at FROM segment ORDER BY length(\(column)), id")
                var keys = KeyStream { try rows.next().map { row in (row[0], row[1], row[2]) } }
                body(side, &keys)
                if let failure = keys.failure { throw failure }
                return seq
            }
        }
    }

    /// The pairs changed after change `seq`, with their current keys (a deleted pair has none).
    public func changedSegments(after seq: Int64, limit: Int64) throws(TMError) -> StoreChanges<IndexedKeys> {
        try changes(of: .segment, after: seq, limit: limit) { ids, db in
            var keys: [Int64: IndexedKeys] = [:]
            for chunk in ids.chunked(into: 500) {
                let rows = try Row.fetchCursor(
                    db, sql: "SELECT id, ko_key, en_key, updated_at FROM segment WHERE id IN (\(Self.placeholders(chunk.count)))",
                    arguments: StatementArguments(chunk))
                while let row = try rows.next() { keys[row[0]] = IndexedKeys(koKey: row[1], enKey: row[2], updatedAt: row[3]) }
            }
            return keys
        }
    }

    /// The pairs with these ids that exist, with the keys of both sides: a search scores the text it returns.
    public func keyedSegments(ids: [Int64]) throws(TMError) -> [Int64: KeyedSegment] {
        guard !ids.isEmpty else { return [:] }
        return try read { db in try Self.fetchKeyedSegments(ids: ids, in: db) }
    }

    /// Up to `limit` pairs with ids above `after`, in id order: export pages through the memory with these.
    public func segments(after: Int64, limit: Int) throws(TMError) -> [Segment] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT id, ko, en, origin, created_at, updated_at FROM segment WHERE id > ? ORDER BY id LIMIT ?",
                arguments: [after, limit]
            ).map(Self.segment)
        }
    }

    /// The `limit` most recently updated pairs.
    public func recentPairs(limit: Int) throws(TMError) -> [(ko: String, en: String)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT ko, en FROM segment ORDER BY updated_at DESC, id DESC LIMIT ?", arguments: [limit]).map {
                (ko: $0[0] as String, en: $0[1] as String)
            }
        }
    }

    private static func segment(_ row: Row) -> Segment {
        Segment(
            id: row["id"], ko: row["ko"], en: row["en"], origin: row["origin"], createdAt: Date(timeIntervalSince1970: row["created_at"]),
            updatedAt: Date(timeIntervalSince1970: row["updated_at"]))
    }
}

extension Array {
    /// The elements in consecutive slices of at most `size` (SQLite caps the parameters of one statement).
    func chunked(into size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}

extension SQLiteStore {
    /// How many pairs came from each origin (the twenty largest).
    public func originCounts() throws(TMError) -> [String: Int] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT origin, count(*) FROM segment GROUP BY origin ORDER BY count(*) DESC LIMIT 20")
            return Dictionary(rows.map { ($0[0] as String, $0[1] as Int) }, uniquingKeysWith: +)
        }
    }

    /// The size of the database file and its write-ahead log, in bytes.
    public func byteSize() -> Int64 {
        [path, path + "-wal"].reduce(0) { total, file in
            let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.int64Value ?? 0
            return total + size
        }
    }
}
