import Foundation
import Glossary

// align-eval [ALIGN_DEV_DIR] [--fit] [--try=NAME=V1,V2,…] [--errors [--held-out]] [--splits [--show]] [--speed]
// Scores SentenceAligner on align-dev from raw text and from gold sentences, on all documents, on 001-030
// (where the parameters were fitted) and on 031-061 (not used for fitting); times a 2,000-sentence document.
// --fit re-estimates the cost model on 001-030 and prints it; --speed only times the 2,000-sentence document.

let arguments = Array(CommandLine.arguments.dropFirst())
let folder = URL(fileURLWithPath: arguments.first { !$0.hasPrefix("--") } ?? "/work/shared/data/align-dev", isDirectory: true)
let documents = try Document.loadAll(from: folder)
let fitting = documents.filter { $0.id <= "030" }
let heldOut = documents.filter { $0.id > "030" }
// The repository root, five levels above this file: bench/align/Sources/align-eval/main.swift.
var repository = URL(fileURLWithPath: #filePath)
for _ in 0..<5 { repository.deleteLastPathComponent() }
let terms = (try? BundledGlossary.load(from: repository.appendingPathComponent("glossaries"))) ?? []
print("align-dev: \(documents.count) documents from \(folder.path); glossary: \(terms.count) terms")

/// Scores raw-text alignment; returns the score, the sentence count and the seconds spent aligning.
func scoreRaw(_ aligner: SentenceAligner, _ documents: [Document]) -> (score: Score, sentences: Int, seconds: Double) {
    var score = Score()
    var sentences = 0
    var seconds = 0.0
    for document in documents {
        let start = Date()
        let alignment = aligner.align(korean: document.koText, english: document.enText)
        seconds += Date().timeIntervalSince(start)
        sentences += alignment.koSentences.count + alignment.enSentences.count
        let (koMap, enMap) = goldSentenceMaps(of: alignment, in: document)
        let predicted = goldBeads(of: alignment.beads.map { ($0.ko, $0.en) }, koMap: koMap, enMap: enMap)
        score.add(predicted: predicted, gold: document.goldBeads.map { GoldBead(ko: Set($0.ko), en: Set($0.en)) })
    }
    return (score, sentences, seconds)
}

/// Scores alignment of the gold sentences (no splitting, no paragraph information).
func scoreGold(_ aligner: SentenceAligner, _ documents: [Document]) -> Score {
    var score = Score()
    for document in documents {
        let beads = aligner.align(koSentences: document.koGold, enSentences: document.enGold)
        score.add(
            predicted: beads.map { GoldBead(ko: Set($0.ko), en: Set($0.en)) },
            gold: document.goldBeads.map { GoldBead(ko: Set($0.ko), en: Set($0.en)) })
    }
    return score
}

var model = AlignmentCostModel.standard

// --speed: only the 2,000-sentence document, aligned five times (for profiling).
if arguments.contains("--speed") {
    var pieces: [Document] = []
    var koCount = 0
    while koCount < 2_000 {
        for document in documents where koCount < 2_000 {
            pieces.append(document)
            koCount += document.koGold.count
        }
    }
    let long = Document.concatenated(pieces, id: "long")
    let aligner = SentenceAligner(terms: terms, model: model)
    for _ in 0..<5 {
        let start = Date()
        _ = aligner.align(korean: long.koText, english: long.enText)
        print(String(format: "2,000-sentence document: %.3f s", Date().timeIntervalSince(start)))
    }
    exit(0)
}
if arguments.contains("--fit") {
    model = fit(on: fitting, terms: terms, start: model)
}
// --try=NAME=V1,V2,…: scores raw text on 001-030 and 031-061 with one weight of the model set to each value.
if let option = arguments.first(where: { $0.hasPrefix("--try=") }) {
    let parts = option.dropFirst("--try=".count).split(separator: "=")
    let paths = Dictionary(uniqueKeysWithValues: tunableWeights.map { ($0.name, $0.path) })
    guard parts.count == 2, let path = paths[String(parts[0])] else {
        print("--try=NAME=V1,V2,… with NAME one of \(tunableWeights.map(\.name).joined(separator: ", "))")
        exit(1)
    }
    for value in parts[1].split(separator: ",").compactMap({ Double($0) }) {
        var candidate = model
        candidate[keyPath: path] = value
        let tried = SentenceAligner(terms: terms, model: candidate)
        let (all, fitted, held) = (scoreRaw(tried, documents).score, scoreRaw(tried, fitting).score, scoreRaw(tried, heldOut).score)
        print(
            String(
                format: "%@ = %.3f: bead F1 all %.4f, 001-030 %.4f, 031-061 %.4f; gold sentences 001-030 %.4f, 031-061 %.4f", String(parts[0]), value,
                all.beadF1, fitted.beadF1, held.beadF1,
                scoreGold(tried, fitting).beadF1, scoreGold(tried, heldOut).beadF1)
        )
    }
    exit(0)
}
let aligner = SentenceAligner(terms: terms, model: model)

for (title, set) in [("all 61", documents), ("001-030 (fitted)", fitting), ("031-061 (held out)", heldOut)] {
    let raw = scoreRaw(aligner, set)
    print(raw.score.report("Raw text, \(title):"))
    print(String(format: "  speed: %.0f sentences/s", Double(raw.sentences) / raw.seconds))
}
// Baseline in the same run: the same search with length and bead-shape costs only (Gale–Church style):
// no anchors, no paragraphs, no cues, no dictionary.
var lengthOnly = model
lengthOnly.anchorWeight = 0
lengthOnly.soundWeight = 0
lengthOnly.paragraphPenalty = 0
lengthOnly.missingNumberPenalty = 0
lengthOnly.missingNamePenalty = 0
lengthOnly.joinedMergeCost = 0
lengthOnly.unjoinedMergeCost = 0
let baseline = SentenceAligner(terms: [], model: lengthOnly)
let baselineAll = scoreRaw(baseline, documents).score
let baselineHeldOut = scoreRaw(baseline, heldOut).score
print(baselineAll.report("Baseline (length only, Gale–Church style), raw text, all 61:"))
print(baselineHeldOut.report("Baseline (length only), raw text, 031-061:"))
let ours = scoreRaw(aligner, heldOut).score
print(
    String(
        format: "ratio of bead errors (1 − F1), 031-061: tm %.3f vs length-only %.3f = %.2f× fewer errors",
        1 - ours.beadF1, 1 - baselineHeldOut.beadF1, (1 - baselineHeldOut.beadF1) / max(1e-9, 1 - ours.beadF1)))
print(scoreGold(aligner, documents).report("Gold sentences (reference, no paragraphs), all 61:"))
print(scoreGold(aligner, heldOut).report("Gold sentences, 031-061:"))

// The memory dictionary: learn from the gold 1-1 pairs of 001-030, align 031-061.
let memory = fitting.flatMap { document in
    document.goldBeads.filter { $0.ko.count == 1 && $0.en.count == 1 }.map { (ko: document.koGold[$0.ko[0]], en: document.enGold[$0.en[0]]) }
}
let withMemory = SentenceAligner(terms: terms, memory: memory, model: model)
print(scoreRaw(withMemory, heldOut).score.report("Raw text, 031-061, with a memory of the \(memory.count) gold 1-1 pairs of 001-030:"))

// A long document: align-dev documents end to end until there are 2,000 Korean sentences.
var pieces: [Document] = []
var koCount = 0
while koCount < 2_000 {
    for document in documents where koCount < 2_000 {
        pieces.append(document)
        koCount += document.koGold.count
    }
}
let long = Document.concatenated(pieces, id: "long")
let longResult = scoreRaw(aligner, [long])
print(longResult.score.report("Synthetic document (\(koCount) gold Korean sentences, \(long.enGold.count) English):"))
print(String(format: "  aligned in %.3f s (%.0f sentences/s)", longResult.seconds, Double(longResult.sentences) / longResult.seconds))

// --errors: the beads the aligner got wrong on 001-030 (031-061 with --held-out), to see what the cost model misses.
if arguments.contains("--errors") {
    for document in arguments.contains("--held-out") ? heldOut : fitting {
        let alignment = aligner.align(korean: document.koText, english: document.enText)
        let (koMap, enMap) = goldSentenceMaps(of: alignment, in: document)
        let predicted = Set(goldBeads(of: alignment.beads.map { ($0.ko, $0.en) }, koMap: koMap, enMap: enMap))
        let gold = Set(document.goldBeads.map { GoldBead(ko: Set($0.ko), en: Set($0.en)) })
        func show(_ bead: GoldBead) -> String {
            let ko = bead.ko.sorted().map { "  KO\($0): " + String(document.koGold[$0].prefix(70)) }
            let en = bead.en.sorted().map { "  EN\($0): " + String(document.enGold[$0].prefix(90)) }
            return (ko + en).joined(separator: "\n")
        }
        func position(_ bead: GoldBead) -> Int { bead.ko.min() ?? bead.en.min() ?? 0 }
        for bead in predicted.subtracting(gold).sorted(by: { position($0) < position($1) }) {
            print("[\(document.id)] predicted \(bead.type):\n\(show(bead))")
        }
    }
}

// --splits: how the aligner's sentence splitter cuts the gold sentences (pieces per gold sentence).
if arguments.contains("--splits") {
    for (title, set) in [("001-030", fitting), ("031-061", heldOut)] {
        var counts = (koGold: 0, koRaw: 0, enGold: 0, enRaw: 0)
        for document in set {
            let alignment = aligner.align(korean: document.koText, english: document.enText)
            counts.koGold += document.koGold.count
            counts.enGold += document.enGold.count
            counts.koRaw += alignment.koSentences.count
            counts.enRaw += alignment.enSentences.count
            if arguments.contains("--show") {
                for sentence in alignment.enSentences where !document.enGold.contains(sentence) {
                    print("  [\(document.id)] EN piece: \(sentence.prefix(100))")
                }
                for sentence in alignment.koSentences where !document.koGold.contains(sentence) {
                    print("  [\(document.id)] KO piece: \(sentence.prefix(80))")
                }
            }
        }
        print("\(title): Korean \(counts.koGold) gold → \(counts.koRaw) split; English \(counts.enGold) gold → \(counts.enRaw) split")
    }
}
