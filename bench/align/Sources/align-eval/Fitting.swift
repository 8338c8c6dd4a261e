import Foundation
import Glossary

/// Fits the cost model on `documents`: the length ratio and shape frequencies from the gold beads, then the anchor,
/// sound, paragraph, missing-anchor, merge-cue and unmatched-prior weights by a grid search for raw-text bead F1.
func fit(on documents: [Document], terms: [Term], start: AlignmentCostModel) -> AlignmentCostModel {
    var model = start
    var ratios: [Double] = []
    var shapes: [BeadShape: Int] = [:]
    for document in documents {
        for bead in document.goldBeads {
            shapes[BeadShape(ko: bead.ko.count, en: bead.en.count), default: 0] += 1
            guard bead.ko.count == 1, bead.en.count == 1 else { continue }
            let ko = Double(jamoLength(document.koGold[bead.ko[0]])) + 8
            let en = Double(document.enGold[bead.en[0]].unicodeScalars.count) + 8
            ratios.append(log(en / ko))
        }
    }
    let mean = ratios.reduce(0, +) / Double(ratios.count)
    let variance = ratios.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(ratios.count - 1)
    model.lengthMean = mean
    model.lengthDeviation = variance.squareRoot()
    let total = Double(shapes.values.reduce(0, +))
    for (shape, count) in shapes { model.shapeProbabilities[shape] = Double(count) / total }
    print(String(format: "fit: length log-ratio mean %.4f, deviation %.4f over %d gold 1-1 beads", mean, model.lengthDeviation, ratios.count))
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
        ("mergeCueWeight", \.mergeCueWeight, [0.0, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0]),
        ("unmatchedPriorFactor", \.unmatchedPriorFactor, [0.5, 0.75, 1.0, 1.5, 2.0, 3.0]),
        ("pieceSplitPenalty", \.pieceSplitPenalty, [0.0, 0.5, 1.0, 2.0, 3.0, 5.0]),
    ]
}
