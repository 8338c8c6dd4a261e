import Foundation
import Synchronization

/// The fuzzy indexes saved beside the database, so that a server starts in the time it takes to read them instead of
/// the time it takes to build them (at ten million pairs, seconds instead of a minute).
///
/// A snapshot is one file per side (`PATH.index-ko`, `PATH.index-en`), each headed by the store's identity and the
/// change-log `seq` the indexes were at. Loading one is followed by the usual catch-up from the log, so a snapshot a
/// few writes old is as good as a fresh one; one the log cannot bring up to date (another process imported more than
/// a catch-up takes, the log was pruned past it), or whose pair count disagrees with the table, is replaced by a
/// rebuild — in the background on a server, which meanwhile answers from the snapshot as it does during any rebuild.
/// Only the server writes snapshots: after a rebuild and once enough changes have gone by, on a copy of the
/// indexes and outside every lock, to a temporary file renamed into place.
extension TranslationMemory {
    /// Whether a memory reads and writes index snapshots.
    public enum IndexSnapshots: Sendable {
        case off
        /// Reads a snapshot instead of building, never writes one: the CLI.
        case load
        /// Also writes them and rebuilds a stale one in the background: the server.
        case loadAndSave
    }

    private static let magic: UInt64 = 0x544D_5F49_4E44_5831  // "TM_INDX1"
    /// Written as a raw array: a snapshot from a machine of the other byte order is not read.
    private static let byteOrderMark: UInt64 = 0x0102_0304_0506_0708

    /// The change the last saved snapshot is at; nil when none was saved or loaded by this memory.
    public var snapshotChange: Int64? {
        let seq = savedSnapshot.load(ordering: .acquiring)
        return seq < 0 ? nil : seq
    }

    /// Writes both sides' snapshot now (the server does it by itself; tests and benchmarks call this).
    public func saveSnapshot() throws(TMError) {
        guard snapshots != .off, let location = store.indexSnapshotLocation() else { return }
        // One save at a time (a background one and a caller's), so that a newer snapshot is never replaced by an older.
        try snapshotWriter.withLock { _ throws(TMError) in
            // The indexes and their seq taken together; the copy shares their storage until the live ones change.
            let (taken, copy) = follower.withLock { seq in (seq, indexes.read { $0 }) }
            guard let seq = taken else { return }
            for side in [Language.ko, .en] {
                try Self.write(copy[side], seq: seq, identity: location.identity, to: location.path + "-" + side.rawValue)
            }
            savedSnapshot.store(seq, ordering: .releasing)
        }
    }

    /// Starts a save on a thread of its own when this memory saves snapshots and enough has changed since the last.
    func saveSnapshotIfDue() {
        guard snapshots == .loadAndSave, !rebuilding.load(ordering: .acquiring), let seq = indexedChange else { return }
        let saved = savedSnapshot.load(ordering: .acquiring)
        let count = indexes.read { $0.ko.count }
        guard saved < 0 || seq - saved >= Int64(max(1_000, count / 16)) else { return }
        guard savingSnapshot.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged else { return }
        Thread {
            defer { self.savingSnapshot.store(false, ordering: .releasing) }
            try? self.saveSnapshot()
        }.start()
    }

    /// Reads the snapshot into the indexes when there is one of this store; returns the change it is at.
    func loadSnapshot() -> Int64? {
        guard snapshots != .off, let location = store.indexSnapshotLocation() else { return nil }
        let sides = Mutex<[Language: (index: FuzzyIndex, seq: Int64)]>([:])
        // One thread a side: reading is a copy from the page cache, checking the keys and postings is the work.
        DispatchQueue.concurrentPerform(iterations: 2) { which in
            let side: Language = which == 0 ? .ko : .en
            if let read = Self.read(location.path + "-" + side.rawValue, identity: location.identity) {
                sides.withLock { $0[side] = read }
            }
        }
        let loaded = sides.withLock { $0 }
        guard var ko = loaded[.ko], var en = loaded[.en], ko.seq == en.seq, ko.index.gramLength == 2, en.index.gramLength == 3 else {
            return nil
        }
        ko.index.compactsItself = false
        en.index.compactsItself = false
        var fresh = MemoryIndexes()
        fresh.ko = ko.index
        fresh.en = en.index
        indexes.write { swap(&$0, &fresh) }
        applied.store(ko.seq, ordering: .releasing)
        savedSnapshot.store(ko.seq, ordering: .releasing)
        return ko.seq
    }

    /// A rebuild on a thread of its own: searches answer from the indexes as they are until it swaps the new ones in.
    func rebuildInBackground() {
        rebuilding.store(true, ordering: .releasing)
        Thread {
            try? self.follower.withLock { (seq: inout Int64?) throws(TMError) in seq = try self.rebuild() }
            self.rebuilding.store(false, ordering: .releasing)
            self.saveSnapshotIfDue()
        }.start()
    }

    private static func write(_ index: FuzzyIndex, seq: Int64, identity: String, to path: String) throws(TMError) {
        let temporary = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw .storage("cannot write \(temporary): \(String(cString: strerror(errno)))") }
        do {
            var writer = SnapshotFile.Writer(descriptor: descriptor)
            try writer.write(magic)
            try writer.write([byteOrderMark])
            try writer.write(identity)
            try writer.write(seq)
            try index.write(to: &writer)
            try writer.write(magic)
            try writer.flush()
            guard fsync(descriptor) == 0, close(descriptor) == 0 else {
                throw SnapshotFile.Damaged(description: "cannot write \(temporary): \(String(cString: strerror(errno)))")
            }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw .storage("\(error)")
        }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw .storage("cannot rename \(temporary) to \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// The index in the file at `path` and the change it is at; nil when there is none, it is another store's, or it
    /// does not read back whole.
    private static func read(_ path: String, identity: String) -> (index: FuzzyIndex, seq: Int64)? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        var reader = SnapshotFile.Reader(descriptor: descriptor, size: Int(status.st_size))
        do {
            guard try reader.readUInt64() == magic else { return nil }
            let mark: [UInt64] = try reader.readArray(count: 1)
            guard mark == [byteOrderMark], try reader.readString(atMost: 256) == identity else { return nil }
            let seq = try reader.readInt64()
            let index = try FuzzyIndex(snapshot: &reader)
            guard try reader.readUInt64() == magic else { return nil }
            return (index, seq)
        } catch {
            return nil
        }
    }
}
