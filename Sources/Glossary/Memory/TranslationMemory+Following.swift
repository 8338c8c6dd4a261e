import Foundation
import Synchronization

/// How the fuzzy indexes follow the store's change log (`StoreChanges`): every write by this process or
/// another reaches them here and only here.
extension TranslationMemory {
    /// Brings the indexes up to the last change in the database, building them on first use, and compacts them when
    /// their recent additions have outgrown them. The server calls it before it listens and then every fraction of a
    /// second, so a write by any process is searchable within that.
    public func refresh() throws(TMError) {
        try refresh(waitingForRebuild: true)
        try compactIfNeeded()
        saveSnapshotIfDue()
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
            let now = DispatchTime.now().uptimeNanoseconds
            let writes = localWrites.load(ordering: .acquiring)
            if !waitingForRebuild, writes == localWritesSeen.load(ordering: .acquiring),
                now &- lastFreshCheck.load(ordering: .relaxed) < logCheckInterval
            {
                return
            }
            if try store.latestChange() == current {
                localWritesSeen.store(writes, ordering: .releasing)
                lastFreshCheck.store(now, ordering: .relaxed)
                return
            }
            if !waitingForRebuild && rebuilding.load(ordering: .acquiring) { return }
        }
        try follower.withLock { (seq: inout Int64?) throws(TMError) in
            try catchUp(&seq)
        }
    }

    /// Applies the changes after `seq`; a rebuild when there are too many, when the log was pruned past `seq`, or
    /// when nothing has been built yet (then a snapshot, when there is one, stands in for the build).
    private func catchUp(_ seq: inout Int64?) throws(TMError) {
        var checkingSnapshot = false
        // A few rebuilds in a row can only happen while another process keeps importing; then the index is fresh
        // enough, and the next call goes on.
        for _ in 0..<3 {
            guard let after = seq else {
                if let loaded = loadSnapshot() {
                    seq = loaded
                    checkingSnapshot = true
                } else {
                    seq = try rebuild()
                }
                continue
            }
            let indexed = indexes.read { $0.ko.count }
            var holds = true
            switch try store.changedSegments(after: after, limit: followerChangeLimit(indexed: indexed)) {
            case .upToDate:
                break
            case .rebuild:
                holds = false
            case .rows(let ids, let rows, let through):
                indexes.write { Self.apply(ids, rows, to: &$0) }
                seq = through
                applied.store(through, ordering: .releasing)
            }
            // A snapshot brought up to date must hold what the table holds.
            if holds && checkingSnapshot { holds = try store.counts().segments == indexes.read { $0.ko.count } }
            if holds { return }
            if checkingSnapshot && snapshots == .loadAndSave {
                rebuildInBackground()
                return
            }
            checkingSnapshot = false
            seq = try rebuild()
        }
    }

    /// The current state of each changed pair into both indexes: its keys, or its removal.
    private static func apply(_ ids: [Int64], _ rows: [Int64: IndexedKeys], to indexes: inout MemoryIndexes) {
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

    /// Builds both indexes from every stored pair, outside the index lock (searches go on meanwhile), and swaps
    /// them in; returns a change the new indexes are at or past (the next catch-up replays the log from there, which
    /// is harmless for what they already hold). The keys stream from the database into the indexes, one side per
    /// thread, so no list of every key is ever held.
    func rebuild() throws(TMError) -> Int64 {
        rebuilding.store(true, ordering: .releasing)
        savedSnapshot.store(-1, ordering: .releasing)
        defer { rebuilding.store(false, ordering: .releasing) }
        let built = Mutex(MemoryIndexes())
        let seq = try store.withEverySegmentKey { side, keys in
            var index = side == .ko ? MemoryIndexes().ko : MemoryIndexes().en
            index.add(contentsOf: IteratorSequence(keys))
            built.withLock { if side == .ko { $0.ko = index } else { $0.en = index } }
        }
        var fresh = built.withLock { $0 }
        // Swapped, not assigned: the old indexes are freed after the lock is released.
        indexes.write { swap(&$0, &fresh) }
        applied.store(seq, ordering: .releasing)
        return seq
    }

    /// Compacts a side whose additions have outgrown its base, on a copy and outside every lock, so that searches
    /// and catch-ups go on meanwhile; then the changes applied to the live indexes in the meantime are replayed onto
    /// the copy from the change log, and the copy swapped in.
    private func compactIfNeeded() throws(TMError) {
        let (ko, en) = indexes.read { ($0.ko.needsCompaction, $0.en.needsCompaction) }
        guard ko || en, compacting.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged else { return }
        defer { compacting.store(false, ordering: .releasing) }
        let (start, snapshot) = follower.withLock { seq in (seq, indexes.read { $0 }) }
        guard let start else { return }
        var copy = snapshot
        if ko { copy.ko.compact() }
        if en { copy.en.compact() }
        try follower.withLock { (seq: inout Int64?) throws(TMError) in
            if seq != start {
                guard case .rows(let ids, let rows, let through) = try store.changedSegments(after: start, limit: .max) else {
                    return  // the log was pruned past the copy: keep the live indexes, compact another time
                }
                Self.apply(ids, rows, to: &copy)
                seq = through
                applied.store(through, ordering: .releasing)
            }
            indexes.write { swap(&$0, &copy) }
        }
    }
}
