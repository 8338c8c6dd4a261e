// Fuzzy-match benchmark at the library level: index load time, memory, query latency and exactness against the
// brute-force scan. `bench/memory.sh` runs it on databases that `tm import` filled; it also runs by hand.
//
// Usage: fuzzy-bench (--db PATH | --corpus CORPUS.tsv) QUERIES [--sides ko,en] [--min 75] [--limit 5]
//                    [--results PREFIX] [--json] [--reference-queries N]
//   --db PATH       a tm database: loads it into `TranslationMemory` (the index build the CLI and the server do at
//                   start) and times `TranslationMemory.search`, which also fetches the matched rows from SQLite.
//                   The exact reference is a `FuzzyIndex` over the same stored pairs (read back through
//                   `TranslationMemory.export`, ids in store order), checked with `bruteForceSearch` on every query.
//   --corpus TSV    no database: one `FuzzyIndex` per side straight from a corpus (`en<TAB>ko`, escaped like
//                   /work/shared/bench: \\ \t \n \r; line number = id); only the index itself is timed.
//   QUERIES         make_queries.py output (qid side kind src_idx edit_rate text) or one query per line.
//   --results P     writes P.SIDE.jsonl: per query its id, latency and matches (id, score, text of the searched side).
//   --json          one JSON summary line per side on stdout (the human summary goes to stderr either way).
//   --reference-queries N  check only the first N queries against brute force (default: all).
//   --repeat N      time each query N times and keep its fastest time (default 1).
//   --latency-only  with --db: time `TranslationMemory.search` and nothing else (no reference index, no brute force),
//                   for a quick before/after comparison of two builds on one database.
// Keys are `Normalizer.key`, as the memory stores and searches them.
import Foundation
import Glossary

struct Options {
    var databasePath: String?
    var corpusPath: String?
    var queriesPath = ""
    var sides: [Language] = [.ko, .en]
    var minScore = 75
    var limit = 5
    var resultsPrefix: String?
    var json = false
    /// Brute force checks the first this many queries (each takes a second at ten million pairs).
    var referenceQueries = Int.max
    /// Each query is timed this many times and its fastest time kept (a busy machine adds noise, never speed).
    var repeats = 1
    /// Only the memory's search is timed: no reference index is built and nothing is checked.
    var latencyOnly = false

    static let usage =
        "fuzzy-bench (--db PATH | --corpus CORPUS.tsv) QUERIES [--sides ko,en] [--min 75] [--limit 5] [--results PREFIX] [--json] [--reference-queries N] [--repeat N] [--latency-only]"

    init(arguments: [String]) throws(BenchError) {
        var positional: [String] = []
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            func value() throws(BenchError) -> String {
                guard let next = iterator.next() else { throw .usage("\(argument) needs a value") }
                return next
            }
            func number() throws(BenchError) -> Int {
                let text = try value()
                guard let parsed = Int(text) else { throw .usage("\(argument): not a number: \(text)") }
                return parsed
            }
            switch argument {
            case "--db": databasePath = try value()
            case "--corpus": corpusPath = try value()
            case "--sides":
                let names = try value().split(separator: ",").map(String.init)
                let parsed = names.compactMap(Language.init(rawValue:))
                guard !parsed.isEmpty, parsed.count == names.count else { throw .usage("--sides takes ko, en or ko,en") }
                sides = parsed
            case "--min": minScore = try number()
            case "--limit": limit = try number()
            case "--results": resultsPrefix = try value()
            case "--json": json = true
            case "--reference-queries": referenceQueries = max(1, try number())
            case "--repeat": repeats = max(1, try number())
            case "--latency-only": latencyOnly = true
            case "-h", "--help": throw .usage(Self.usage)
            default: positional.append(argument)
            }
        }
        guard positional.count == 1, (databasePath == nil) != (corpusPath == nil) else { throw .usage(Self.usage) }
        guard (0...100).contains(minScore), (1...TranslationMemory.maximumLimit).contains(limit) else {
            throw .usage("--min takes 0...100, --limit 1...\(TranslationMemory.maximumLimit)")
        }
        queriesPath = positional[0]
    }
}

enum BenchError: Error, CustomStringConvertible {
    case usage(String)
    case unreadable(String)
    case failed(String)

    var description: String {
        switch self {
        case .usage(let message): "usage: \(message)"
        case .unreadable(let path): "cannot read \(path)"
        case .failed(let message): message
        }
    }
}

// MARK: Input

/// Undoes the corpus and export escaping: \\ \t \n \r (any other escaped character stands for itself).
func unescaped(_ field: some StringProtocol) -> String {
    guard field.contains("\\") else { return String(field) }
    var result = String.UnicodeScalarView()
    var escaping = false
    for scalar in field.unicodeScalars {
        if escaping {
            switch scalar {
            case "t": result.append("\t")
            case "n": result.append("\n")
            case "r": result.append("\r")
            default: result.append(scalar)
            }
            escaping = false
        } else if scalar == "\\" {
            escaping = true
        } else {
            result.append(scalar)
        }
    }
    return String(result)
}

/// The tab-separated fields of every non-empty line. Splits on bytes: a tab or line feed byte never occurs inside a
/// multi-byte UTF-8 sequence, and a combining mark after a tab must not join it into one Character.
func rows(of text: String) -> [[String]] {
    Array(text.utf8).split(separator: UInt8(ascii: "\n")).map { line in
        line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }
}

func contents(of path: String) throws(BenchError) -> String {
    guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path) }
    return String(decoding: data, as: UTF8.self)
}

/// A benchmark query: its id in the query file (or its line number) and its text.
struct Query {
    let id: Int
    let text: String
}

/// The queries of one side: rows of make_queries.py output whose side matches, or every line of a plain file.
func queries(in path: String, side: Language) throws(BenchError) -> [Query] {
    var result: [Query] = []
    for (lineNumber, fields) in rows(of: try contents(of: path)).enumerated() {
        if fields.count == 6 {
            guard fields[1] == side.rawValue, let id = Int(fields[0]) else { continue }  // also drops the header row
            result.append(Query(id: id, text: unescaped(fields[5])))
        } else {
            result.append(Query(id: lineNumber, text: unescaped(fields.joined(separator: "\t"))))
        }
    }
    return result
}

/// Both sides of every pair, position = id − 1.
struct PairTexts {
    var korean: [String] = []
    var english: [String] = []

    subscript(side: Language) -> [String] { side == .ko ? korean : english }
    var count: Int { korean.count }
}

/// A corpus TSV in the shared scripts' layout: `en<TAB>ko`, no header.
func corpusPairs(_ path: String) throws(BenchError) -> PairTexts {
    var pairs = PairTexts()
    for fields in rows(of: try contents(of: path)) where fields.count >= 2 {
        pairs.english.append(unescaped(fields[0]))
        pairs.korean.append(unescaped(fields[1]))
    }
    return pairs
}

/// Every stored pair as the TSV export writes it (`ko<TAB>en` after a header line), in id order.
func storedPairs(_ memory: TranslationMemory) async throws -> PairTexts {
    var pairs = PairTexts()
    var sawHeader = false
    try await memory.export(.tsv) { page in
        for fields in rows(of: page) {
            guard sawHeader else {
                sawHeader = true
                continue
            }
            guard fields.count >= 2 else { continue }
            pairs.korean.append(unescaped(fields[0]))
            pairs.english.append(unescaped(fields[1]))
        }
    }
    return pairs
}

// MARK: Measurement

/// Resident memory in MiB from /proc/self/status: VmHWM (peak) or VmRSS (now); nil off Linux.
func residentMiB(peak: Bool) -> Double? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    let field = peak ? "VmHWM:" : "VmRSS:"
    for line in status.split(separator: "\n") where line.hasPrefix(field) {
        // "VmHWM:\t 1079296 kB", and with eight digits no space after the tab.
        return line.split(whereSeparator: { $0 == " " || $0 == "\t" }).compactMap { Double($0) }.first.map { $0 / 1024 }
    }
    return nil
}

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

func seconds(_ duration: Duration) -> Double { milliseconds(duration) / 1000 }

/// Linear interpolation between closest ranks, as the shared baselines compute it.
func percentile(_ values: [Double], _ fraction: Double) -> Double {
    let sorted = values.sorted()
    guard let last = sorted.last else { return .nan }
    let rank = Double(sorted.count - 1) * fraction
    let low = Int(rank)
    let high = min(low + 1, sorted.count - 1)
    return low == high ? last : sorted[low] + (sorted[high] - sorted[low]) * (rank - Double(low))
}

struct Latency: Encodable {
    let p50: Double
    let p95: Double
    let p99: Double
    let max: Double
    let mean: Double

    init(_ values: [Double]) {
        p50 = percentile(values, 0.5)
        p95 = percentile(values, 0.95)
        p99 = percentile(values, 0.99)
        max = values.max() ?? .nan
        mean = values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
    }

    var summary: String { String(format: "p50 %.3f p95 %.3f p99 %.3f max %.3f", p50, p95, p99, max) }
}

/// One side's figures, as `memory.sh` reads them.
struct SideSummary: Encodable {
    let source: String
    let side: String
    let entries: Int
    let queries: Int
    let queriesWithMatch: Int
    let minScore: Int
    let limit: Int
    /// Loading the store into `TranslationMemory` (both sides), or building this side's `FuzzyIndex`.
    let loadSeconds: Double
    let residentAfterLoadMebibytes: Double?
    let peakResidentMebibytes: Double?
    /// `TranslationMemory.search` (with --db) or `FuzzyIndex.search`, wall time per query, ms.
    let search: Latency
    /// The `took_ms` the memory reports (the search without query checks), ms; nil with --corpus.
    let reportedTook: Latency?
    /// `FuzzyIndex.search` on the reference index alone, ms.
    let indexSearch: Latency
    let bruteForce: Latency
    let checkedQueries: Int
    /// Of the pairs brute force returns, the fraction `search` returns too (by id).
    let recall: Double
    /// Queries whose `search` answer equals brute force's exactly: ids, scores and order.
    let identical: Int
    /// Returned ids whose stored text differs from the reference's text for that id (must be 0: the id mapping holds).
    let referenceMismatches: Int
    /// Bytes per part of this side's index (`FuzzyIndex.footprint` of the reference index over the same pairs).
    let footprintBytes: [String: Int]
}

struct QueryRecord: Encodable {
    let qid: Int
    let ms: Double
    let matches: [[String]]
}

/// A search to time: takes the query, returns (id, score) hits best first.
typealias Searcher = (Query) throws -> [(id: Int64, score: Double)]

/// Times every query through `search` (after a short warm-up) and checks each answer against brute force on the
/// reference index.
func measure(
    side: Language, source: String, queries: [Query], reference: FuzzyIndex, texts: [String], options: Options,
    loadSeconds: Double, residentAfterLoad: Double?, search: Searcher, reportedTook: ((Query) throws -> Double)?,
    referenceMismatches: () -> Int = { 0 }
) throws -> SideSummary {
    let clock = ContinuousClock()
    let keys = queries.map { Normalizer.key($0.text) }
    for query in queries.prefix(20) { _ = try search(query) }

    var latencies: [Double] = []
    var tooks: [Double] = []
    var answers: [[(id: Int64, score: Double)]] = []
    for query in queries {
        var fastest = Double.infinity
        var hits: [(id: Int64, score: Double)] = []
        for _ in 0..<options.repeats {
            let start = clock.now
            hits = try search(query)
            fastest = min(fastest, milliseconds(clock.now - start))
        }
        latencies.append(fastest)
        answers.append(hits)
    }
    if let reportedTook {
        for query in queries { tooks.append(try reportedTook(query)) }
    }

    var indexLatencies: [Double] = []
    var bruteLatencies: [Double] = []
    var expectedTotal = 0
    var recalled = 0
    var identical = 0
    for (position, key) in keys.enumerated().prefix(options.referenceQueries) {
        var start = clock.now
        _ = reference.search(key, minScore: options.minScore, limit: options.limit)
        indexLatencies.append(milliseconds(clock.now - start))
        start = clock.now
        let expected = reference.bruteForceSearch(key, minScore: options.minScore, limit: options.limit)
        bruteLatencies.append(milliseconds(clock.now - start))
        let found = answers[position]
        let foundIDs = Set(found.map(\.id))
        expectedTotal += expected.count
        recalled += expected.filter { foundIDs.contains($0.id) }.count
        if expected.map(\.id) == found.map(\.id), zip(expected, found).allSatisfy({ abs($0.score - $1.score) < 1e-9 }) {
            identical += 1
        }
    }

    if let prefix = options.resultsPrefix {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        var output = Data()
        for (position, query) in queries.enumerated() {
            let matches = answers[position].map { hit -> [String] in
                let slot = Int(hit.id) - 1
                let text = texts.indices.contains(slot) ? texts[slot] : ""
                return [String(hit.id), String(hit.score), text]
            }
            output.append(try encoder.encode(QueryRecord(qid: query.id, ms: latencies[position], matches: matches)))
            output.append(UInt8(ascii: "\n"))
        }
        let path = "\(prefix).\(side.rawValue).jsonl"
        guard FileManager.default.createFile(atPath: path, contents: output) else { throw BenchError.failed("cannot write \(path)") }
    }

    return SideSummary(
        source: source, side: side.rawValue, entries: reference.count, queries: queries.count,
        queriesWithMatch: answers.filter { !$0.isEmpty }.count, minScore: options.minScore, limit: options.limit,
        loadSeconds: loadSeconds, residentAfterLoadMebibytes: residentAfterLoad, peakResidentMebibytes: residentMiB(peak: true),
        search: Latency(latencies), reportedTook: reportedTook == nil ? nil : Latency(tooks),
        indexSearch: Latency(indexLatencies), bruteForce: Latency(bruteLatencies), checkedQueries: min(keys.count, options.referenceQueries),
        recall: expectedTotal == 0 ? 1 : Double(recalled) / Double(expectedTotal), identical: identical,
        referenceMismatches: referenceMismatches(), footprintBytes: reference.footprint)
}

/// The reference index of one side: ids 1...n in `texts` order, equal recency (one import stamps every pair alike),
/// so ties break by id as in the memory.
func referenceIndex(_ texts: [String], side: Language) -> FuzzyIndex {
    var index = FuzzyIndex(gramLength: side == .ko ? 2 : 3)
    index.add(contentsOf: texts.enumerated().map { (id: Int64($0.offset + 1), key: Normalizer.key($0.element), recency: 0) })
    return index
}

func report(_ summary: SideSummary, json: Bool) throws {
    var lines = [
        "\(summary.source) side \(summary.side): \(summary.entries) entries, \(summary.queries) queries "
            + "(\(summary.queriesWithMatch) matched), min \(summary.minScore), limit \(summary.limit)",
        String(
            format: "  load %.2f s, RSS after load %.0f MiB, peak %.0f MiB", summary.loadSeconds, summary.residentAfterLoadMebibytes ?? .nan,
            summary.peakResidentMebibytes ?? .nan),
        "  search ms:       \(summary.search.summary)",
    ]
    if let took = summary.reportedTook { lines.append("  took_ms:         \(took.summary)") }
    lines += [
        "  index search ms: \(summary.indexSearch.summary)",
        "  brute force ms:  \(summary.bruteForce.summary)",
        String(
            format: "  recall %.4f, identical %d/%d, id mismatches %d; brute force p50 / search p50 = %.1f×",
            summary.recall, summary.identical, summary.checkedQueries, summary.referenceMismatches,
            summary.bruteForce.p50 / summary.search.p50),
    ]
    FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    if json {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        print(String(decoding: try encoder.encode(summary), as: UTF8.self))
    }
}

// MARK: Runs

func runOnDatabase(_ path: String, options: Options) async throws {
    guard FileManager.default.fileExists(atPath: path) else { throw BenchError.unreadable(path) }
    let clock = ContinuousClock()
    let loadStart = clock.now
    let memory = TranslationMemory(store: try SQLiteStore(path: path))
    let loadSeconds = seconds(clock.now - loadStart)
    let residentAfterLoad = residentMiB(peak: false)
    if options.latencyOnly {
        try timeSearches(memory, options: options)
        return
    }
    let pairs = try await storedPairs(memory)
    let stats = try memory.stats()
    guard pairs.count == stats.segments else {
        throw BenchError.failed("the export gave \(pairs.count) pairs, the store holds \(stats.segments)")
    }
    for side in options.sides {
        let texts = pairs[side]
        let reference = referenceIndex(texts, side: side)
        var mismatches = 0
        let search: Searcher = { query in
            let result = try memory.search(query.text, from: side, minScore: options.minScore, limit: options.limit)
            return result.matches.map { match in
                let slot = Int(match.id) - 1
                if !texts.indices.contains(slot) || texts[slot] != (side == .ko ? match.ko : match.en) { mismatches += 1 }
                return (match.id, match.score)
            }
        }
        let took: (Query) throws -> Double = { query in
            try memory.search(query.text, from: side, minScore: options.minScore, limit: options.limit).tookMs
        }
        let summary = try measure(
            side: side, source: path, queries: try queries(in: options.queriesPath, side: side), reference: reference, texts: texts,
            options: options, loadSeconds: loadSeconds, residentAfterLoad: residentAfterLoad, search: search, reportedTook: took,
            referenceMismatches: { mismatches })
        try report(summary, json: options.json)
    }
}

/// `--latency-only`: each side's queries through `TranslationMemory.search`, after a warm-up that loads the indexes.
func timeSearches(_ memory: TranslationMemory, options: Options) throws {
    let clock = ContinuousClock()
    for side in options.sides {
        let sideQueries = try queries(in: options.queriesPath, side: side)
        let start = clock.now
        for query in sideQueries.prefix(20) { _ = try memory.search(query.text, from: side, minScore: options.minScore, limit: options.limit) }
        let warmUp = seconds(clock.now - start)
        var latencies: [Double] = []
        for query in sideQueries {
            var fastest = Double.infinity
            for _ in 0..<options.repeats {
                let begun = clock.now
                _ = try memory.search(query.text, from: side, minScore: options.minScore, limit: options.limit)
                fastest = min(fastest, milliseconds(clock.now - begun))
            }
            latencies.append(fastest)
        }
        let latency = Latency(latencies)
        print(
            "\(side.rawValue): \(sideQueries.count) queries, warm-up \(String(format: "%.2f", warmUp)) s, search ms \(latency.summary), mean \(String(format: "%.3f", latency.mean))"
        )
    }
}

func runOnCorpus(_ path: String, options: Options) throws {
    let pairs = try corpusPairs(path)
    let clock = ContinuousClock()
    for side in options.sides {
        let texts = pairs[side]
        let start = clock.now
        let index = referenceIndex(texts, side: side)
        let loadSeconds = seconds(clock.now - start)
        let search: Searcher = { query in
            index.search(Normalizer.key(query.text), minScore: options.minScore, limit: options.limit).map { ($0.id, $0.score) }
        }
        let summary = try measure(
            side: side, source: path, queries: try queries(in: options.queriesPath, side: side), reference: index, texts: texts,
            options: options, loadSeconds: loadSeconds, residentAfterLoad: residentMiB(peak: false), search: search, reportedTook: nil)
        try report(summary, json: options.json)
    }
}

func main() async -> Int32 {
    do {
        let options = try Options(arguments: CommandLine.arguments)
        if let path = options.databasePath {
            try await runOnDatabase(path, options: options)
        } else if let path = options.corpusPath {
            try runOnCorpus(path, options: options)
        }
        return 0
    } catch {
        FileHandle.standardError.write(Data("fuzzy-bench: \(error)\n".utf8))
        return error is BenchError ? 2 : 1
    }
}

exit(await main())
