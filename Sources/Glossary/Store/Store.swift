import Foundation
import Synchronization

/// Where the memory and the glossary are kept: the pairs, the terms with their spellings, and the change log every
/// process's in-memory indexes follow. Two engines: `SQLiteStore` (one file, the default) and `PostgresStore` (one
/// PostgreSQL database that several `tm serve` nodes share). Everything above this protocol (the memory, the glossary,
/// the routes and the commands) is the same on both; `StoreLocation.open` picks the engine from `--db`.
///
/// Every write is one transaction, all or nothing, and logs each changed pair or term in the change log in that
/// same transaction (see `StoreChanges`).
public protocol Store: AnyObject, Sendable {
    /// What the store is, for messages: a file path, or a URL without its password.
    var location: String { get }
    /// The engine and its version, for health checks: "SQLite 3.40.1", "PostgreSQL 15.18".
    func engineVersion() throws(TMError) -> String
    func counts() throws(TMError) -> StoreCounts
    /// The bytes the store takes (the file and its log; a PostgreSQL database's size).
    func byteSize() -> Int64

    // MARK: Pairs

    /// Stores pairs in one transaction; a pair already stored (the same text) keeps its id and has `updated_at`
    /// refreshed. Returns them in order, each marked new or not.
    func add(_ pairs: [(pair: KeyedPair, origin: String)], at time: Double) throws(TMError) -> [AddedSegment]
    /// Replaces both sides (and the origin when given) of the pair with `id`; the same pair under another id is an error.
    func update(id: Int64, to pair: KeyedPair, origin: String?, at now: Date) throws(TMError) -> Segment
    func removeSegment(id: Int64) throws(TMError)
    /// An import in one transaction: `produce` hands every pair of a file to `add` (in file order, repeats allowed);
    /// a throw from `produce` rolls everything back. Returns how many pairs were new and how many already stored.
    func importPairs(origin: String, at time: Double, _ produce: (_ add: (KeyedPair) throws -> Void) throws -> Void) throws(TMError)
        -> (added: Int, present: Int)
    /// The pairs with these ids that exist.
    func segments(ids: [Int64]) throws(TMError) -> [Int64: Segment]
    /// The pairs with these ids that exist, with both sides' match keys: a search scores the text it returns.
    func keyedSegments(ids: [Int64]) throws(TMError) -> [Int64: KeyedSegment]
    /// Up to `limit` pairs with ids above `after`, in id order: export and copy page through the memory with these.
    func segments(after: Int64, limit: Int) throws(TMError) -> [Segment]
    /// The `limit` most recently updated pairs.
    func recentPairs(limit: Int) throws(TMError) -> [(ko: String, en: String)]
    /// How many pairs came from each origin (the twenty largest).
    func originCounts() throws(TMError) -> [String: Int]
    /// Stores pairs exactly as given (ids, origins and timestamps), as `tm copy` does; an id already taken is replaced.
    func restore(_ segments: [Segment]) throws(TMError)

    // MARK: The change log

    /// The last change logged, 0 for an empty log.
    func latestChange() throws(TMError) -> Int64
    /// The pairs changed after change `seq`, with their current keys (a deleted pair has none). More than `limit`
    /// changes behind asks for a rebuild.
    func changedSegments(after seq: Int64, limit: Int64) throws(TMError) -> StoreChanges<IndexedKeys>
    /// Whether calls can fail as `unavailable` (a server on the network, not a local file): a memory on such a store
    /// keeps the pairs it returns lately, to answer searches from while the server cannot be reached.
    var canBeUnreachable: Bool { get }
    /// Yields soon after any process commits a change, for followers that would rather wait than poll; nil when the
    /// engine has no such signal (SQLite: followers poll the log, which costs one indexed read).
    func changeSignals() -> AsyncStream<Void>?
    /// Calls `body` with the stream of each side's keys (`.ko` and `.en`, possibly at once on two threads) in id
    /// order and returns a change that both streams are at or past: replaying the log from it makes them agree.
    func withEverySegmentKey(_ body: @escaping @Sendable (Language, inout KeyStream) -> Void) throws(TMError) -> Int64

    // MARK: Terms

    /// Every term, in id order.
    func allTerms() throws(TMError) -> [Term]
    func term(id: Int64) throws(TMError) -> Term
    /// Adds a term. One with the same Hangul and English is a conflict (update it instead); so is one that shares
    /// only its Hangul or its English with stored terms, unless it is added as a `homonym`.
    func addTerm(_ term: Term, homonym: Bool) throws(TMError) -> Term
    /// Replaces the term with `id` (its spellings too).
    func updateTerm(id: Int64, with term: Term) throws(TMError) -> Term
    func removeTerm(id: Int64) throws(TMError)
    /// Adds many terms in one transaction; a term already stored (same Hangul and English) gains the new spellings
    /// (and the country, if it had none) and counts as already present.
    func importTerms(_ terms: [Term]) throws(TMError) -> (added: [Int64], alreadyPresent: [Int64])
    /// The terms changed after change `seq`, as stored now (a deleted term is absent).
    func changedTerms(after seq: Int64, limit: Int64) throws(TMError) -> StoreChanges<Term>
    /// Every term and the change they are as of, read together.
    func allTermsWithChange() throws(TMError) -> (terms: [Term], seq: Int64)

    // MARK: Administration

    /// A consistent copy while others read and write (SQLite's online backup to a file).
    func backup(to path: String) throws(TMError)
    /// Whether the data passes the engine's own check ("ok" when it does).
    func integrityCheck() throws(TMError) -> String
    /// Waits for running statements and closes; used at shutdown.
    func close() throws(TMError)

    /// Where the fuzzy indexes' snapshot of this store goes, and the identity it is checked against (a snapshot of
    /// another database is never read); nil when the store keeps none.
    func indexSnapshotLocation() -> IndexSnapshotLocation?
}

/// A store's index snapshot: the file prefix (one file per language side is made from it) and the store's identity.
public struct IndexSnapshotLocation: Sendable, Equatable {
    public let path: String
    public let identity: String
}

extension Store {
    public func changeSignals() -> AsyncStream<Void>? { nil }
    /// None by default: a PostgreSQL node builds its indexes (a snapshot on one node's disk could not be checked
    /// against the shared database's identity as cheaply).
    public func indexSnapshotLocation() -> IndexSnapshotLocation? { nil }
    public var canBeUnreachable: Bool { false }

    /// The pair with `id`.
    public func segment(id: Int64) throws(TMError) -> Segment {
        guard let segment = try segments(ids: [id])[id] else { throw .notFound("segment \(id)") }
        return segment
    }

    public func addTerm(_ term: Term) throws(TMError) -> Term {
        try addTerm(term, homonym: false)
    }
}

/// Counts of what a store holds, for health checks and `tm stats`.
public struct StoreCounts: Sendable, Codable, Equatable {
    public let segments: Int
    public let terms: Int

    public init(segments: Int, terms: Int) {
        self.segments = segments
        self.terms = terms
    }
}

/// A stored pair with the match keys of both sides.
public struct KeyedSegment: Sendable {
    public let segment: Segment
    public let koKey: String
    public let enKey: String
}

/// What the fuzzy indexes hold of a pair.
public struct IndexedKeys: Sendable {
    public let koKey: String
    public let enKey: String
    public let updatedAt: Double
}

/// What a follower of the change log at some change has to do.
///
/// Each change is `(seq, item, id)`, written by a trigger in the writer's transaction; writers are serialized, so
/// `seq` grows in commit order and a follower that remembers its last `seq` misses nothing. Only pruning from the
/// bottom removes changes: then the follower is told to rebuild.
public enum StoreChanges<Row> {
    /// Nothing was written since.
    case upToDate
    /// Too many changes, a pruned gap, or a log behind the follower (a restored backup): rebuild from the tables.
    case rebuild
    /// The current rows of the changed items (absent: deleted), and the change they bring the follower to.
    case rows(ids: [Int64], rows: [Int64: Row], through: Int64)
}

/// One side's keys of every pair, in id order, as a store streams them: `(id, key, recency)`. A read error ends the
/// stream and is kept in `failure`, which the store throws after `body` returns.
public struct KeyStream: Sequence, IteratorProtocol {
    private let source: () throws -> (id: Int64, key: String, recency: Double)?
    /// The first read error.
    public private(set) var failure: (any Error)?

    init(_ source: @escaping () throws -> (id: Int64, key: String, recency: Double)?) {
        self.source = source
    }

    public mutating func next() -> (id: Int64, key: String, recency: Double)? {
        guard failure == nil else { return nil }
        do {
            return try source()
        } catch {
            failure = error
            return nil
        }
    }
}

/// Runs `read` for `.ko` and `.en` on two threads at once (each side's keys stream into its own index) and returns
/// the smaller of the changes the two reads were at: replaying the log from it makes both sides agree.
func readingBothSides(_ read: @escaping @Sendable (Language) throws(TMError) -> Int64) throws(TMError) -> Int64 {
    let results = Mutex<[Result<Int64, TMError>]>([])
    DispatchQueue.concurrentPerform(iterations: 2) { side in
        let result = Result { () throws(TMError) -> Int64 in try read(side == 0 ? .ko : .en) }
        results.withLock { $0.append(result) }
    }
    var seq = Int64.max
    for result in results.withLock({ $0 }) { seq = min(seq, try result.get()) }
    return seq
}

/// What a log row is about.
enum ChangedItem: String {
    case segment
    case term
}

/// How a stored spelling of a term came to be: Hangul, the house form, an alias, or a listed off-style variant.
enum VariantSystem: String {
    case hangul
    case canonical
    case variant
    case alias
}

extension Term {
    /// Every spelling stored for the term, with where it came from.
    var storedForms: [(form: String, system: VariantSystem)] {
        [(hangul, .hangul), (english, .canonical)] + aliases.map { ($0, .alias) } + variants.map { ($0, .variant) }
    }
}

/// Rows kept in the change log: a follower further behind than this has to rebuild anyway.
let changeLogRetention: Int64 = 1_000_000

/// The most changes a follower whose index holds `indexed` pairs applies one by one; past it, one rebuild is
/// cheaper, and it rebuilds.
func followerChangeLimit(indexed: Int) -> Int64 {
    Int64(max(20_000, indexed / 4))
}
