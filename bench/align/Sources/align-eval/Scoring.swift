import Glossary

/// A bead as two sets of gold sentence indices.
struct GoldBead: Hashable {
    let ko: Set<Int>
    let en: Set<Int>
    var type: String { "\(ko.count)-\(en.count)" }
}

/// Counts for precision and recall of beads and links, summed over documents (micro-average), also per bead type.
struct Score {
    var beadsMatched = 0
    var beadsPredicted = 0
    var beadsGold = 0
    var linksMatched = 0
    var linksPredicted = 0
    var linksGold = 0
    var goldByType: [String: Int] = [:]
    var recalledByType: [String: Int] = [:]
    var predictedByType: [String: Int] = [:]
    var correctByType: [String: Int] = [:]

    mutating func add(predicted: [GoldBead], gold: [GoldBead]) {
        let goldSet = Set(gold)
        let predictedSet = Set(predicted)
        beadsPredicted += predicted.count
        beadsGold += gold.count
        for bead in predicted {
            predictedByType[bead.type, default: 0] += 1
            if goldSet.contains(bead) {
                beadsMatched += 1
                correctByType[bead.type, default: 0] += 1
            }
        }
        for bead in gold {
            goldByType[bead.type, default: 0] += 1
            if predictedSet.contains(bead) { recalledByType[bead.type, default: 0] += 1 }
        }
        let predictedLinks = Set(predicted.flatMap { bead in bead.ko.flatMap { k in bead.en.map { [k, $0] } } })
        let goldLinks = Set(gold.flatMap { bead in bead.ko.flatMap { k in bead.en.map { [k, $0] } } })
        linksPredicted += predictedLinks.count
        linksGold += goldLinks.count
        linksMatched += predictedLinks.intersection(goldLinks).count
    }

    static func prf(_ matched: Int, _ predicted: Int, _ gold: Int) -> (p: Double, r: Double, f: Double) {
        let p = predicted == 0 ? 0 : Double(matched) / Double(predicted)
        let r = gold == 0 ? 0 : Double(matched) / Double(gold)
        return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r))
    }

    var beadF1: Double { Self.prf(beadsMatched, beadsPredicted, beadsGold).f }

    func report(_ title: String) -> String {
        func format(_ value: Double) -> String { String(format: "%.3f", value) }
        let beads = Self.prf(beadsMatched, beadsPredicted, beadsGold)
        let links = Self.prf(linksMatched, linksPredicted, linksGold)
        var lines = [
            "\(title)",
            "  beads  P \(format(beads.p))  R \(format(beads.r))  F1 \(format(beads.f))   (\(beadsMatched) of \(beadsGold) gold, \(beadsPredicted) predicted)",
            "  links  P \(format(links.p))  R \(format(links.r))  F1 \(format(links.f))",
        ]
        for type in ["1-1", "1-2", "2-1", "1-0", "0-1"] {
            let typed = Self.prf(correctByType[type] ?? 0, predictedByType[type] ?? 0, goldByType[type] ?? 0)
            lines.append(
                "  \(type)    P \(format(typed.p))  R \(format(typed.r))  F1 \(format(typed.f))   (gold \(goldByType[type] ?? 0), predicted \(predictedByType[type] ?? 0))"
            )
        }
        let other = predictedByType.filter { !["1-1", "1-2", "2-1", "1-0", "0-1"].contains($0.key) }.values.reduce(0, +)
        if other > 0 { lines.append("  other predicted shapes: \(other)") }
        return lines.joined(separator: "\n")
    }
}

/// Maps a raw-text alignment onto gold sentences: each predicted sentence goes to the gold sentence it overlaps
/// most; a bead becomes the gold sentences it covers; beads sharing a gold sentence are merged.
func goldBeads(of predicted: [(ko: [Int], en: [Int])], koMap: [Int?], enMap: [Int?]) -> [GoldBead] {
    var beads = predicted.map { bead in (ko: Set(bead.ko.compactMap { koMap[$0] }), en: Set(bead.en.compactMap { enMap[$0] })) }
    // Union-find over beads through the gold sentences they share.
    var parent = Array(beads.indices)
    func root(_ x: Int) -> Int {
        var x = x
        while parent[x] != x {
            parent[x] = parent[parent[x]]
            x = parent[x]
        }
        return x
    }
    var koOwner: [Int: Int] = [:]
    var enOwner: [Int: Int] = [:]
    for (index, bead) in beads.enumerated() {
        for k in bead.ko {
            if let owner = koOwner[k] { parent[root(index)] = root(owner) } else { koOwner[k] = index }
        }
        for e in bead.en {
            if let owner = enOwner[e] { parent[root(index)] = root(owner) } else { enOwner[e] = index }
        }
    }
    var merged: [Int: (ko: Set<Int>, en: Set<Int>)] = [:]
    for index in beads.indices {
        let r = root(index)
        merged[r, default: ([], [])].ko.formUnion(beads[index].ko)
        merged[r, default: ([], [])].en.formUnion(beads[index].en)
    }
    beads = merged.values.filter { !$0.ko.isEmpty || !$0.en.isEmpty }
    return beads.map { GoldBead(ko: $0.ko, en: $0.en) }
}

/// For each sentence `alignment` split `document` into, the gold sentence it overlaps most, on each side.
func goldSentenceMaps(of alignment: Alignment, in document: Document) -> (ko: [Int?], en: [Int?]) {
    (
        mostOverlapping(offsets(of: alignment.koSentences, in: document.koText), gold: offsets(of: document.koGold, in: document.koText)),
        mostOverlapping(offsets(of: alignment.enSentences, in: document.enText), gold: offsets(of: document.enGold, in: document.enText))
    )
}

/// For each predicted sentence range, the gold sentence it overlaps most (nil when none).
func mostOverlapping(_ predicted: [Range<Int>], gold: [Range<Int>]) -> [Int?] {
    predicted.map { range in
        var best: Int?
        var bestOverlap = 0
        for (index, goldRange) in gold.enumerated() {
            let overlap = min(range.upperBound, goldRange.upperBound) - max(range.lowerBound, goldRange.lowerBound)
            if overlap > bestOverlap {
                bestOverlap = overlap
                best = index
            }
        }
        return best
    }
}
