import Foundation
import Synchronization

/// The translation memory as the CLI and the server use it: pairs in the store, and one fuzzy index per
/// language kept in step with them.
///
/// Writers take `writer` for the database write and the index update together, so two writes never
/// reach the index in another order than the store; searches take the index's read lock only, and skip
/// an id whose row a concurrent delete has just removed.
public final class TranslationMemory: Sendable {
    let store: TMStore
    let glossary: TermGlossary?
    private let indexes: ReadWriteLock<MemoryIndexes>
    private let writer = Mutex(())

    /// Bigrams for Korean (a syllable is nearly a word piece), trigrams for English.
    struct MemoryIndexes: Sendable {
        var ko = FuzzyIndex(gramLength: 2)
        var en = FuzzyIndex(gramLength: 3)

        subscript(side: Language) -> FuzzyIndex {
            get { side == .ko ? ko : en }
        }
    }

    /// Loads the fuzzy indexes from every stored pair; `glossary` adds term hints to searches when asked.
    public init(store: TMStore, glossary: TermGlossary? = nil) throws(TMError) {
        self.store = store
        self.glossary = glossary
        var ko: [(id: Int64, key: String, recency: Double)] = []
        var en: [(id: Int64, key: String, recency: Double)] = []
        try store.forEachSegmentKey { id, koKey, enKey, updatedAt in
            ko.append((id, koKey, updatedAt))
            en.append((id, enKey, updatedAt))
        }
        // The two sides are independent: build them on two threads, which halves the time to ready on 2 cores.
        let built = Mutex(MemoryIndexes())
        let entries = [ko, en]
        DispatchQueue.concurrentPerform(iterations: 2) { side in
            var index = FuzzyIndex(gramLength: side == 0 ? 2 : 3)
            index.add(contentsOf: entries[side])
            built.withLock { if side == 0 { $0.ko = index } else { $0.en = index } }
        }
        self.indexes = ReadWriteLock(built.withLock { $0 })
    }

    // MARK: Pairs

    /// Stores pairs in one transaction: all or none. A pair already stored (same keys) keeps its id and
    /// has its `updated_at` refreshed.
    public func add(_ inputs: [SegmentInput], defaultOrigin: String = "") throws(TMError) -> [AddedSegment] {
        var pairs: [(TMStore.KeyedPair, String)] = []
        for (index, input) in inputs.enumerated() {
            do throws(TMError) {
                pairs.append((try TMStore.KeyedPair(ko: input.ko, en: input.en), input.origin ?? defaultOrigin))
            } catch {
                throw inputs.count == 1 ? error : Self.locate(error, at: index)
            }
        }
        return try writer.withLock { _ throws(TMError) -> [AddedSegment] in
            let time = Date().timeIntervalSince1970
            let added = try store.write { db in
                let largest = try TMStore.largestID(in: db)
                var seen: Set<Int64> = []
                let ids = try pairs.map { pair, origin in try TMStore.upsert(pair, origin: origin, at: time, in: db) }
                let segments = try TMStore.fetchSegments(ids: ids, in: db)
                return try ids.map { id in
                    guard let segment = segments[id] else { throw TMError.storage("segment \(id) vanished") }
                    return AddedSegment(segment: segment, created: id > largest && seen.insert(id).inserted)
                }
            }
            indexes.write { indexes in
                // The keys were computed once for the store; a pair found already stored has the same keys.
                for (result, (pair, _)) in zip(added, pairs) {
                    Self.index(id: result.segment.id, pair, recency: result.segment.updatedAt.timeIntervalSince1970, in: &indexes)
                }
            }
            return added
        }
    }

    public func segment(id: Int64) throws(TMError) -> Segment {
        try store.segment(id: id)
    }

    /// Replaces both sides of a pair (and its origin when given).
    public func update(id: Int64, with input: SegmentInput) throws(TMError) -> Segment {
        let pair = try TMStore.KeyedPair(ko: input.ko, en: input.en)
        return try writer.withLock { _ throws(TMError) -> Segment in
            let segment = try store.write { db in try TMStore.update(id: id, to: pair, origin: input.origin, at: Date(), in: db) }
            indexes.write { Self.index(id: id, pair, recency: segment.updatedAt.timeIntervalSince1970, in: &$0) }
            return segment
        }
    }

    public func remove(id: Int64) throws(TMError) {
        try writer.withLock { _ throws(TMError) in
            try store.write { db in try TMStore.deleteSegment(id: id, in: db) }
            indexes.write { indexes in
                indexes.ko.remove(id: id)
                indexes.en.remove(id: id)
            }
        }
    }

    // MARK: Search

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
        let key = Normalizer.key(query)
        let matches = try indexes.read { (indexes: borrowing MemoryIndexes) throws(TMError) -> [MemoryMatch] in
            let hits = indexes[side].search(key, minScore: minScore, limit: limit)
            let segments = try store.segments(ids: hits.map(\.id))
            return hits.compactMap { hit in
                segments[hit.id].map { MemoryMatch(id: $0.id, score: hit.score, ko: $0.ko, en: $0.en, origin: $0.origin) }
            }
        }
        let took = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
        let terms = hints ? try glossary?.recognize(query) : nil
        return MemorySearchResult(query: query, from: side, tookMs: took, matches: matches, terms: terms)
    }

    /// Pairs whose `side` (by default the phrase's script) contains the phrase, case-insensitively, newest
    /// first, with where the phrase stands in each.
    public func concordance(_ phrase: String, side: Language? = nil, limit: Int = 20) throws(TMError) -> ConcordanceResult {
        try Self.checkQuery(phrase, field: "q")
        guard (1...Self.maximumLimit).contains(limit) else {
            throw .invalidInput(field: "limit", message: "must be between 1 and \(Self.maximumLimit)")
        }
        let side = side ?? Language.of(phrase)
        let key = Normalizer.key(phrase)
        let (ids, segments) = try indexes.read { (indexes: borrowing MemoryIndexes) throws(TMError) in
            let ids = indexes[side].ids(containing: key, limit: limit)
            return (ids, try store.segments(ids: ids))
        }
        let hits = ids.compactMap { id -> ConcordanceHit? in
            guard let segment = segments[id] else { return nil }
            let text = side == .ko ? segment.ko : segment.en
            let spans = FoldedText(text).occurrences(of: key).map { ConcordanceHit.Span(start: $0.lowerBound, end: $0.upperBound) }
            return ConcordanceHit(id: id, ko: segment.ko, en: segment.en, origin: segment.origin, side: side, spans: spans)
        }
        return ConcordanceResult(query: phrase, side: side, hits: hits)
    }

    /// The most recently updated pairs, for learning a dictionary from the memory.
    public func recentPairs(limit: Int) throws(TMError) -> [(ko: String, en: String)] {
        try store.recentPairs(limit: limit)
    }

    /// Counts and sizes.
    public func stats() throws(TMError) -> MemoryStats {
        let counts = try store.counts()
        let origins = try store.originCounts()
        let (ko, en) = indexes.read { ($0.ko.count, $0.en.count) }
        return MemoryStats(
            segments: counts.segments, terms: counts.terms, indexedKorean: ko, indexedEnglish: en, origins: origins,
            databaseBytes: store.fileSize())
    }

    /// Results per query are capped: a client asking for more gets an error, not a slow answer.
    public static let maximumLimit = 100

    // MARK: Import

    /// Streams a file into the memory in one transaction. A malformed unit makes the whole file fail
    /// (nothing imported) unless `skipBad`; either way the report counts what was added, already present
    /// and skipped, and why. `progress` is called with the number of units read, every 10,000.
    public func importFile(
        _ source: MemorySource, format: MemoryFormat, origin: String, skipBad: Bool, progress: ((Int) -> Void)? = nil
    ) throws(TMError) -> MemoryImportReport {
        let name = source.name
        return try writer.withLock { _ throws(TMError) -> MemoryImportReport in
            var tally = ImportTally()
            let time = Date().timeIntervalSince1970
            try store.write { db in
                // A 64 MiB page cache for the import only (SQLite's default is 2 MiB): a large transaction
                // otherwise spills pages to the log again and again. Readers keep the small default.
                try db.execute(sql: "PRAGMA cache_size = -65536")
                defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
                let largest = try TMStore.largestID(in: db)
                var seen: Set<Int64> = []
                try format.read(
                    source,
                    unit: { unit in
                        tally.read += 1
                        if tally.read % 10_000 == 0 { progress?(tally.read) }
                        let pair: TMStore.KeyedPair
                        do throws(TMError) {
                            pair = try TMStore.KeyedPair(ko: unit.ko, en: unit.en)
                        } catch {
                            try tally.skip(SkippedUnit(line: unit.line, reason: error.description, isError: true), skipBad: skipBad, file: name)
                            return
                        }
                        let id = try TMStore.upsert(pair, origin: origin, at: time, in: db)
                        if id > largest && seen.insert(id).inserted { tally.added += 1 } else { tally.present += 1 }
                        tally.ko.append((id, pair.koKey, time))
                        tally.en.append((id, pair.enKey, time))
                    },
                    skip: { skipped in try tally.skip(skipped, skipBad: skipBad, file: name) })
            }
            indexes.write { indexes in
                // A bulk add rebuilds the index once; a small import into a large memory goes in as new slots.
                if tally.ko.count * 4 >= indexes.ko.count {
                    indexes.ko.add(contentsOf: tally.ko)
                    indexes.en.add(contentsOf: tally.en)
                } else {
                    for entry in tally.ko { indexes.ko.add(id: entry.id, key: entry.key, recency: entry.recency) }
                    for entry in tally.en { indexes.en.add(id: entry.id, key: entry.key, recency: entry.recency) }
                }
            }
            return MemoryImportReport(
                file: name, format: format.rawValue, added: tally.added, alreadyPresent: tally.present,
                skipped: tally.skipped.values.reduce(0, +), skippedByReason: tally.skipped, problems: tally.problems)
        }
    }

    /// What an import has seen so far.
    private struct ImportTally {
        var read = 0
        var added = 0
        var present = 0
        /// What the indexes need of each stored unit: the keys already computed, not the texts.
        var ko: [(id: Int64, key: String, recency: Double)] = []
        var en: [(id: Int64, key: String, recency: Double)] = []
        var skipped: [String: Int] = [:]
        var problems: [SkippedUnit] = []

        mutating func skip(_ unit: SkippedUnit, skipBad: Bool, file: String) throws(TMError) {
            if unit.isError && !skipBad {
                throw .badFile(name: file, line: unit.line, message: "\(unit.reason) (nothing imported; --skip-bad imports the good units)")
            }
            skipped[unit.reason, default: 0] += 1
            if problems.count < 100 { problems.append(unit) }
        }
    }

    // MARK: Export

    /// Writes every pair in `format` (TMX or TSV), in id order, a page at a time: memory use stays flat
    /// however large the memory, and a slow reader (an HTTP client) holds back the export instead of
    /// filling a buffer.
    public func export(_ format: MemoryFormat, pageSize: Int = 2_000, to write: (String) async throws -> Void) async throws {
        let (prologue, unit, epilogue): (String, (Segment) -> String, String)
        switch format {
        case .tmx: (prologue, unit, epilogue) = (TMXWriter.prologue, TMXWriter.unit, TMXWriter.epilogue)
        case .tsv: (prologue, unit, epilogue) = (SegmentTSV.header, SegmentTSV.row, "")
        case .po: throw TMError.invalidInput(field: "format", message: "export writes tmx or tsv")
        }
        try await write(prologue)
        var after: Int64 = 0
        while true {
            let page = try store.segments(after: after, limit: pageSize)
            if !page.isEmpty { try await write(page.map(unit).joined()) }
            guard page.count == pageSize, let last = page.last else { break }
            after = last.id
        }
        try await write(epilogue)
    }

    // MARK: Helpers

    private static func index(id: Int64, _ pair: TMStore.KeyedPair, recency: Double, in indexes: inout MemoryIndexes) {
        indexes.ko.add(id: id, key: pair.koKey, recency: recency)
        indexes.en.add(id: id, key: pair.enKey, recency: recency)
    }

    private static func checkQuery(_ query: String, field: String) throws(TMError) {
        guard !query.trimmed.isEmpty else { throw .invalidInput(field: field, message: "the query is empty") }
        guard query.unicodeScalars.count <= TMStore.maximumSegmentLength else {
            throw .invalidInput(field: field, message: "the query is longer than \(TMStore.maximumSegmentLength) characters")
        }
    }

    /// An error about one pair of a batch, naming its position.
    private static func locate(_ error: TMError, at index: Int) -> TMError {
        guard case .invalidInput(let field, let message) = error else { return error }
        return .invalidInput(field: "[\(index)]" + (field.map { ".\($0)" } ?? ""), message: message)
    }
}
