import Foundation
import Synchronization

/// How the fuzzy indexes follow the store's change log (`TMStore+ChangeLog.swift`): every write by this process or
/// another reaches them here and only here.
extension TranslationMemory {
    /// Brings the indexes up to the last change in the database, building them on first use. The server calls it
    /// before it listens and then every fraction of a second, so a write by any process is searchable within that.
    public func refresh() throws(TMError) {
        try refresh(waitingForRebuild: true)
    }

    /// The change log's `seq` the indexes are at; nil before they are built.
    public var indexedChange: Int64? {
        let seq = applied.load(ordering: .acquiring)
        return seq < 0 ? nil : seq
    }

    /// Catches up before a search. A search that finds a full rebuild under way (after another process imported a
    /// large file) answers from the indexes as they are instead of waiting for it.
    func refresh(waitingForRebuild: Bool) throws(TMError) {
        let current = applied.load(ordering: .acquiring)
        if current >= 0 {
            if try store.latestChange() == current { return }
            if !waitingForRebuild && rebuilding.load(ordering: .acquiring) { return }
        }
        try follower.withLock { (seq: inout Int64?) throws(TMError) in
            try catchUp(&seq)
        }
    }

    /// Applies the changes after `seq`; a rebuild when there are too many, when the log was pruned past `seq`, or
    /// when nothing has been built yet.
    private func catchUp(_ seq: inout Int64?) throws(TMError) {
        // A few rebuilds in a row can only happen while another process keeps importing; then the index is fresh
        // enough, and the next call goes on.
        for _ in 0..<3 {
            guard let after = seq else {
                seq = try rebuild()
                continue
            }
            let indexed = indexes.read { $0.ko.count }
            switch try store.changedSegments(after: after, limit: Int64(max(20_000, indexed / 4))) {
            case .upToDate:
                return
            case .rebuild:
                seq = try rebuild()
            case .rows(let ids, let rows, let through):
                indexes.write { indexes in
                    for id in ids {
                        if let keys = rows[id] {
                            indexes.ko.add(id: id, key: keys.koKey, recency: keys.updatedAt)
                            indexes.en.add(id: id, key: keys.enKey, recency: keys.updatedAt)
                        } else {
                            indexes.ko.remove(id: id)
                            indexes.en.remove(id: id)
                        }
                    }
                }
                seq = through
                applied.store(through, ordering: .releasing)
                compactIfNeeded()
                return
            }
        }
    }

    /// Builds both indexes from every stored pair, outside the index lock (searches go on meanwhile), and swaps
    /// them in; returns the change the new indexes are at.
    private func rebuild() throws(TMError) -> Int64 {
        rebuilding.store(true, ordering: .releasing)
        defer { rebuilding.store(false, ordering: .releasing) }
        var ko: [(id: Int64, key: String, recency: Double)] = []
        var en: [(id: Int64, key: String, recency: Double)] = []
        let seq = try store.forEachSegmentKey { id, koKey, enKey, updatedAt in
            ko.append((id, koKey, updatedAt))
            en.append((id, enKey, updatedAt))
        }
        // The two sides are independent: build them on two threads, which halves the time to ready on 2 cores.
        let built = Mutex(MemoryIndexes())
        let entries = [ko, en]
        ko = []
        en = []
        DispatchQueue.concurrentPerform(iterations: 2) { side in
            var index = side == 0 ? MemoryIndexes().ko : MemoryIndexes().en
            index.add(contentsOf: entries[side])
            built.withLock { if side == 0 { $0.ko = index } else { $0.en = index } }
        }
        let fresh = built.withLock { $0 }
        indexes.write { $0 = fresh }
        applied.store(seq, ordering: .releasing)
        return seq
    }

    /// Compacts a side whose delta has outgrown its base, on a copy, outside the index lock: searches go on with the
    /// current index meanwhile, and only the swap takes the lock. Called with the follower's lock held, so no change
    /// can land between the copy and the swap.
    private func compactIfNeeded() {
        let (ko, en) = indexes.read { ($0.ko.needsCompaction, $0.en.needsCompaction) }
        guard ko || en else { return }
        var copy = indexes.read { $0 }
        if ko { copy.ko.compact() }
        if en { copy.en.compact() }
        indexes.write { $0 = copy }
    }
}
