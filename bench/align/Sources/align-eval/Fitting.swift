import Foundation
import Glossary

/// Fits the cost model on `documents`: the length ratio from the gold 1-1 beads, the shape frequencies from the gold
/// beads over the split raw text, then the anchor, sound, paragraph, missing-anchor, merge-cue, unmatched-prior and
/// piece weights by a coordinate search for raw-text bead F1.
func fit(on documents: [Document], terms: [Term], start: AlignmentCostModel) -> AlignmentCostModel {
    var model = start
    var ratios: [Double] = []
    for document in documents {
        for bead in document.goldBeads where bead.ko.count == 1 && bead.en.count == 1 {
            let ko = Double(jamoLength(document.koGold[bead.ko[0]])) + 8
            let en = Double(document.enGold[bead.en[0]].unicodeScalars.count) + 8
            ratios.append(log(en / ko))
        }
    }
    let mean = ratios.reduce(0, +) / Double(ratios.count)
    let variance = ratios.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(ratios.count - 1)
    model.lengthMean = mean
    model.lengthDeviation = variance.squareRoot()
    print(String(format: "fit: length log-ratio mean %.4f, deviation %.4f over %d gold 1-1 beads", mean, model.lengthDeviation, ratios.count))
    // Bead shapes as the aligner meets them: over the sentences it splits the raw text into, where a gold sentence
    // cut in two turns a 1-1 bead into a 1-2. Shapes seen fewer than three times are left out, and so is 2-2 (it
    // mostly swallows two 1-1 beads that share a name).
    var shapes: [BeadShape: Int] = [:]
    let splitter = SentenceAligner(model: model)
    for document in documents {
        for bead in rawBeads(of: document, aligner: splitter) {
            shapes[BeadShape(ko: bead.ko.count, en: bead.en.count), default: 0] += 1
        }
    }
    let kept = shapes.filter { $0.value >= 3 && $0.key != BeadShape(ko: 2, en: 2) }
    let total = Double(kept.values.reduce(0, +))
    model.shapeProbabilities = kept.mapValues { Double($0) / total }
    print(
        "fit: shapes "
            + model.shapeProbabilities.sorted { $0.value > $1.value }.map { "\($0.key) \(String(format: "%.3f", $0.value))" }.joined(separator: ", "))
    // Coordinate search: each weight in turn over a few values, twice round.
    var best = (f1: scoreRaw(SentenceAligner(terms: terms, model: model), documents).score.beadF1, model: model)
    for _ in 0..<2 {
        for (name, path, values) in tunableWeights {
            for value in values {
                var candidate = best.model
                candidate[keyPath: path] = value
                let f1 = scoreRaw(SentenceAligner(terms: terms, model: candidate), documents).score.beadF1
                if f1 > best.f1 + 1e-9 { best = (f1, candidate) }
            }
            print(String(format: "fit: %@ %.2f → bead F1 %.4f on the fitting set", name, best.model[keyPath: path], best.f1))
        }
    }
    return best.model
}

/// Korean length in jamo, as the aligner counts it.
func jamoLength(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { length, scalar in
        switch scalar.value {
        case 0xAC00...0xD7A3: length + ((scalar.value - 0xAC00) % 28 == 0 ? 2 : 3)
        default: length + (scalar.properties.isWhitespace ? 0 : 1)
        }
    }
}

/// The weights the fit searches, with the values it tries.
var tunableWeights: [(name: String, path: WritableKeyPath<AlignmentCostModel, Double>, values: [Double])] {
    [
        ("anchorWeight", \.anchorWeight, [0.25, 0.5, 0.75, 1.0, 1.5, 2.0]),
        ("soundWeight", \.soundWeight, [0.0, 0.25, 0.5, 0.75, 1.0]),
        ("paragraphPenalty", \.paragraphPenalty, [1.0, 2.0, 3.0, 4.0, 6.0, 8.0]),
        ("unequalParagraphsFactor", \.unequalParagraphsFactor, [0.0, 0.25, 0.5, 1.0]),
        ("missingNumberPenalty", \.missingNumberPenalty, [0.0, 0.25, 0.5, 1.0, 1.5]),
        ("missingNamePenalty", \.missingNamePenalty, [0.0, 0.25, 0.5, 1.0, 1.5]),
        ("joinedMergeCost", \.joinedMergeCost, [0.0, -1.0, -2.0, -3.0, -4.0]),
        ("unjoinedMergeCost", \.unjoinedMergeCost, [0.0, 1.0, 2.0, 3.0, 4.0]),
        ("unmatchedPriorFactor", \.unmatchedPriorFactor, [0.5, 0.75, 1.0, 1.5, 2.0, 3.0]),
        ("pieceSplitPenalty", \.pieceSplitPenalty, [0.0, 0.5, 1.0, 2.0, 3.0, 5.0]),
    ]
}

/// The gold alignment of `document` over the sentences the aligner splits its raw text into: each split sentence
/// joins the bead of the gold sentence it overlaps most, so a gold sentence that the splitter cut in two gives a
/// bead with two sentences on that side.
func rawBeads(of document: Document, aligner: SentenceAligner) -> [(ko: [Int], en: [Int])] {
    let (koMap, enMap) = goldSentenceMaps(of: aligner.align(korean: document.koText, english: document.enText), in: document)
    var koBead: [Int: Int] = [:]
    var enBead: [Int: Int] = [:]
    for (index, bead) in document.goldBeads.enumerated() {
        for k in bead.ko { koBead[k] = index }
        for e in bead.en { enBead[e] = index }
    }
    var beads = document.goldBeads.map { _ in (ko: [Int](), en: [Int]()) }
    for (sentence, gold) in koMap.enumerated() {
        if let gold, let bead = koBead[gold] { beads[bead].ko.append(sentence) }
    }
    for (sentence, gold) in enMap.enumerated() {
        if let gold, let bead = enBead[gold] { beads[bead].en.append(sentence) }
    }
    return beads.filter { !$0.ko.isEmpty || !$0.en.isEmpty }
}
