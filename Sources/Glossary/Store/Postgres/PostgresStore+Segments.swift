import Foundation
import PostgresNIO
import Synchronization

extension PostgresStore {
    /// Pairs go to the server this many at a time (one statement each, over arrays): an import sends a round trip per
    /// batch, not per pair.
    static let batchSize = 2_000

    /// Stores `pairs` (each new or refreshing `updated_at` of the same text stored before) and returns their ids in
    /// order and whether each was new. A pair repeated within the batch is sent once: PostgreSQL refuses to upsert one
    /// row twice in one statement.
    static func upsert(_ pairs: [KeyedPair], origins: [String], at time: Double, in session: PostgresConnections.Session) throws
        -> [(id: Int64, created: Bool)]
    {
        var first: [KeyedPair: Int] = [:]
        var unique: [Int] = []
        for (index, pair) in pairs.enumerated() where first[pair] == nil {
            first[pair] = index
            unique.append(index)
        }
        let rows = try session.rows(
            """
            INSERT INTO segment(ko, en, ko_key, en_key, origin, created_at, updated_at)
            SELECT ko, en, ko_key, en_key, origin, \(time), \(time)
            FROM unnest(\(unique.map { pairs[$0].ko }), \(unique.map { pairs[$0].en }), \(unique.map { pairs[$0].koKey }), \
            \(unique.map { pairs[$0].enKey }), \(unique.map { origins[$0] })) AS given(ko, en, ko_key, en_key, origin)
            ON CONFLICT ((md5(ko)), (md5(en))) DO UPDATE SET updated_at = excluded.updated_at
            RETURNING id, (xmax = 0)
            """)
        guard rows.count == unique.count else { throw TMError.storage("\(rows.count) of \(unique.count) pairs were stored") }
        var stored: [Int: (id: Int64, created: Bool)] = [:]
        for (index, row) in zip(unique, rows) { stored[index] = try row.decode((Int64, Bool).self) }
        return try pairs.indices.map { index in
            if let result = stored[index] { return result }
            guard let earlier = first[pairs[index]], let result = stored[earlier] else { throw TMError.storage("a pair was not stored") }
            return (result.id, false)
        }
    }

    public func add(_ pairs: [(pair: KeyedPair, origin: String)], at time: Double) throws(TMError) -> [AddedSegment] {
        try write { session in
            var added: [AddedSegment] = []
            for start in stride(from: 0, to: pairs.count, by: Self.batchSize) {
                let batch = pairs[start..<min(start + Self.batchSize, pairs.count)]
                let results = try Self.upsert(batch.map(\.pair), origins: batch.map(\.origin), at: time, in: session)
                let segments = try Self.fetchKeyed(ids: results.map(\.id), in: session)
                var seen: Set<Int64> = []
                for result in results {
                    guard let segment = segments[result.id]?.segment else { throw TMError.storage("segment \(result.id) vanished") }
                    // The same pair twice in one call: new the first time only.
                    added.append(AddedSegment(segment: segment, created: result.created && seen.insert(result.id).inserted))
                }
            }
            return added
        }
    }

    public func importPairs(origin: String, at time: Double, _ produce: (_ add: (KeyedPair) throws -> Void) throws -> Void) throws(TMError)
        -> (added: Int, present: Int)
    {
        try write { session in
            var batch: [KeyedPair] = []
            var added = 0
            var present = 0
            func flush() throws {
                guard !batch.isEmpty else { return }
                for result in try Self.upsert(batch, origins: Array(repeating: origin, count: batch.count), at: time, in: session) {
                    if result.created { added += 1 } else { present += 1 }
                }
                batch.removeAll(keepingCapacity: true)
            }
            try produce { pair in
                batch.append(pair)
                if batch.count >= Self.batchSize { try flush() }
            }
            try flush()
            return (added, present)
        }
    }

    public func restore(_ segments: [Segment]) throws(TMError) {
        let pairs = try segments.map { segment throws(TMError) in try KeyedPair(ko: segment.ko, en: segment.en) }
        try write { session in
            try session.run(
                """
                INSERT INTO segment(id, ko, en, ko_key, en_key, origin, created_at, updated_at)
                SELECT * FROM unnest(\(segments.map(\.id)), \(pairs.map(\.ko)), \(pairs.map(\.en)), \(pairs.map(\.koKey)), \
                \(pairs.map(\.enKey)), \(segments.map(\.origin)), \(segments.map { $0.createdAt.timeIntervalSince1970 }), \
                \(segments.map { $0.updatedAt.timeIntervalSince1970 }))
                ON CONFLICT (id) DO UPDATE SET ko = excluded.ko, en = excluded.en, ko_key = excluded.ko_key, en_key = excluded.en_key,
                    origin = excluded.origin, created_at = excluded.created_at, updated_at = excluded.updated_at
                """)
            // New pairs after a copy take ids above the copied ones.
            try session.run("SELECT setval('segment_id_seq', GREATEST((SELECT max(id) FROM segment), 1))")
        }
    }

    public func update(id: Int64, to pair: KeyedPair, origin: String?, at now: Date) throws(TMError) -> Segment {
        try write { session in
            guard let row = try session.rows("SELECT origin, created_at FROM segment WHERE id = \(id)").first else {
                throw TMError.notFound("segment \(id)")
            }
            let (storedOrigin, created) = try row.decode((String, Double).self)
            if let other = try session.value(
                "SELECT id FROM segment WHERE md5(ko) = md5(\(pair.ko)) AND md5(en) = md5(\(pair.en)) AND ko = \(pair.ko) AND en = \(pair.en) AND id <> \(id)",
                as: Int64.self)
            {
                throw TMError.invalidInput(field: nil, message: "the same pair is already stored as segment \(other)")
            }
            let origin = origin ?? storedOrigin
            try session.run(
                """
                UPDATE segment SET ko = \(pair.ko), en = \(pair.en), ko_key = \(pair.koKey), en_key = \(pair.enKey), origin = \(origin),
                    updated_at = \(now.timeIntervalSince1970) WHERE id = \(id)
                """)
            return Segment(id: id, ko: pair.ko, en: pair.en, origin: origin, createdAt: Date(timeIntervalSince1970: created), updatedAt: now)
        }
    }

    public func removeSegment(id: Int64) throws(TMError) {
        try write { session in
            guard try session.run("DELETE FROM segment WHERE id = \(id)") > 0 else { throw TMError.notFound("segment \(id)") }
        }
    }

    static func fetchKeyed(ids: [Int64], in session: PostgresConnections.Session) throws -> [Int64: KeyedSegment] {
        guard !ids.isEmpty else { return [:] }
        var found: [Int64: KeyedSegment] = [:]
        for row in try session.rows(
            "SELECT id, ko, en, origin, created_at, updated_at, ko_key, en_key FROM segment WHERE id = ANY(\(ids))")
        {
            let (id, ko, en, origin, created, updated, koKey, enKey) = try row.decode(
                (Int64, String, String, String, Double, Double, String, String).self)
            let segment = Segment(
                id: id, ko: ko, en: en, origin: origin, createdAt: Date(timeIntervalSince1970: created),
                updatedAt: Date(timeIntervalSince1970: updated))
            found[id] = KeyedSegment(segment: segment, koKey: koKey, enKey: enKey)
        }
        return found
    }

    public func segments(ids: [Int64]) throws(TMError) -> [Int64: Segment] {
        try keyedSegments(ids: ids).mapValues(\.segment)
    }

    public func keyedSegments(ids: [Int64]) throws(TMError) -> [Int64: KeyedSegment] {
        guard !ids.isEmpty else { return [:] }
        return try read { session in try Self.fetchKeyed(ids: ids, in: session) }
    }

    public func segments(after: Int64, limit: Int) throws(TMError) -> [Segment] {
        try read { session in
            try session.rows(
                "SELECT id, ko, en, origin, created_at, updated_at FROM segment WHERE id > \(after) ORDER BY id LIMIT \(Int64(limit))"
            ).map { row in
                let (id, ko, en, origin, created, updated) = try row.decode((Int64, String, String, String, Double, Double).self)
                return Segment(
                    id: id, ko: ko, en: en, origin: origin, createdAt: Date(timeIntervalSince1970: created),
                    updatedAt: Date(timeIntervalSince1970: updated))
            }
        }
    }

    public func recentPairs(limit: Int) throws(TMError) -> [(ko: String, en: String)] {
        try read { session in
            try session.rows("SELECT ko, en FROM segment ORDER BY updated_at DESC, id DESC LIMIT \(Int64(limit))").map { row in
                let (ko, en) = try row.decode((String, String).self)
                return (ko: ko, en: en)
            }
        }
    }

    public func originCounts() throws(TMError) -> [String: Int] {
        try read { session in
            var counts: [String: Int] = [:]
            for row in try session.rows("SELECT origin, count(*) FROM segment GROUP BY origin ORDER BY count(*) DESC LIMIT 20") {
                let (origin, count) = try row.decode((String, Int64).self)
                counts[origin, default: 0] += Int(count)
            }
            return counts
        }
    }

    // MARK: The change log

    public func latestChange() throws(TMError) -> Int64 {
        try read { session in try Self.latestChange(in: session) }
    }

    static func latestChange(in session: PostgresConnections.Session) throws -> Int64 {
        try session.value("SELECT max(seq) FROM change_log", as: Int64.self) ?? 0
    }

    /// The items of `item` changed after `seq`, with their current rows loaded by `load` on the same snapshot.
    func changes<Row>(
        of item: ChangedItem, after seq: Int64, limit: Int64, load: (_ ids: [Int64], PostgresConnections.Session) throws -> [Int64: Row]
    ) throws(TMError) -> StoreChanges<Row> {
        try read { session -> StoreChanges<Row> in
            guard let row = try session.rows("SELECT min(seq), max(seq) FROM change_log").first else { return .upToDate }
            let (oldest, newest) = try row.decode((Int64?, Int64?).self)
            let latest = newest ?? 0
            if latest == seq { return .upToDate }
            guard latest > seq, latest - seq <= limit, (oldest ?? latest) <= seq + 1 else { return .rebuild }
            var ids: [Int64] = []
            var seen: Set<Int64> = []
            for row in try session.rows(
                "SELECT item_id FROM change_log WHERE seq > \(seq) AND seq <= \(latest) AND item = \(item.rawValue) ORDER BY seq")
            {
                let id = try row.decode(Int64.self)
                if seen.insert(id).inserted { ids.append(id) }
            }
            return .rows(ids: ids, rows: try load(ids, session), through: latest)
        }
    }

    public func changedSegments(after seq: Int64, limit: Int64) throws(TMError) -> StoreChanges<IndexedKeys> {
        try changes(of: .segment, after: seq, limit: limit) { ids, session in
            var keys: [Int64: IndexedKeys] = [:]
            for chunk in ids.chunked(into: 10_000) {
                for row in try session.rows("SELECT id, ko_key, en_key, updated_at FROM segment WHERE id = ANY(\(Array(chunk)))") {
                    let (id, koKey, enKey, updated) = try row.decode((Int64, String, String, Double).self)
                    keys[id] = IndexedKeys(koKey: koKey, enKey: enKey, updatedAt: updated)
                }
            }
            return keys
        }
    }

    /// Both sides at once, each on its own connection and snapshot, a page of keys at a time in id order.
    public func withEverySegmentKey(_ body: @escaping @Sendable (Language, inout KeyStream) -> Void) throws(TMError) -> Int64 {
        try readingBothSides { side throws(TMError) in
            try self.read { session in
                let seq = try Self.latestChange(in: session)
                let column = side == .ko ? "ko_key" : "en_key"
                var page: [(id: Int64, key: String, recency: Double)] = []
                var position = 0
                var after: Int64 = 0
                var finished = false
                var keys = KeyStream {
                    if position == page.count {
                        guard !finished else { return nil }
                        page = try session.rows(
                            "SELECT id, \(unescaped: column), updated_at FROM segment WHERE id > \(after) ORDER BY id LIMIT 20000"
                        ).map { row in
                            let (id, key, recency) = try row.decode((Int64, String, Double).self)
                            return (id: id, key: key, recency: recency)
                        }
                        position = 0
                        finished = page.count < 20_000
                        guard let last = page.last else { return nil }
                        after = last.id
                    }
                    defer { position += 1 }
                    return page[position]
                }
                body(side, &keys)
                if let failure = keys.failure { throw failure }
                return seq
            }
        }
    }
}
