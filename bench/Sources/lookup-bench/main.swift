// Glossary lookup benchmark: 100,000 lookups of mixed spellings (Hangul, house forms, listed variants,
// generated romanizations, near misses, unknown Hangul names) against the bundled glossary, one core.
// The baseline, measured in the same run, is a linear scan comparing the query's loose key with every
// spelling's: what a lookup would cost without the index.
import Foundation
import Glossary

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

let directory = URL(fileURLWithPath: CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "glossaries")
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tm-lookup-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }

let terms = try BundledGlossary.load(from: directory)
let store = try SQLiteStore(path: folder.appendingPathComponent("bench.sqlite").path) { terms }
var start = now()
let glossary = try TermGlossary(store: store)
let buildSeconds = now() - start
print("glossary: \(glossary.count) entries; index built in \(String(format: "%.3f", buildSeconds)) s (spellings generated and keyed)")

// The query mix, deterministic.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
var random = SplitMix(state: 42)
var pool: [String] = []
var allForms: [String] = []
for term in terms {
    pool.append(term.hangul)
    pool.append(term.english)
    pool.append(contentsOf: term.variants)
    allForms.append(term.hangul)
    allForms.append(term.english)
    allForms.append(contentsOf: term.variants)
    if term.kind == .person {
        let generated = Romanizer.variants(ofName: term.hangul).map(\.form)
        allForms.append(contentsOf: generated)
        pool.append(contentsOf: generated.prefix(3))
    }
}
let syllables = Array("가나다라마바사아자차카타파하김이박최정강조윤장임한오서신권황안송류홍".unicodeScalars)
var queries: [String] = []
queries.reserveCapacity(100_000)
while queries.count < 100_000 {
    let roll = Int.random(in: 0..<10, using: &random)
    let base = pool[Int.random(in: 0..<pool.count, using: &random)]
    switch roll {
    case 0:  // a near miss: one letter changed
        var scalars = Array(base.unicodeScalars)
        if scalars.count > 3 { scalars[Int.random(in: 1..<scalars.count, using: &random)] = "e" }
        queries.append(String(String.UnicodeScalarView(scalars)))
    case 1:  // an unknown Hangul name
        queries.append(String(String.UnicodeScalarView((0..<3).map { _ in syllables[Int.random(in: 0..<syllables.count, using: &random)] })))
    case 2:  // another letter case and spacing
        queries.append(base.uppercased().replacingOccurrences(of: "-", with: " "))
    default:
        queries.append(base)
    }
}

// tm's lookup.
var latencies: [Double] = []
latencies.reserveCapacity(queries.count)
var hits = 0
start = now()
for query in queries {
    let t0 = now()
    if try !glossary.lookup(query).matches.isEmpty { hits += 1 }
    latencies.append(now() - t0)
}
let total = now() - start
latencies.sort()
let sorted = latencies
let percentile = { (p: Double) -> Double in sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] * 1e6 }
print(
    String(
        format: "tm lookup: %d lookups in %.2f s = %.0f lookups/s; p50 %.0f µs, p95 %.0f µs, p99 %.0f µs; %d with a match",
        queries.count, total, Double(queries.count) / total, percentile(0.5), percentile(0.95), percentile(0.99), hits))

// Baseline: a linear scan over every spelling's loose key (exact matches only, no near misses), on a sample.
let looseKeys = allForms.map(Normalizer.looseKey)
let sample = queries.prefix(2_000)
start = now()
var scanHits = 0
for query in sample {
    let key = Normalizer.looseKey(query)
    if looseKeys.contains(key) { scanHits += 1 }
}
let scanPerLookup = (now() - start) / Double(sample.count)
let oursPerLookup = total / Double(queries.count)
print(String(format: "baseline linear scan over %d spellings (exact only): %.0f lookups/s", looseKeys.count, 1 / scanPerLookup))
print(
    String(
        format: "ratio: tm lookup is %.1f× the linear scan's speed (and also finds near misses and generates unknown names)",
        scanPerLookup / oursPerLookup))
