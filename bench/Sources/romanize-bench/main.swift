import Foundation
import Glossary

// Romanizes one million syllables of deterministic pseudo-random Korean text (words drawn from the RR test vectors),
// on one core, and compares with a naive letter-by-letter table lookup (no sound change) over the same text.

/// The words of the first column of rr.tsv.
func vectorWords() -> [String] {
    guard let url = Bundle.module.url(forResource: "rr", withExtension: "tsv"),
        let text = try? String(contentsOf: url, encoding: .utf8)
    else { return ["한국어", "서울", "학여울", "백마", "좋고"] }
    let words = text.split(separator: "\n").dropFirst().compactMap { $0.split(separator: "\t").first.map(String.init) }
    return words.isEmpty ? ["한국어"] : words
}

/// Text of at least `target` syllables: words picked by a linear congruential generator, joined by spaces.
func benchmarkText(syllables target: Int) -> (text: String, syllables: Int) {
    let words = vectorWords()
    var state: UInt64 = 0x5EED
    var pieces: [String] = []
    var count = 0
    while count < target {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        let word = words[Int((state >> 33) % UInt64(words.count))]
        pieces.append(word)
        count += word.unicodeScalars.filter { (0xAC00...0xD7A3).contains($0.value) }.count
    }
    return (pieces.joined(separator: " "), count)
}

/// The ICU-like baseline: each syllable's lead, vowel and tail looked up in a table, no sound change.
func naiveRomanize(_ text: String) -> String {
    let leads = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"]
    let vowels = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i"]
    let tails = [
        "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t",
    ]
    var out = ""
    out.reserveCapacity(text.utf8.count * 2)
    for scalar in text.unicodeScalars {
        let value = scalar.value
        guard (0xAC00...0xD7A3).contains(value) else {
            out.unicodeScalars.append(scalar)
            continue
        }
        let offset = Int(value - 0xAC00)
        out += leads[offset / 588]
        out += vowels[offset % 588 / 28]
        out += tails[offset % 28]
    }
    return out
}

func time(_ body: () -> String) -> (seconds: Double, bytes: Int) {
    let start = DispatchTime.now().uptimeNanoseconds
    let output = body()
    let end = DispatchTime.now().uptimeNanoseconds
    return (Double(end - start) / 1e9, output.utf8.count)
}

let (text, syllables) = benchmarkText(syllables: 1_000_000)
_ = Romanizer.romanize(String(text.prefix(1000)))  // build the tables before timing
print("text: \(syllables) syllables, \(text.utf8.count) bytes of UTF-8")
for (label, options) in [
    ("rr", RomanizationOptions()), ("mr", RomanizationOptions(system: .mr)),
    ("translit", RomanizationOptions(system: .translit)), ("place", RomanizationOptions(kind: .place)),
] {
    let result = time { Romanizer.romanize(text, options) }
    let rate = Double(syllables) / result.seconds
    print("\(label): \(String(format: "%.3f", result.seconds)) s, \(String(format: "%.0f", rate)) syllables/s, \(result.bytes) bytes out")
}
let engine = time { Romanizer.romanize(text) }
let baseline = time { naiveRomanize(text) }
let baselineRate = String(format: "%.0f", Double(syllables) / baseline.seconds)
print("naive table lookup baseline: \(String(format: "%.3f", baseline.seconds)) s, \(baselineRate) syllables/s")
print("ratio: \(String(format: "%.2f", engine.seconds / baseline.seconds))× the naive baseline time")
print(engine.seconds < 1 ? "goal met: 1 million syllables in under one second" : "goal missed: over one second")
