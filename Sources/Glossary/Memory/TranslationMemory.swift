import Foundation
import Synchronization

/// The translation memory as the CLI and the server use it: pairs in the store, and one fuzzy index per
/// language that follows the store's change log.
///
/// Writes go to the database only; the indexes learn of them, and of every other process's writes, from the change
/// log (`TranslationMemory+Following.swift`), which each search reads before it answers. So a writer never waits for
/// a search, a search never runs SQL under the index lock, and a score is always recomputed from the text returned.
public final class TranslationMemory: Sendable {
    let store: any Store
    let glossary: TermGlossary?
    let indexes: ReadWriteLock<MemoryIndexes>
    /// Held while the indexes catch up with the log; the last change applied (nil: not built yet).
    let follower = Mutex<Int64?>(nil)
    /// The last change applied, readable without the follower's lock (−1: not built yet).
    let applied = Atomic<Int64>(-1)
    /// A full rebuild is running: searches use the indexes as they are rather than wait seconds for it.
    let rebuilding = Atomic<Bool>(false)
    /// A compaction is running (on a copy; see `compactIfNeeded`).
    let compacting = Atomic<Bool>(false)
    /// Writes made through this memory, and how many of them the last look at the log had seen: a search after a
    /// write of its own always reads the log.
    let localWrites = Atomic<Int>(0)
    let localWritesSeen = Atomic<Int>(0)
    /// When a search last found the indexes up to date with the log (uptime nanoseconds).
    let lastFreshCheck = Atomic<UInt64>(0)
    /// How long a search may trust the last look at the log while nothing was written here, in nanoseconds.
    let logCheckInterval: UInt64
    /// Pairs searches returned lately, for searches while the database cannot be reached (`+Unreachable.swift`).
    let recentlyReturned = Mutex<[Int64: KeyedSegment]>([:])
    static let recentlyReturnedCapacity = 10_000
    /// Whether the indexes are read from and saved to a snapshot (`TranslationMemory+Snapshot.swift`).
    let snapshots: IndexSnapshots
    /// The change the snapshot on disk is at, when this memory loaded or saved it and has not rebuilt since (−1: none).
    let savedSnapshot = Atomic<Int64>(-1)
    let savingSnapshot = Atomic<Bool>(false)
    /// Held while a snapshot is written.
    let snapshotWriter = Mutex<Void>(())

    /// Bigrams for Korean (a syllable is nearly a word piece), trigrams for English.
    struct MemoryIndexes: Sendable {
        var ko = FuzzyIndex(gramLength: 2)
        var en = FuzzyIndex(gramLength: 3)

        /// Empty indexes that leave compaction to the follower (see `TranslationMemory+Following.swift`).
        init() {
            ko.compactsItself = false
            en.compactsItself = false
        }

        subscript(side: Language) -> FuzzyIndex {
            get { side == .ko ? ko : en }
        }
    }

    /// The memory over `store`; `glossary` adds term hints to searches when asked. The indexes are built on first
    /// use (a command that only writes builds none); `refresh()` builds them ahead, as the server does before it
    /// listens.
    ///
    /// - Parameters:
    ///   - logCheckInterval: searches read the change log before they answer, but at most this often while
    ///     nothing is written through this memory: another process's write may wait that long to be found; a write
    ///     made here is found by the next search. Zero reads the log before every search.
    ///   - snapshots: read the indexes from the store's snapshot when there is one (the default), also write and
    ///     refresh it (the server), or neither.
    public init(
        store: any Store, glossary: TermGlossary? = nil, logCheckInterval: Duration = .milliseconds(10), snapshots: IndexSnapshots = .load
    ) {
        self.store = store
        self.glossary = glossary
        self.snapshots = snapshots
        let (seconds, attoseconds) = logCheckInterval.components
        self.logCheckInterval = UInt64(max(0, seconds)) * 1_000_000_000 + UInt64(max(0, attoseconds / 1_000_000_000))
        self.indexes = ReadWriteLock(MemoryIndexes())
    }

    // MARK: Pairs

    /// Stores pairs in one transaction: all or none. A pair already stored (same keys) keeps its id and
    /// has its `updated_at` refreshed.
    public func add(_ inputs: [SegmentInput], defaultOrigin: String = "") throws(TMError) -> [AddedSegment] {
        var pairs: [(pair: KeyedPair, origin: String)] = []
        for (index, input) in inputs.enumerated() {
            do throws(TMError) {
                let origin = input.origin ?? defaultOrigin
                try TextField.check(origin, field: "origin")
                pairs.append((try KeyedPair(ko: input.ko, en: input.en), origin))
            } catch {
                throw inputs.count == 1 ? error : Self.locate(error, at: index)
            }
        }
        defer { localWrites.add(1, ordering: .releasing) }
        return try store.add(pairs, at: Date().timeIntervalSince1970)
    }

    public func segment(id: Int64) throws(TMError) -> Segment {
        try store.segment(id: id)
    }

    /// Replaces both sides of a pair (and its origin when given).
    public func update(id: Int64, with input: SegmentInput) throws(TMError) -> Segment {
        let pair = try KeyedPair(ko: input.ko, en: input.en)
        if let origin = input.origin { try TextField.check(origin, field: "origin") }
        defer { localWrites.add(1, ordering: .releasing) }
        return try store.update(id: id, to: pair, origin: input.origin, at: Date())
    }

    public func remove(id: Int64) throws(TMError) {
        defer { localWrites.add(1, ordering: .releasing) }
        try store.removeSegment(id: id)
    }

    // MARK: Search

    /// The score of a pair equal to the query by match key but not by text.
    public static let caseOnlyScore = 99.0

    /// A search may do this much work (`FuzzyIndex.search(_:minScore:limit:workLimit:)`), about 60–100 ms on this
    /// machine; past it the query is refused as too broad rather than left to hold a core for seconds. At a million
    /// pairs that refuses a 10,000-character query at min 0 (3.9 s unbounded) and most queries under min 50;
    /// queries at the default min 75 use a few percent of it.
    public static let searchWorkLimit = 100_000_000

    /// The stored pairs whose `from` side (by default the query's script) scores at least `minScore`
    /// against the query, best first, ties broken by recency: exactly what a scan of every pair returns.
    public func search(_ query: String, from side: Language? = nil, minScore: Int = 75, limit: Int = 5, hints: Bool = false) throws(TMError)
        -> MemorySearchResult
    {
        try Self.checkQuery(query, field: "q")
        guard (0...100).contains(minScore) else { throw .invalidInput(field: "min", message: "must be between 0 and 100") }
        guard (1...Self.maximumLimit).contains(limit) else {
            throw .invalidInput(field: "limit", message: "must be between 1 and \(Self.maximumLimit)")
        }
        let side = side ?? Language.of(query)
        let start = DispatchTime.now().uptimeNanoseconds
        let behind = try refreshUnlessUnreachable()
        let key = Normalizer.key(query)
        let text = Normalizer.composed(query.trimmed)
        func hits(_ limit: Int) throws(TMError) -> [FuzzyMatch] {
            let found = indexes.read { indexes in
                indexes[side].search(key, minScore: minScore, limit: limit, workLimit: Self.searchWorkLimit)
            }
            guard let found else {
                throw .tooBroad(
                    field: "q",
                    message: "the query would compare too much of the memory (\(query.unicodeScalars.count) characters at min \(minScore)): "
                        + "raise min or shorten the query")
            }
            return found
        }
        var found = try hits(limit)
        var (scoredMatches, notice) = try scored(found.map(\.id), against: key, text: text, side: side, minScore: minScore)
        // The index ranks by key, the memory by text: when scoring the stored texts moved or dropped a hit (a pair equal
        // to the query by key but not by text scores 99 and may give way to the exact one; a pair changed since the
        // index saw it gets its real score), a few more hits decide the top. Otherwise the top is the index's, and the
        // narrower search (fewer held matches, a stronger filter) was the whole search.
        if !Self.agree(scoredMatches, found) {
            found = try hits(limit + Self.caseVariantAllowance)
            (scoredMatches, notice) = try scored(found.map(\.id), against: key, text: text, side: side, minScore: minScore)
        }
        let matches = scoredMatches.prefix(limit)
        let took = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
        let terms = hints ? try glossary?.recognize(query) : nil
        return MemorySearchResult(
            query: query, from: side, tookMs: took, matches: Array(matches), terms: terms,
            notice: notice ?? (behind ? Self.unreachableNotice : nil))
    }

    /// How many more matches than asked a search fetches when scoring the texts reordered the index's, so that an
    /// exact pair is not crowded out by its case variants.
    static let caseVariantAllowance = 4

    /// Whether scoring the stored texts kept the index's hits as they were: the same pairs, order and scores.
    private static func agree(_ matches: [MemoryMatch], _ hits: [FuzzyMatch]) -> Bool {
        matches.count == hits.count && zip(matches, hits).allSatisfy { $0.id == $1.id && $0.score == $1.score }
    }

    /// The pairs with these ids as they are stored now, each scored on the text returned: a pair changed since the
    /// index saw it gets its real score, and drops out below `minScore`. The score is on match keys, but 100 means the
    /// same text: a pair that differs from the query only in letter case, quote style or spacing scores 99 (as OmegaT
    /// and memoQ mark such differences), below the identical one.
    private func scored(_ ids: [Int64], against key: String, text: String, side: Language, minScore: Int) throws(TMError)
        -> (matches: [MemoryMatch], notice: String?)
    {
        let (rows, notice) = try storedOrRemembered(ids)
        let query = key.unicodeScalars.map(\.value)
        let rule = ScoreRule(minScore: minScore, queryLength: query.count)
        var ranked: [(match: RankedMatch, segment: Segment)] = []
        for id in ids {
            guard let row = rows[id] else { continue }
            let stored = (side == .ko ? row.koKey : row.enKey).unicodeScalars.map(\.value)
            let maxLength = max(query.count, stored.count)
            guard let distance = EditDistance.levenshtein(query, stored, limit: rule.maxDistance(forMaxLength: maxLength)) else { continue }
            let match = RankedMatch(id: id, distance: distance, maxLength: maxLength, recency: row.segment.updatedAt.timeIntervalSince1970)
            ranked.append((match, row.segment))
        }
        ranked.sort { $0.match.ranksAbove($1.match) }
        let matches = ranked.map { match, segment in
            let differs = match.distance == 0 && (side == .ko ? segment.ko : segment.en) != text
            return MemoryMatch(
                id: segment.id, score: differs ? Self.caseOnlyScore : match.match.score, ko: segment.ko, en: segment.en, origin: segment.origin)
        }
        // Stable: the 99s move below the identical pairs and stay above every lower score.
        let ordered = matches.enumerated().sorted { ($0.element.score, -$0.offset) > ($1.element.score, -$1.offset) }.map(\.element)
        return (ordered.filter { $0.score >= Double(minScore) }, notice)
    }

    /// Pairs whose `side` (by default the phrase's script) contains the phrase, case-insensitively, newest
    /// first, with where the phrase stands in each.
    public func concordance(_ phrase: String, side: Language? = nil, limit: Int = 20) throws(TMError) -> ConcordanceResult {
        try Self.checkQuery(phrase, field: "q")
        guard (1...Self.maximumLimit).contains(limit) else {
            throw .invalidInput(field: "limit", message: "must be between 1 and \(Self.maximumLimit)")
        }
        let side = side ?? Language.of(phrase)
        try refresh(waitingForRebuild: false)
        let key = Normalizer.key(phrase)
        let ids = indexes.read { $0[side].ids(containing: key, limit: limit) }
        let segments = try store.segments(ids: ids)
        let hits = ids.compactMap { id -> ConcordanceHit? in
            guard let segment = segments[id] else { return nil }
            let text = side == .ko ? segment.ko : segment.en
            let spans = FoldedText(text).occurrences(of: key).map { ConcordanceHit.Span(start: $0.lowerBound, end: $0.upperBound) }
            // Changed since the index saw it: the phrase is no longer there.
            guard !spans.isEmpty else { return nil }
            return ConcordanceHit(id: id, ko: segment.ko, en: segment.en, origin: segment.origin, side: side, spans: spans)
        }
        return ConcordanceResult(query: phrase, side: side, hits: hits)
    }

    /// The most recently updated pairs, for learning a dictionary from the memory.
    public func recentPairs(limit: Int) throws(TMError) -> [(ko: String, en: String)] {
        try store.recentPairs(limit: limit)
    }

    /// Counts and sizes.
    ///
    /// - Parameter indexing: bring the indexes up to date (building them if need be) and count them; false reads only
    ///   the database, as `tm stats` does (at a million pairs a build takes seconds), and counts indexes already built.
    public func stats(indexing: Bool = true) throws(TMError) -> MemoryStats {
        if indexing { try refresh(waitingForRebuild: false) }
        let counts = try store.counts()
        let origins = try store.originCounts()
        let built = applied.load(ordering: .acquiring) >= 0
        let (ko, en) = built ? indexes.read { ($0.ko.count, $0.en.count) } : (nil, nil)
        return MemoryStats(
            segments: counts.segments, terms: counts.terms, indexedKorean: ko, indexedEnglish: en, origins: origins,
            databaseBytes: store.byteSize())
    }

    /// Results per query are capped: a client asking for more gets an error, not a slow answer.
    public static let maximumLimit = 100

    // MARK: Helpers

    private static func checkQuery(_ query: String, field: String) throws(TMError) {
        guard !query.trimmed.isEmpty else { throw .invalidInput(field: field, message: "the query is empty") }
        try TextField.check(query, field: field)
        guard query.unicodeScalars.count <= Segment.maximumLength else {
            throw .invalidInput(field: field, message: "the query is longer than \(Segment.maximumLength) characters")
        }
    }

    /// An error about one pair of a batch, naming its position.
    private static func locate(_ error: TMError, at index: Int) -> TMError {
        guard case .invalidInput(let field, let message) = error else { return error }
        return .invalidInput(field: "[\(index)]" + (field.map { ".\($0)" } ?? ""), message: message)
    }
}
