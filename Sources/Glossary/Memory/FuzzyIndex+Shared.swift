import Synchronization

/// A `FuzzyIndex` shared between threads (the server's request handlers and its writers).
///
/// One `Mutex` serializes everything, searches included. A search holds the lock for about a millisecond at a million
/// entries; handing readers a copy instead would let them run in parallel, but then every write made while a copy is
/// alive would duplicate the arrays it touches (copy-on-write of hundreds of megabytes), which is worse for a memory
/// that is written while translators search it.
public final class SharedFuzzyIndex: Sendable {
    private let index: Mutex<FuzzyIndex>

    public init(_ index: FuzzyIndex) {
        self.index = Mutex(index)
    }

    public var count: Int { index.withLock { $0.count } }

    public func add(id: Int64, key: String, recency: Double) {
        index.withLock { $0.add(id: id, key: key, recency: recency) }
    }

    public func add(contentsOf entries: [(id: Int64, key: String, recency: Double)]) {
        index.withLock { $0.add(contentsOf: entries) }
    }

    public func remove(id: Int64) {
        index.withLock { $0.remove(id: id) }
    }

    public func search(_ key: String, minScore: Int = 75, limit: Int = 5) -> [FuzzyMatch] {
        index.withLock { $0.search(key, minScore: minScore, limit: limit) }
    }
}
