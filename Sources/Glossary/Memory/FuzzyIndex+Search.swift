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
/// For the lengths where T(L) ≥ 1, a qualifying entry shares at least T of the query's N = Lq − q + 1 grams, so
/// (pigeonhole) it appears in any N − T + 1 of the query's lists.
///
/// Position bound. The count bound assumes every edit breaks q grams, which only edits q apart can do. One edit breaks
/// exactly the grams that cover one query scalar, so the fewest edits that break a set of grams is the fewest points
/// stabbing their intervals (`QueryGrams.editsToBreak`). If that exceeds k, some gram of the set survives in any entry
/// within k edits, and the entry is on that gram's first-occurrence list. Taking the rarest grams until they need
/// more than k edits often admits through fewer (and shorter) lists than N − T + 1.
///
/// The window is searched in groups of lengths that share k(M) (`LengthGroup`); each group takes whichever bound
/// reads fewer postings (`GramFilter`), the count bound then drops candidates, and a group neither bound can prune
/// (short queries, low minimum scores) is scanned (a length is one contiguous run of base slots). Every candidate is
/// verified by edit distance, so the result is exact.
///
/// Top-k. Once `limit` matches are held, a candidate must at least tie the worst held score; that lowers its distance
/// ceiling (and hence its T, and the k of later groups' filters) further. Ties still get verified, so the recency/id
/// tie-break stays exact.
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

        // A long query (≥ 65,535 grams) would overflow the counters: it scans.
        let usesGrams = query.count - gramLength + 1 < Int(UInt16.max)
        let grams = QueryGrams(usesGrams ? query : [], gramLength: gramLength)
        var verifier = CandidateVerifier(index: self, query: query, rule: rule, limit: limit, workLimit: workLimit)
        let groups = LengthGroup.groups(of: shortest...longest, rule: rule)
        // The lengths no filter can prune are scanned whole: when that alone would pass the limit, refuse now rather
        // than after doing the work.
        if workLimit < .max {
            var scanned = 0
            for group in groups where group.filter(grams, rule: rule, top: nil, gramLength: gramLength) == nil {
                for length in group.lengths {
                    let slots = baseSlots(ofLengths: length...length).count + (deltaSlotsByLength[length]?.count ?? 0)
                    scanned = scanned &+ slots &* verifier.cost(ofLength: length)
                    if scanned > workLimit || scanned < 0 { return nil }
                }
            }
        }

        for group in groups {
            // Matches held so far lower the distance a later group's entries may have, and so strengthen its filter.
            guard let filter = group.filter(grams, rule: rule, top: verifier.top, gramLength: gramLength) else {
                for length in group.lengths {
                    for slot in baseSlots(ofLengths: length...length) {
                        verifier.consider(slot: slot, sharedGramBound: nil)
                        if verifier.exhausted { return nil }
                    }
                    for slot in deltaSlotsByLength[length] ?? [] {
                        verifier.consider(slot: Int(slot), sharedGramBound: nil)
                        if verifier.exhausted { return nil }
                    }
                }
                continue
            }
            guard let candidates = gramCandidates(grams, lengths: group.lengths, filter: filter, work: &verifier.work) else {
                return nil
            }
            for (slot, sharedCount) in candidates {
                // Delta slots of any length come back; each is verified in its own group only.
                guard group.lengths.contains(Int(lengths[slot])) else { continue }
                verifier.consider(slot: slot, sharedGramBound: sharedCount)
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
    func baseSlots(ofLengths range: ClosedRange<Int>) -> Range<Int> {
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

    /// The slots of `window` (base slots of those lengths, and delta slots of any length) that pass `filter`, each
    /// with an upper bound on the grams it shares with the query, the highest bounds first.
    ///
    /// The slots are counted a chunk at a time, so that the counters stay in the cache however large the window. In
    /// each chunk the admitting lists are read whole: every slot on one of them is a candidate. The other lists,
    /// cheapest first, complete the counts: scanned, or probed by binary search per candidate when the candidates are
    /// few next to the list. A candidate that can no longer reach `filter.fewestShared` is dropped.
    ///
    /// `work` counts the postings read; nil when it would pass the verifier's limit.
    private func gramCandidates(
        _ grams: QueryGrams, lengths window: ClosedRange<Int>, filter: GramFilter, work: inout SearchWork
    ) -> [(slot: Int, sharedCount: Int)]? {
        let slotRange = baseSlots(ofLengths: window)
        // Each list as a range of `basePostings` (cut to the window) and a range of `delta`, the query's delta lists
        // copied back to back so both parts are read the same way.
        var delta: [UInt32] = []
        var baseParts: [Range<Int>] = []
        var deltaParts: [Range<Int>] = []
        for gram in grams.keys {
            let base = baseLists.list(of: gram).map { baseListStarts[$0]..<baseListStarts[$0 + 1] } ?? 0..<0
            baseParts.append(narrowed(base, to: slotRange))
            let start = delta.count
            delta.append(contentsOf: deltaPostings[gram] ?? [])
            deltaParts.append(start..<delta.count)
        }
        let sizes = zip(baseParts, deltaParts).map { $0.count + $1.count }
        let admitting = filter.admittingLists(grams, listSizes: sizes)
        var isAdmitting = [Bool](repeating: false, count: sizes.count)
        for list in admitting { isAdmitting[list] = true }
        let completing = sizes.indices.filter { !isAdmitting[$0] }.sorted { sizes[$0] < sizes[$1] }
        var counter = ChunkCounter(
            admitting: admitting, completing: filter.fewestShared > 0 ? completing : [], fewestShared: filter.fewestShared,
            uncounted: filter.fewestShared > 0 ? 0 : completing.count)

        let complete = basePostings.withUnsafeBufferPointer { postings in
            counter.count(postings, parts: baseParts, slots: slotRange, work: &work)
        }
        guard complete, delta.withUnsafeBufferPointer({ counter.count($0, parts: deltaParts, slots: baseCount..<ids.count, work: &work) })
        else { return nil }
        counter.survivors.sort(by: >)
        return counter.survivors.map { (slot: Int($0 & 0xFFFF_FFFF), sharedCount: Int($0 >> 32)) }
    }

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

/// A run of candidate lengths that share one distance ceiling k(M), searched together.
struct LengthGroup {
    let lengths: ClosedRange<Int>

    /// The window cut where k(M) changes: within a run k(M) is one value (M = max(Lq, L) grows with L).
    static func groups(of window: ClosedRange<Int>, rule: ScoreRule) -> [LengthGroup] {
        var groups: [LengthGroup] = []
        var start = window.lowerBound
        func ceiling(_ length: Int) -> Int { rule.maxDistance(forMaxLength: max(rule.queryLength, length)) }
        for length in window where length == window.upperBound || ceiling(length + 1) != ceiling(start) {
            groups.append(LengthGroup(lengths: start...length))
            start = length + 1
        }
        return groups
    }

    /// How grams can prune this group's entries, or nil when they cannot (its slots are then scanned). `top`, when
    /// full, lowers each length's distance ceiling to what still ties the worst match held.
    func filter(_ grams: QueryGrams, rule: ScoreRule, top: TopMatches?, gramLength: Int) -> GramFilter? {
        guard !grams.keys.isEmpty else { return nil }
        func ceiling(_ length: Int) -> Int {
            let maxLength = max(rule.queryLength, length)
            let allowed = rule.maxDistance(forMaxLength: maxLength)
            return min(allowed, top?.competitiveDistance(forMaxLength: maxLength) ?? allowed)
        }
        // Ceilings grow with the length, so the longest length has the group's largest.
        let maxDistance = ceiling(lengths.upperBound)
        let fewestShared =
            lengths.map { ScoreRule.sharedGrams(maxLength: max(rule.queryLength, $0), distance: ceiling($0), gramLength: gramLength) }.min() ?? 0
        let filter = GramFilter(
            maxDistance: maxDistance, fewestShared: fewestShared, positionsPrune: grams.editsToBreak(grams.grams.indices) > maxDistance)
        return filter.fewestShared > 0 || filter.positionsPrune ? filter : nil
    }
}

/// The two bounds that let a candidate be found through the query's grams without looking at every entry.
///
/// - Position bound: with at most k edits, some gram of any set that takes more than k edits to break survives, and an
///   entry containing that gram is on its first-occurrence list. So the lists of the rarest grams, taken until
///   breaking them all takes more than k edits, admit every qualifying entry.
/// - Count bound: a qualifying entry shares at least `fewestShared` = T of the N gram keys (see the notation above), so
///   it is on some N − T + 1 of their lists: the cheapest ones admit it.
///
/// The position bound needs far fewer lists when the rare grams lie apart; the count bound still applies when the
/// query's grams can all be broken by k edits but a longer entry's cannot. The search takes the one that reads fewer
/// postings, and the count bound then drops candidates either way.
struct GramFilter: Equatable {
    let maxDistance: Int
    let fewestShared: Int
    /// Breaking every gram of the query takes more than `maxDistance` edits, so the position bound applies.
    let positionsPrune: Bool

    /// The lists (indexes into `grams.keys`) that every qualifying entry appears on at least once.
    func admittingLists(_ grams: QueryGrams, listSizes: [Int]) -> [Int] {
        var byCount: [Int]? = nil
        if fewestShared > 0 {
            let cheapest = listSizes.indices.sorted { listSizes[$0] < listSizes[$1] }
            byCount = Array(cheapest.prefix(max(0, listSizes.count - fewestShared + 1)))
        }
        var byPosition: [Int]? = nil
        if positionsPrune {
            let rarest = grams.grams.indices.sorted { listSizes[grams.grams[$0].firstKey] < listSizes[grams.grams[$1].firstKey] }
            // Breaking a prefix takes more edits the longer it is: the shortest that takes more than k.
            var low = 1
            var high = rarest.count
            while low < high {
                let middle = (low + high) / 2
                if grams.editsToBreak(rarest.prefix(middle)) > maxDistance { high = middle } else { low = middle + 1 }
            }
            byPosition = rarest.prefix(low).map { grams.grams[$0].firstKey }
        }
        func cost(_ lists: [Int]?) -> Int { lists.map { $0.reduce(0) { $0 + listSizes[$1] } } ?? .max }
        return (cost(byPosition) <= cost(byCount) ? byPosition : byCount) ?? []
    }
}

/// Counts how many of the query's lists each slot is on, one chunk of slots at a time (see `gramCandidates`).
struct ChunkCounter {
    let admitting: [Int]
    /// Cheapest first; empty when the counts cannot drop anyone.
    let completing: [Int]
    let fewestShared: Int
    /// Lists not read, counted as shared by every candidate so that the bound stays an upper bound.
    let uncounted: Int
    /// (bound << 32) | slot of every candidate kept.
    var survivors: [UInt64] = []

    /// Slots per chunk: their counters take 64 KiB.
    static let chunkSlots = 32_768
    /// A binary search costs about this many sequential posting reads.
    static let probeCostInPostings = 24

    private var counters = [UInt16](repeating: 0, count: ChunkCounter.chunkSlots)
    /// Scratch: the candidates of the chunk being counted, as offsets into it.
    private var candidates = [Int32](repeating: 0, count: ChunkCounter.chunkSlots)
    /// Scratch: a bit per slot of the chunk, set for the candidates.
    private var marks = [UInt64](repeating: 0, count: ChunkCounter.chunkSlots / 64)

    init(admitting: [Int], completing: [Int], fewestShared: Int, uncounted: Int) {
        self.admitting = admitting
        self.completing = completing
        self.fewestShared = fewestShared
        self.uncounted = uncounted
    }

    /// Counts the slots of `slots` on the lists `parts` (ranges of `postings`, each sorted by slot, every slot in
    /// `slots`); false once `work` passes its limit.
    mutating func count(_ postings: UnsafeBufferPointer<UInt32>, parts: [Range<Int>], slots: Range<Int>, work: inout SearchWork) -> Bool {
        var cursors = parts.map(\.lowerBound)
        var chunkStart = slots.lowerBound
        while chunkStart < slots.upperBound {
            let chunkEnd = min(chunkStart + Self.chunkSlots, slots.upperBound)
            // Each list's postings in this chunk: from its cursor to its first slot at or past the chunk's end.
            var chunkParts: [Range<Int>] = []
            chunkParts.reserveCapacity(parts.count)
            for (list, part) in parts.enumerated() {
                // Galloping: a list's part of one chunk is short, so search from the cursor outwards first.
                var low = cursors[list]
                var step = 1
                while low + step < part.upperBound && Int(postings[low + step]) < chunkEnd {
                    low += step
                    step *= 2
                }
                var high = min(low + step, part.upperBound)
                while low < high {
                    let middle = (low + high) / 2
                    if Int(postings[middle]) < chunkEnd { low = middle + 1 } else { high = middle }
                }
                chunkParts.append(cursors[list]..<low)
                cursors[list] = low
            }
            guard countChunk(postings, parts: chunkParts, start: chunkStart, size: chunkEnd - chunkStart, work: &work) else { return false }
            chunkStart = chunkEnd
        }
        return true
    }

    private mutating func countChunk(
        _ postings: UnsafeBufferPointer<UInt32>, parts: [Range<Int>], start: Int, size: Int, work: inout SearchWork
    ) -> Bool {
        guard work.spend(admitting.reduce(0) { $0 + parts[$1].count }) else { return false }
        let fewestShared = fewestShared
        let admitting = admitting
        let completing = completing
        let uncounted = uncounted
        // Moved out (not copied) while the scratch buffers are borrowed, so appending does not copy it.
        var survivors = self.survivors
        self.survivors = []
        defer { self.survivors = survivors }
        return counters.withUnsafeMutableBufferPointer { counters in
            candidates.withUnsafeMutableBufferPointer { candidates in
                counters.update(repeating: 0)
                // A bit per slot marks the candidates, so they can be listed in order without reading every counter.
                let words = (size + 63) / 64
                marks.withUnsafeMutableBufferPointer { marks in
                    marks.update(repeating: 0)
                    for list in admitting {
                        for position in parts[list] {
                            let counter = Int(postings[position]) - start
                            if counters[counter] != .max { counters[counter] += 1 }
                            marks[counter >> 6] |= 1 << UInt64(counter & 63)
                        }
                    }
                }
                var found = 0
                for (word, bits) in marks.prefix(words).enumerated() {
                    var bits = bits
                    while bits != 0 {
                        candidates[found] = Int32(word << 6 | bits.trailingZeroBitCount)
                        found += 1
                        bits &= bits - 1
                    }
                }
                // Drops the candidates that can no longer reach the fewest shared grams; worth it only before a probe
                // (whose cost is per candidate) and at the end.
                func keepReachable(listsLeft: Int) {
                    let reachable = fewestShared - listsLeft
                    guard reachable > 0 else { return }
                    var kept = 0
                    for candidate in 0..<found {
                        let counter = candidates[candidate]
                        candidates[kept] = counter
                        kept += Int(counters[Int(counter)]) >= reachable ? 1 : 0
                    }
                    found = kept
                }
                var listsLeft = completing.count
                for list in completing {
                    let part = parts[list]
                    if found * Self.probeCostInPostings < part.count { keepReachable(listsLeft: listsLeft) }
                    guard found > 0 else { break }
                    listsLeft -= 1
                    let probing = found * Self.probeCostInPostings
                    guard work.spend(min(probing, part.count)) else { return false }
                    if probing < part.count {
                        // Candidates and postings both ascend: each search starts where the last one ended.
                        var low = part.lowerBound
                        for candidate in 0..<found {
                            let counter = Int(candidates[candidate])
                            let target = UInt32(truncatingIfNeeded: counter + start)
                            var high = part.upperBound
                            while low < high {
                                let middle = (low + high) / 2
                                if postings[middle] < target { low = middle + 1 } else { high = middle }
                            }
                            if low < part.upperBound, postings[low] == target, counters[counter] != .max { counters[counter] += 1 }
                        }
                    } else {
                        for position in part {
                            let counter = Int(postings[position]) - start
                            if counters[counter] != .max { counters[counter] += 1 }
                        }
                    }
                }
                keepReachable(listsLeft: listsLeft)
                for candidate in 0..<found {
                    let counter = Int(candidates[candidate])
                    survivors.append(UInt64(Int(counters[counter]) + uncounted) << 32 | UInt64(counter + start))
                }
                return true
            }
        }
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

    /// M − q + 1 − q·d: the grams two strings whose longer side has M scalars share at least when they are d edits
    /// apart (T(L) with d = k(M)).
    static func sharedGrams(maxLength: Int, distance: Int, gramLength: Int) -> Int {
        maxLength - gramLength + 1 - gramLength * distance
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
        if let bound = sharedGramBound, bound < ScoreRule.sharedGrams(maxLength: maxLength, distance: ceiling, gramLength: gramLength) {
            return
        }
        guard work.spend(cost(ofLength: length)) else { return }
        let start = index.keyStarts[slot]
        let end = index.keyStarts[slot + 1]
        let measured: Int?
        if end - start == length {
            // As many bytes as scalars: the key is ASCII.
            measured = index.keyBytes.withUnsafeBufferPointer { bytes in
                pattern.distance(toASCII: UnsafeBufferPointer(rebasing: bytes[start..<end]), limit: ceiling)
            }
        } else {
            index.decodeKey(of: slot, into: &scalars)
            measured = scalars.withUnsafeBufferPointer { pattern.distance(to: $0, limit: ceiling) }
        }
        guard let distance = measured else { return }
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
}
