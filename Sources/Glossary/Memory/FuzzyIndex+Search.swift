/// Search: which entries can reach the minimum score, and how they are found without a full scan.
///
/// Notation: query length Lq, candidate length L, M = max(Lq, L), d = edit distance, q = `gramLength`, all in scalars.
/// An entry qualifies when 100·(1 − d/M) ≥ minScore, i.e. 100·d ≤ (100 − minScore)·M, i.e. d ≤ k(M) with
/// k(M) = ⌊(100 − minScore)·M / 100⌋ (integer arithmetic, so the threshold test is exact; minScore is an Int for that).
///
/// Length window. d ≥ |Lq − L|. For L ≤ Lq, M = Lq and L ≥ Lq − k(Lq). For L > Lq, M = L and L − Lq ≤ (100 − min)·L/100
/// ⇔ min·L ≤ 100·Lq ⇔ L ≤ ⌊100·Lq / min⌋. Outside [Lq − k(Lq), ⌊100·Lq/min⌋] nothing qualifies.
///
/// Count bound. Let a string of length n have the n − q + 1 positional grams, keyed with their occurrence number (see
/// `GramKeys`) so shared keys = multiset intersection. One edit touches at most q of a's positional grams (a
/// substitution or deletion of a[i] touches the grams covering i, an insertion at most the q − 1 grams spanning the
/// gap); every untouched gram of a reappears verbatim in b at a distinct position. So with d ≤ k edits the strings
/// share at least (La − q + 1) − q·d grams, and symmetrically (Lb − q + 1) − q·d, hence
///     shared ≥ T(L) = M − q + 1 − q·k(M).
/// For the lengths where T(L) ≥ 1, a qualifying entry shares at least Tmin = min T(L) of the query's N = Lq − q + 1
/// grams, so (pigeonhole) it appears in any N − Tmin + 1 of the query's lists: the shortest ones admit every
/// candidate; the longer lists only complete the counts (hash collisions can only raise them), and a candidate whose
/// count stays below its own T(L) is dropped. Lengths where T(L) ≤ 0 (short queries, low minimum scores) cannot be
/// pruned by grams:
/// their slots are scanned (a length is one contiguous run of base slots). Either way each candidate is verified by
/// edit distance, so the result is exact.
///
/// Top-k. Once `limit` matches are held, a candidate must at least tie the worst held score; that lowers its distance
/// ceiling (and hence its T) further. Ties still get verified, so the recency/id tie-break stays exact.
extension FuzzyIndex {
    /// The best `limit` entries whose key scores at least `minScore` (clamped to 0...100) against `key`: score
    /// descending, then recency descending, then id ascending.
    ///
    /// `key` must be normalized like the stored keys. An empty key scores 100 against empty keys and 0 against the rest.
    public func search(_ key: String, minScore: Int = 75, limit: Int = 5) -> [FuzzyMatch] {
        search(key, minScore: minScore, limit: limit, workLimit: .max) ?? []
    }

    /// `search(_:minScore:limit:)`, or nil once the search has done more than `workLimit` units of work: posting
    /// entries read plus, per verified candidate, its length times (the query's 64-scalar blocks + 8) + 32 (one unit
    /// is about half a nanosecond to a nanosecond here). A low minimum score asks for a scan of every entry of a
    /// wide range of lengths (the q-gram bound prunes nothing below about 67 %), a long query multiplies the cost of
    /// each; this bounds both.
    public func search(_ key: String, minScore: Int, limit: Int, workLimit: Int) -> [FuzzyMatch]? {
        guard limit > 0, count > 0 else { return [] }
        let query = key.unicodeScalars.map(\.value)
        let rule = ScoreRule(minScore: minScore, queryLength: query.count)
        let shortest = max(0, rule.shortestLength)
        let longest = rule.longestLength(cappedAt: longestKeyLength)
        guard shortest <= longest else { return [] }

        // T(L) for every length in the window; a long query (≥ 65,535 grams) would overflow the counters: scan.
        let queryGramCount = max(0, query.count - gramLength + 1)
        let usesGrams = queryGramCount > 0 && queryGramCount < Int(UInt16.max)
        let thresholds = (shortest...longest).map { usesGrams ? rule.sharedGramBound(candidateLength: $0, gramLength: gramLength) : 0 }
        var verifier = CandidateVerifier(index: self, query: query, rule: rule, limit: limit, workLimit: workLimit)
        // The lengths the grams cannot prune are scanned whole: when that alone would pass the limit, refuse now
        // rather than after doing the work.
        if workLimit < .max {
            var scanned = 0
            for length in shortest...longest where thresholds[length - shortest] <= 0 {
                let slots = baseSlots(ofLengths: length...length).count + (deltaSlotsByLength[length]?.count ?? 0)
                scanned = scanned &+ slots &* verifier.cost(ofLength: length)
                if scanned > workLimit || scanned < 0 { return nil }
            }
        }

        let gramLengths = (shortest...longest).filter { thresholds[$0 - shortest] > 0 }
        if let first = gramLengths.first, let last = gramLengths.last {
            let fewestShared = gramLengths.map { thresholds[$0 - shortest] }.min() ?? 1
            guard let candidates = gramCandidates(query, lengths: first...last, fewestShared: fewestShared, work: &verifier.work) else {
                return nil
            }
            for (slot, sharedCount) in candidates {
                // Delta slots of any length come back too; lengths scanned below must not be verified twice.
                let length = Int(lengths[slot])
                guard length >= shortest, length <= longest else { continue }
                let threshold = thresholds[length - shortest]
                guard threshold > 0, sharedCount >= threshold else { continue }
                verifier.consider(slot: slot, sharedGramBound: sharedCount)
                if verifier.exhausted { return nil }
            }
        }
        for length in shortest...longest where thresholds[length - shortest] <= 0 {
            for slot in baseSlots(ofLengths: length...length) {
                verifier.consider(slot: slot, sharedGramBound: nil)
                if verifier.exhausted { return nil }
            }
            for slot in deltaSlotsByLength[length] ?? [] {
                verifier.consider(slot: Int(slot), sharedGramBound: nil)
                if verifier.exhausted { return nil }
            }
        }
        return verifier.top.items.map(\.match)
    }

    /// The reference: every live entry, exact distance within the score threshold, sorted. Tests and the benchmark
    /// compare `search` with it.
    public func bruteForceSearch(_ key: String, minScore: Int, limit: Int) -> [FuzzyMatch] {
        guard limit > 0 else { return [] }
        let query = key.unicodeScalars.map(\.value)
        let rule = ScoreRule(minScore: minScore, queryLength: query.count)
        let pattern = BitParallelPattern(query)
        var matches: [RankedMatch] = []
        var scalars: [UInt32] = []
        for slot in ids.indices where alive[slot] {
            let length = Int(lengths[slot])
            let maxLength = max(query.count, length)
            let ceiling = rule.maxDistance(forMaxLength: maxLength)
            guard abs(length - query.count) <= ceiling else { continue }
            decodeKey(of: slot, into: &scalars)
            guard let distance = scalars.withUnsafeBufferPointer({ pattern.distance(to: $0, limit: ceiling) }) else { continue }
            matches.append(RankedMatch(id: ids[slot], distance: distance, maxLength: maxLength, recency: recencies[slot]))
        }
        matches.sort { $0.ranksAbove($1) }
        return matches.prefix(limit).map(\.match)
    }

    /// Base slots whose key length lies in `range` (the base is sorted by length).
    private func baseSlots(ofLengths range: ClosedRange<Int>) -> Range<Int> {
        firstBaseSlot(withLengthAtLeast: range.lowerBound)..<firstBaseSlot(withLengthAtLeast: range.upperBound + 1)
    }

    private func firstBaseSlot(withLengthAtLeast length: Int) -> Int {
        var low = 0
        var high = baseCount
        while low < high {
            let middle = (low + high) / 2
            if Int(lengths[middle]) < length { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Slots sharing at least `fewestShared` grams with the query — by the count of their lists, hash collisions only
    /// adding — each with that count, most shared first. Base lists are cut to the slots of `lengths`; delta lists are
    /// taken whole.
    ///
    /// Only the cheapest N − fewestShared + 1 lists can admit a slot (pigeonhole); the longer ones just add to the counts
    /// of admitted slots: scanned when the list is short next to the candidates, else probed by binary search per
    /// candidate. Candidates that can no longer reach `fewestShared` are dropped along the way.
    ///
    /// `work` counts the postings read; nil when it would pass the verifier's limit.
    private func gramCandidates(
        _ query: [UInt32], lengths window: ClosedRange<Int>, fewestShared: Int, work: inout SearchWork
    ) -> [(slot: Int, sharedCount: Int)]? {
        var grams: [UInt64] = []
        query.withUnsafeBufferPointer { GramKeys.collect($0, gramLength: gramLength, into: &grams) }
        let admitting = grams.count - fewestShared + 1
        guard admitting > 0 else { return [] }  // no entry of these lengths can share enough grams

        let slotRange = baseSlots(ofLengths: window)
        let lists = grams.map { gram in
            let base = baseLists.list(of: gram).map { baseListStarts[$0]..<baseListStarts[$0 + 1] } ?? 0..<0
            return PostingList(base: narrowed(base, to: slotRange), delta: deltaPostings[gram] ?? [])
        }
        let cheapestFirst = lists.sorted { $0.count < $1.count }
        // The admitting lists are read whole; the others at most whole (or probed, which is cheaper).
        guard work.spend(lists.reduce(0) { $0 + $1.count }) else { return nil }

        // Counters: base slots of the window first, then every delta slot. They saturate at 65,535, which is above any
        // threshold (thresholds ≤ N < 65,535), so saturation never drops a candidate.
        let baseWidth = slotRange.count
        let deltaBase = baseCount
        var counters = [UInt16](repeating: 0, count: baseWidth + ids.count - baseCount)
        var candidates: [Int] = []
        func counterIndex(ofSlot slot: Int) -> Int { slot < deltaBase ? slot - slotRange.lowerBound : baseWidth + slot - deltaBase }
        func slot(ofCounter counter: Int) -> Int { counter < baseWidth ? slotRange.lowerBound + counter : deltaBase + counter - baseWidth }

        counters.withUnsafeMutableBufferPointer { counters in
            basePostings.withUnsafeBufferPointer { postings in
                for list in cheapestFirst.prefix(admitting) {
                    list.forEachSlot(postings) { slot in
                        let counter = counterIndex(ofSlot: slot)
                        let count = counters[counter]
                        if count == 0 { candidates.append(counter) }
                        if count != .max { counters[counter] = count + 1 }
                    }
                }
                var listsLeft = lists.count - admitting
                for list in cheapestFirst.dropFirst(admitting) {
                    listsLeft -= 1
                    if candidates.count * Self.probeCostInPostings < list.count {
                        for counter in candidates where list.contains(slot(ofCounter: counter), postings) {
                            if counters[counter] != .max { counters[counter] += 1 }
                        }
                    } else {
                        list.forEachSlot(postings) { slot in
                            let counter = counterIndex(ofSlot: slot)
                            if counters[counter] != .max { counters[counter] += 1 }
                        }
                    }
                    candidates.removeAll { Int(counters[$0]) + listsLeft < fewestShared }
                }
            }
        }
        var ranked = candidates.map { UInt64(counters[$0]) << 32 | UInt64(slot(ofCounter: $0)) }
        ranked.sort(by: >)
        return ranked.map { (slot: Int($0 & 0xFFFF_FFFF), sharedCount: Int($0 >> 32)) }
    }

    /// A binary search costs about this many sequential posting reads.
    private static let probeCostInPostings = 48

    /// The part of a base list (a range of `basePostings`, sorted by slot) whose slots fall in `slots`.
    private func narrowed(_ list: Range<Int>, to slots: Range<Int>) -> Range<Int> {
        func firstPosition(atLeast slot: Int) -> Int {
            var low = list.lowerBound
            var high = list.upperBound
            while low < high {
                let middle = (low + high) / 2
                if Int(basePostings[middle]) < slot { low = middle + 1 } else { high = middle }
            }
            return low
        }
        return firstPosition(atLeast: slots.lowerBound)..<firstPosition(atLeast: slots.upperBound)
    }
}

/// The minimum score turned into integer bounds for one query.
struct ScoreRule {
    let minScore: Int
    let queryLength: Int

    init(minScore: Int, queryLength: Int) {
        self.minScore = min(100, max(0, minScore))
        self.queryLength = queryLength
    }

    /// k(M): the largest distance that still scores at least `minScore` when the longer string has M scalars.
    func maxDistance(forMaxLength maxLength: Int) -> Int { (100 - minScore) * maxLength / 100 }

    /// Lq − k(Lq): shorter keys lose more than k to the length difference alone.
    var shortestLength: Int { queryLength - maxDistance(forMaxLength: queryLength) }

    /// ⌊100·Lq / min⌋ (every length when min is 0), capped at the longest stored key.
    func longestLength(cappedAt longestKey: Int) -> Int {
        minScore == 0 ? longestKey : min(longestKey, 100 * queryLength / minScore)
    }

    /// T(L) = M − q + 1 − q·k(M): grams a qualifying key of length L must share with the query.
    func sharedGramBound(candidateLength: Int, gramLength: Int) -> Int {
        let maxLength = max(queryLength, candidateLength)
        return maxLength - gramLength + 1 - gramLength * maxDistance(forMaxLength: maxLength)
    }
}

/// A verified match with what ordering needs. Scores compare as exact fractions (M − d)/M, never as Doubles.
struct RankedMatch {
    let id: Int64
    let distance: Int
    let maxLength: Int
    let recency: Double

    /// Similarity as a fraction; two empty strings are identical (1/1).
    var similarity: (numerator: Int, denominator: Int) { maxLength == 0 ? (1, 1) : (maxLength - distance, maxLength) }

    var match: FuzzyMatch {
        let score = maxLength == 0 ? 100 : Double(100 * (maxLength - distance)) / Double(maxLength)
        return FuzzyMatch(id: id, distance: distance, score: score)
    }

    /// Score descending, then recency descending, then id ascending: a strict total order (ids are unique).
    func ranksAbove(_ other: RankedMatch) -> Bool {
        let mine = similarity
        let theirs = other.similarity
        let left = mine.numerator * theirs.denominator
        let right = theirs.numerator * mine.denominator
        if left != right { return left > right }
        if recency != other.recency { return recency > other.recency }
        return id < other.id
    }
}

/// The best `limit` matches so far, best first.
struct TopMatches {
    let limit: Int
    private(set) var items: [RankedMatch] = []

    /// When full, the largest distance a key whose longer side has `maxLength` scalars may have and still tie the
    /// worst held score: (M − d)/M ≥ n/m ⇔ d ≤ ⌊M·(m − n)/m⌋.
    func competitiveDistance(forMaxLength maxLength: Int) -> Int? {
        guard items.count >= limit, let worst = items.last else { return nil }
        let (numerator, denominator) = worst.similarity
        return maxLength * (denominator - numerator) / denominator
    }

    mutating func offer(_ match: RankedMatch) {
        if items.count >= limit {
            guard let worst = items.last, match.ranksAbove(worst) else { return }
            items.removeLast()
        }
        var position = items.count
        while position > 0 && match.ranksAbove(items[position - 1]) { position -= 1 }
        items.insert(match, at: position)
    }
}

/// Work done by one search against its limit.
struct SearchWork {
    let limit: Int
    private(set) var done = 0

    /// Adds `units`; false once the total passes the limit.
    mutating func spend(_ units: Int) -> Bool {
        done = done &+ units
        return done <= limit && done >= 0
    }

    var exhausted: Bool { done > limit || done < 0 }
}

/// Verifies candidates against the query and keeps the best.
struct CandidateVerifier {
    let index: FuzzyIndex
    let query: [UInt32]
    let rule: ScoreRule
    let pattern: BitParallelPattern
    var top: TopMatches
    var work: SearchWork
    private let queryBlocks: Int
    private var scalars: [UInt32] = []

    init(index: FuzzyIndex, query: [UInt32], rule: ScoreRule, limit: Int, workLimit: Int = .max) {
        self.index = index
        self.query = query
        self.rule = rule
        pattern = BitParallelPattern(query)
        top = TopMatches(limit: limit)
        work = SearchWork(limit: workLimit)
        queryBlocks = query.count / 64 + 1
    }

    /// The work limit has been passed: the search must give up.
    var exhausted: Bool { work.exhausted }

    /// The work of verifying a key of `length` scalars: decoding and stepping through it costs about as much as
    /// eight more 64-row blocks would.
    func cost(ofLength length: Int) -> Int {
        length * (queryBlocks + 8) + 32
    }

    /// Verifies one slot; `sharedGramBound`, when known, is an upper bound on the grams it shares with the query.
    mutating func consider(slot: Int, sharedGramBound: Int?) {
        guard work.spend(1), index.alive[slot] else { return }
        let length = Int(index.lengths[slot])
        let maxLength = max(query.count, length)
        var ceiling = rule.maxDistance(forMaxLength: maxLength)
        if let competitive = top.competitiveDistance(forMaxLength: maxLength) { ceiling = min(ceiling, competitive) }
        guard abs(length - query.count) <= ceiling else { return }
        let gramLength = index.gramLength
        if let bound = sharedGramBound, bound < maxLength - gramLength + 1 - gramLength * ceiling { return }
        guard work.spend(cost(ofLength: length)) else { return }
        index.decodeKey(of: slot, into: &scalars)
        guard let distance = scalars.withUnsafeBufferPointer({ pattern.distance(to: $0, limit: ceiling) }) else { return }
        top.offer(RankedMatch(id: index.ids[slot], distance: distance, maxLength: maxLength, recency: index.recencies[slot]))
    }
}

/// One query gram's postings: a base range cut to the length window, plus the delta slots (ascending, all ≥ the base).
struct PostingList {
    let base: Range<Int>
    let delta: [UInt32]

    var count: Int { base.count + delta.count }

    func forEachSlot(_ postings: UnsafeBufferPointer<UInt32>, _ body: (Int) -> Void) {
        for position in base { body(Int(postings[position])) }
        for slot in delta { body(Int(slot)) }
    }

    /// Binary search: both parts are sorted by slot.
    func contains(_ slot: Int, _ postings: UnsafeBufferPointer<UInt32>) -> Bool {
        let target = UInt32(truncatingIfNeeded: slot)
        if let first = delta.first, target >= first {
            var low = 0
            var high = delta.count
            while low < high {
                let middle = (low + high) / 2
                if delta[middle] < target { low = middle + 1 } else { high = middle }
            }
            return low < delta.count && delta[low] == target
        }
        var low = base.lowerBound
        var high = base.upperBound
        while low < high {
            let middle = (low + high) / 2
            if postings[middle] < target { low = middle + 1 } else { high = middle }
        }
        return low < base.upperBound && postings[low] == target
    }
}
