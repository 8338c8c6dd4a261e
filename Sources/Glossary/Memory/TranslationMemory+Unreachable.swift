import Foundation
import Synchronization

/// Searches while the database cannot be reached (a PostgreSQL restart or failover): the indexes answer as they
/// were last brought up to date, and each match's text comes from the pairs this memory returned recently or,
/// failing that, from the index's match keys (the text folded to lower case, spaces collapsed). The result says so.
extension TranslationMemory {
    /// What a search answered from the indexes alone says.
    static let unreachableNotice =
        "the database cannot be reached: matches come from this node's index as of its last update, and a pair not returned recently shows its match key (lower case) for its text"

    /// The pairs with these ids as stored, or, when the database cannot be reached and the indexes are built, as
    /// this memory last saw them; the notice says which.
    func storedOrRemembered(_ ids: [Int64]) throws(TMError) -> (rows: [Int64: KeyedSegment], notice: String?) {
        do throws(TMError) {
            let rows = try store.keyedSegments(ids: ids)
            remember(rows.values)
            return (rows, nil)
        } catch {
            guard case .unavailable = error, applied.load(ordering: .acquiring) >= 0 else { throw error }
            return (remembered(ids), Self.unreachableNotice)
        }
    }

    /// Brings the indexes up to date before a search; while the database cannot be reached, built indexes are
    /// used as they are (true: they may be behind).
    func refreshUnlessUnreachable() throws(TMError) -> Bool {
        do throws(TMError) {
            try refresh(waitingForRebuild: false)
            return false
        } catch {
            guard case .unavailable = error, applied.load(ordering: .acquiring) >= 0 else { throw error }
            return true
        }
    }

    /// Keeps returned pairs for an outage, on a store that can have one (a SQLite file never does).
    private func remember(_ rows: some Sequence<KeyedSegment>) {
        guard store.canBeUnreachable else { return }
        recentlyReturned.withLock { cache in
            if cache.count >= Self.recentlyReturnedCapacity { cache.removeAll(keepingCapacity: true) }
            for row in rows { cache[row.segment.id] = row }
        }
    }

    /// The indexed pairs among `ids`: the remembered text when its keys are still the indexed ones, else the keys.
    private func remembered(_ ids: [Int64]) -> [Int64: KeyedSegment] {
        let cached = recentlyReturned.withLock { cache in ids.compactMap { cache[$0] } }
        let known = Dictionary(cached.map { ($0.segment.id, $0) }) { first, _ in first }
        return indexes.read { indexes in
            var rows: [Int64: KeyedSegment] = [:]
            for id in ids {
                guard let ko = indexes.ko.entry(id: id), let en = indexes.en.entry(id: id) else { continue }
                if let row = known[id], row.koKey == ko.key, row.enKey == en.key {
                    rows[id] = row
                } else {
                    let time = Date(timeIntervalSince1970: ko.recency)
                    let segment = Segment(id: id, ko: ko.key, en: en.key, origin: "", createdAt: time, updatedAt: time)
                    rows[id] = KeyedSegment(segment: segment, koKey: ko.key, enKey: en.key)
                }
            }
            return rows
        }
    }
}
