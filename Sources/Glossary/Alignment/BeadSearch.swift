import Foundation

/// The dynamic program over beads: the cheapest path of beads through the Korean × English sentence grid
/// (Viterbi), and each chosen bead's posterior probability (forward–backward) as its confidence.
///
/// Only a band around the diagonal is searched, so the work grows with the sentence count times the band width,
/// not with the product of the two counts.
struct BeadSearch {
    /// One bead of the best path: half-open sentence ranges and the bead's posterior probability.
    struct Step {
        let ko: Range<Int>
        let en: Range<Int>
        let posterior: Double
    }

    let model: AlignmentCostModel
    let koAnchors: [SentenceAnchors]
    let enAnchors: [SentenceAnchors]
    /// Whether each sentence reads like two joined (see `KoreanWords.hasJoinedClauses`).
    let koJoined: [Bool]
    let enJoined: [Bool]
    /// For each sentence but the last, whether the next one reads like its continuation (see `SentencePieces`).
    let koContinues: [Bool]
    let enContinues: [Bool]
    /// Each Korean sentence's `nameCount`.
    private let koNames: [Int]
    /// Whether a paragraph starts at each sentence position 0...count (both ends count); nil when unknown.
    let koBreaks: [Bool]?
    let enBreaks: [Bool]?
    /// The cost of a paragraph break on one side facing none on the other: lower when the paragraph counts
    /// differ, since then some breaks must go unmatched.
    let paragraphPenalty: Double

    private let koPrefixLengths: [Int]
    private let enPrefixLengths: [Int]
    private let shapes: [BeadShape]
    private let shapeCosts: [Double]
    private let lengthModel: LengthModel
    /// log(length + 8) for every length a bead can have.
    private let logLengths: [Double]

    init(
        model: AlignmentCostModel, koSentences: [String], enSentences: [String], koAnchors: [SentenceAnchors], enAnchors: [SentenceAnchors],
        koJoined: [Bool], enJoined: [Bool], koParagraphs: [Int]?, enParagraphs: [Int]?, koContinues: [Bool], enContinues: [Bool]
    ) {
        self.model = model
        self.koAnchors = koAnchors
        self.enAnchors = enAnchors
        self.koJoined = koJoined
        self.enJoined = enJoined
        self.koContinues = koContinues
        self.enContinues = enContinues
        koNames = koAnchors.map(\.nameCount)
        let paragraphsAgree = koParagraphs?.last == enParagraphs?.last
        paragraphPenalty = paragraphsAgree ? model.paragraphPenalty : model.paragraphPenalty * model.unequalParagraphsFactor
        koBreaks = koParagraphs.map(Self.breaks)
        enBreaks = enParagraphs.map(Self.breaks)
        koPrefixLengths = koSentences.reduce(into: [0]) { $0.append($0[$0.count - 1] + LengthModel.koreanLength($1)) }
        enPrefixLengths = enSentences.reduce(into: [0]) { $0.append($0[$0.count - 1] + LengthModel.englishLength($1)) }
        let table = model.shapeProbabilities.filter { $0.value > 0 && ($0.key.ko > 0 || $0.key.en > 0) }.sorted { $0.value > $1.value }
        shapes = table.map(\.key)
        shapeCosts = table.map { shape, probability in
            -log(shape.ko == 0 || shape.en == 0 ? probability * model.unmatchedPriorFactor : probability)
        }
        lengthModel = model.lengthModel
        let widest = shapes.reduce(1) { max($0, $1.ko, $1.en) }
        func longestRun(_ prefix: [Int]) -> Int {
            prefix.indices.dropFirst().reduce(0) { longest, end in max(longest, prefix[end] - prefix[max(0, end - widest)]) }
        }
        logLengths = LengthModel.logTable(upTo: max(longestRun(koPrefixLengths), longestRun(enPrefixLengths)))
    }

    /// The best path from (0, 0) to (n, m), in document order. Both sides must be non-empty.
    ///
    /// The search starts in a narrow band and widens it (up to `bandBase` plus the square root of the sentence
    /// count) only when the best path comes near the band's edge, so a text that keeps to the diagonal costs
    /// little.
    func run() -> [Step] {
        let n = koAnchors.count
        let m = enAnchors.count
        let fullWidth = model.bandBase + Int(Double(n + m).squareRoot())
        var halfWidth = min(fullWidth, Self.initialHalfWidth)
        while true {
            let band = Band(n: n, m: m, halfWidth: halfWidth)
            let steps = search(band: band)
            if halfWidth >= fullWidth || band.clearance(of: steps) > Self.edgeClearance { return steps }
            halfWidth = min(fullWidth, halfWidth * 2)
        }
    }

    /// The half width of the first band tried, and how close to its edge the best path may come before the band widens.
    static let initialHalfWidth = 24
    static let edgeClearance = 6

    /// Viterbi and forward–backward within `band`.
    private func search(band: Band) -> [Step] {
        let n = koAnchors.count
        let m = enAnchors.count
        let scores = pairScores(band: band)
        let shapeCount = shapes.count
        var costs = [Double](repeating: .infinity, count: band.cellCount * shapeCount)
        var best = [Double](repeating: .infinity, count: band.cellCount)
        var back = [Int](repeating: -1, count: band.cellCount)
        var forward = [Double](repeating: -.infinity, count: band.cellCount)
        best[0] = 0
        forward[0] = 0
        var terms = [Double](repeating: 0, count: shapeCount)
        for i in 0...n {
            for j in band.columns(of: i) {
                let cell = band.cell(i, j)
                var termCount = 0
                for (s, shape) in shapes.enumerated() {
                    let (pi, pj) = (i - shape.ko, j - shape.en)
                    guard pi >= 0, pj >= 0, let previous = band.cellIfInside(pi, pj), best[previous] < .infinity else { continue }
                    let cost = beadCost(shape: s, ko: pi, en: pj, scores: scores, band: band)
                    costs[previous * shapeCount + s] = cost
                    if best[previous] + cost < best[cell] {
                        best[cell] = best[previous] + cost
                        back[cell] = s
                    }
                    terms[termCount] = forward[previous] - cost
                    termCount += 1
                }
                if termCount > 0 { forward[cell] = Self.logSumExp(terms[0..<termCount]) }
            }
        }
        var backward = [Double](repeating: -.infinity, count: band.cellCount)
        backward[band.cell(n, m)] = 0
        for i in stride(from: n, through: 0, by: -1) {
            for j in band.columns(of: i).reversed() {
                let cell = band.cell(i, j)
                var termCount = 0
                for (s, shape) in shapes.enumerated() {
                    let cost = costs[cell * shapeCount + s]
                    guard cost < .infinity, let next = band.cellIfInside(i + shape.ko, j + shape.en) else { continue }
                    terms[termCount] = backward[next] - cost
                    termCount += 1
                }
                if termCount > 0, cell != band.cell(n, m) { backward[cell] = Self.logSumExp(terms[0..<termCount]) }
            }
        }
        let total = forward[band.cell(n, m)]
        var steps: [Step] = []
        var (i, j) = (n, m)
        while i > 0 || j > 0 {
            let cell = band.cell(i, j)
            let s = back[cell]
            guard s >= 0 else { break }
            let shape = shapes[s]
            let (pi, pj) = (i - shape.ko, j - shape.en)
            let previous = band.cell(pi, pj)
            let logPosterior = forward[previous] - costs[previous * shapeCount + s] + backward[cell] - total
            let posterior = logPosterior.isFinite ? min(1, max(0, exp(logPosterior))) : 0
            steps.append(Step(ko: pi..<i, en: pj..<j, posterior: posterior))
            (i, j) = (pi, pj)
        }
        return steps.reversed()
    }

    /// The cost of bead shape `s` starting at Korean sentence `i` and English sentence `j`.
    private func beadCost(shape s: Int, ko i: Int, en j: Int, scores: PairScores, band: Band) -> Double {
        let shape = shapes[s]
        var cost = shapeCosts[s]
        if shape.ko > 0 && shape.en > 0 {
            let koLength = koPrefixLengths[i + shape.ko] - koPrefixLengths[i]
            let enLength = enPrefixLengths[j + shape.en] - enPrefixLengths[j]
            cost += lengthModel.cost(logRatio: logLengths[enLength] - logLengths[koLength])
            var shared = 0.0
            var sharedNumbers = 0
            var sharedNames = 0
            for k in i..<i + shape.ko {
                for e in j..<j + shape.en {
                    let score = scores.value(k, e)
                    shared += score.weight
                    sharedNumbers += score.numbers
                    sharedNames += score.names
                }
            }
            for k in i..<i + shape.ko {
                for e in j..<j + shape.en {
                    let overlaps = scores.overlaps(k, e)
                    if k + 1 < i + shape.ko { shared -= overlaps.ko }
                    if e + 1 < j + shape.en { shared -= overlaps.en }
                }
            }
            cost -= model.anchorWeight * shared
            var numbers = 0
            for k in i..<i + shape.ko { numbers += koAnchors[k].numberCount }
            for e in j..<j + shape.en { numbers += enAnchors[e].numberCount }
            cost += model.missingNumberPenalty * Double(max(0, numbers - 2 * sharedNumbers))
            if model.missingNamePenalty > 0 {
                var names = 0
                for k in i..<i + shape.ko { names += koNames[k] }
                cost += model.missingNamePenalty * Double(max(0, names - sharedNames))
            }
            // Pieces of one split sentence facing one sentence are not a translator's merge: no cue expected.
            if shape.ko == 1, shape.en >= 2, !Self.allContinue(enContinues, j, shape.en) {
                cost += koJoined[i] ? model.joinedMergeCost : model.unjoinedMergeCost
            }
            if shape.en == 1, shape.ko >= 2, !Self.allContinue(koContinues, i, shape.ko) {
                cost += enJoined[j] ? model.joinedMergeCost : model.unjoinedMergeCost
            }
        }
        // A bead that starts between two pieces of one sentence separates them.
        if shape.ko > 0, i > 0, koContinues[i - 1] { cost += model.pieceSplitPenalty }
        if shape.en > 0, j > 0, enContinues[j - 1] { cost += model.pieceSplitPenalty }
        if let koBreaks, let enBreaks {
            cost += paragraphPenalty * breakMismatches(shape, i, j, koBreaks, enBreaks)
        }
        return cost
    }

    /// Whether the `count` sentences from `start` read as pieces of one sentence.
    private static func allContinue(_ continues: [Bool], _ start: Int, _ count: Int) -> Bool {
        (start..<start + count - 1).allSatisfy { continues[$0] }
    }

    /// Paragraph breaks a bead disagrees with: breaks inside it count one each, and each end where one side has
    /// a break and the other not counts a half (the bead on the other side of that point counts the other half).
    /// A bead with an empty side disagrees only when neither its start nor its end agrees (a dropped sentence
    /// may open or close a paragraph).
    private func breakMismatches(_ shape: BeadShape, _ i: Int, _ j: Int, _ ko: [Bool], _ en: [Bool]) -> Double {
        let (endKo, endEn) = (i + shape.ko, j + shape.en)
        var count = 0.0
        for k in stride(from: i + 1, to: endKo, by: 1) where ko[k] { count += 1 }
        for e in stride(from: j + 1, to: endEn, by: 1) where en[e] { count += 1 }
        if shape.ko == 0 || shape.en == 0 {
            if ko[endKo] != en[endEn] && ko[i] != en[j] { count += 1 }
            return count
        }
        if ko[i] != en[j] { count += 0.5 }
        if ko[endKo] != en[endEn] { count += 0.5 }
        return count
    }

    /// Paragraph starts as flags over sentence positions 0...count, from each sentence's paragraph number.
    private static func breaks(_ paragraphs: [Int]) -> [Bool] {
        var flags = [true]
        for index in paragraphs.indices.dropFirst() { flags.append(paragraphs[index] != paragraphs[index - 1]) }
        flags.append(true)
        return flags
    }

    /// Shared anchor weight of every sentence pair a bead in the band can contain, and of what each pair of
    /// neighbouring sentences shares against each sentence of the other side (subtracted so that a bead holding
    /// two sentences that both name "Obama" counts the name once).
    private func pairScores(band: Band) -> PairScores {
        let margin = shapes.reduce(0) { max($0, $1.ko, $1.en) }
        let koOverlaps = koAnchors.indices.dropLast().map { koAnchors[$0].overlap(koAnchors[$0 + 1]) }
        let enOverlaps = enAnchors.indices.dropLast().map { enAnchors[$0].overlap(enAnchors[$0 + 1]) }
        var scores = PairScores()
        for i in koAnchors.indices {
            let korean = koAnchors[i]
            let koOverlap = i < koOverlaps.count ? koOverlaps[i] : nil
            let columns = band.columns(of: max(0, i - margin))
            let start = max(0, columns.lowerBound - margin)
            let end = max(start, min(enAnchors.count, band.columns(of: min(koAnchors.count, i + 1)).upperBound + margin))
            scores.startRow(start: start, count: end - start)
            for j in start..<end {
                let shared = AnchorExtractor.shared(korean, enAnchors[j], soundWeight: model.soundWeight)
                var koShared = 0.0
                if let koOverlap, !koOverlap.isEmpty {
                    koShared = AnchorExtractor.shared(koOverlap, enAnchors[j], soundWeight: model.soundWeight).weight
                }
                var enShared = 0.0
                if j < enOverlaps.count, !enOverlaps[j].isEmpty {
                    enShared = AnchorExtractor.shared(korean, enOverlaps[j], soundWeight: model.soundWeight).weight
                }
                scores.append(weight: shared.weight, numbers: shared.numbers, names: shared.names, koOverlap: koShared, enOverlap: enShared)
            }
        }
        return scores
    }

    private static func logSumExp(_ values: ArraySlice<Double>) -> Double {
        guard let largest = values.max(), largest > -.infinity else { return -.infinity }
        var sum = 0.0
        for value in values { sum += exp(value - largest) }
        return largest + log(sum)
    }
}

/// Shared anchor weights by Korean row, each row covering the English columns its beads can reach, in flat arrays.
private struct PairScores {
    private var rowStart: [Int] = []
    private var rowOffset: [Int] = []
    private var rowCount: [Int] = []
    private var weights: [Double] = []
    private var numbers: [Int32] = []
    private var names: [Int32] = []
    private var koOverlaps: [Double] = []
    private var enOverlaps: [Double] = []

    mutating func startRow(start: Int, count: Int) {
        rowStart.append(start)
        rowOffset.append(weights.count)
        rowCount.append(count)
    }

    mutating func append(weight: Double, numbers count: Int, names nameCount: Int, koOverlap: Double, enOverlap: Double) {
        weights.append(weight)
        numbers.append(Int32(clamping: count))
        names.append(Int32(clamping: nameCount))
        koOverlaps.append(koOverlap)
        enOverlaps.append(enOverlap)
    }

    /// What Korean sentences `i` and `i + 1` share with English sentence `j`, and what Korean sentence `i`
    /// shares with English sentences `j` and `j + 1`.
    func overlaps(_ i: Int, _ j: Int) -> (ko: Double, en: Double) {
        let offset = j - rowStart[i]
        guard offset >= 0, offset < rowCount[i] else { return (0, 0) }
        return (koOverlaps[rowOffset[i] + offset], enOverlaps[rowOffset[i] + offset])
    }

    func value(_ i: Int, _ j: Int) -> (weight: Double, numbers: Int, names: Int) {
        let offset = j - rowStart[i]
        guard offset >= 0, offset < rowCount[i] else { return (0, 0, 0) }
        let index = rowOffset[i] + offset
        return (weights[index], Int(numbers[index]), Int(names[index]))
    }
}

/// The cells of the grid within `halfWidth` of the diagonal, stored row after row.
private struct Band {
    let n: Int
    let m: Int
    private let lower: [Int]
    private let upper: [Int]
    private let rowStart: [Int]
    let cellCount: Int

    init(n: Int, m: Int, halfWidth: Int) {
        self.n = n
        self.m = m
        var lower: [Int] = []
        var upper: [Int] = []
        var rowStart: [Int] = []
        var count = 0
        for i in 0...n {
            let center = n == 0 ? 0 : Int((Double(i) * Double(m) / Double(n)).rounded())
            let low = max(0, center - halfWidth)
            let high = min(m, center + halfWidth)
            lower.append(low)
            upper.append(high)
            rowStart.append(count)
            count += high - low + 1
        }
        self.lower = lower
        self.upper = upper
        self.rowStart = rowStart
        cellCount = count
    }

    func columns(of i: Int) -> ClosedRange<Int> { lower[i]...upper[i] }

    func cell(_ i: Int, _ j: Int) -> Int { rowStart[i] + j - lower[i] }

    /// How close a path comes to an edge of the band that is not an edge of the grid, in cells.
    func clearance(of steps: [BeadSearch.Step]) -> Int {
        var clearance = Int.max
        for step in steps {
            let (i, j) = (step.ko.upperBound, step.en.upperBound)
            if lower[i] > 0 { clearance = min(clearance, j - lower[i]) }
            if upper[i] < m { clearance = min(clearance, upper[i] - j) }
        }
        return clearance
    }

    func cellIfInside(_ i: Int, _ j: Int) -> Int? {
        guard i >= 0, i <= n, j >= lower[i], j <= upper[i] else { return nil }
        return cell(i, j)
    }
}
