/// One fuzzy-search hit.
public struct FuzzyMatch: Sendable, Hashable {
    public let id: Int64
    /// Levenshtein distance between the query and the entry's key, in Unicode scalars.
    public let distance: Int
    /// 100 × (1 − distance / max(query length, key length)), correctly rounded; 100 when both are empty.
    public let score: Double
}

/// An in-memory fuzzy-match index over one language side of the translation memory.
///
/// `search` returns exactly what `bruteForceSearch` returns — same entries, distances, scores and order — without
/// looking at every entry. Candidates come from q-gram posting lists, limited to the key lengths that can reach the
/// minimum score, and are verified with a bit-parallel edit distance that gives up once the distance is too large.
/// See `FuzzyIndex+Search.swift` for the bounds and why they lose nothing.
///
/// Layout: entries live in numbered slots. Slots `0..<baseCount` (the "base") are sorted by key length and have compact
/// posting lists (one flat array, each list sorted by slot, hence by length), so a length window is a binary search.
/// Slots added since the last compaction (the "delta") have small per-gram arrays. Removal marks a slot dead; dead
/// slots stay in the lists and are skipped. `compact()` renumbers the live entries into a new base; adds and removes
/// call it once the delta and the dead slots outgrow half the base.
///
/// A value type: wrap it in `SharedFuzzyIndex` (or another lock) to share it between threads.
public struct FuzzyIndex: Sendable {
    /// Scalars per gram: 2 suits Hangul syllables (a syllable is nearly a word piece), 3 suits Latin text.
    public let gramLength: Int

    // Per slot.
    var ids: [Int64] = []
    var recencies: [Double] = []
    /// Key length in Unicode scalars.
    var lengths: [UInt32] = []
    /// UTF-8 of every key back to back; slot s spans `keyStarts[s]..<keyStarts[s + 1]`.
    var keyBytes: [UInt8] = []
    var keyStarts: [Int] = [0]
    var alive: [Bool] = []

    var slotOfID = SlotTable()
    var deadCount = 0
    /// The longest key ever stored since the last compaction (dead ones included): bounds the length window.
    var longestKeyLength = 0

    // Base postings: list n of `baseLists` spans `basePostings[baseListStarts[n]..<baseListStarts[n + 1]]`.
    var baseCount = 0
    var baseLists = GramTable(expectedCount: 0)
    var baseListStarts: [Int] = [0]
    var basePostings: [UInt32] = []

    // Delta postings and the delta slots of each key length (the fallback scan walks lengths).
    var deltaPostings: [UInt64: [UInt32]] = [:]
    var deltaSlotsByLength: [Int: [UInt32]] = [:]

    /// Compact once the delta plus the dead slots exceed half the base plus this many, so that a long run of single
    /// adds costs a small constant factor over one bulk build.
    private static let compactionSlack = 16_384

    /// Whether adds and removes compact when `needsCompaction`. A shared index turns it off and compacts a copy
    /// outside its lock instead, so that searches do not wait for a rebuild of the base.
    public var compactsItself = true

    /// - Parameter gramLength: scalars per gram, at least 1 (values below are raised to 1). Use 2 for Korean keys,
    ///   3 for English keys.
    public init(gramLength: Int) {
        self.gramLength = max(1, gramLength)
    }

    /// Live entries.
    public var count: Int { slotOfID.count }

    /// Adds an entry, replacing the entry with the same id if there is one.
    ///
    /// - Parameter recency: larger is more recent; ties in score go to the more recent entry. NaN counts as −∞.
    public mutating func add(id: Int64, key: String, recency: Double) {
        let slot = store(id: id, key: key, recency: recency)
        var grams: [UInt64] = []
        addDeltaPostings(of: slot, grams: &grams)
        compactIfWorthIt()
    }

    /// Puts a delta slot on the delta lists of its grams and of its length (`grams` is scratch space).
    mutating func addDeltaPostings(of slot: Int, grams: inout [UInt64]) {
        withKeyScalars(of: slot) { GramKeys.collect($0, gramLength: gramLength, into: &grams) }
        for gram in grams {
            deltaPostings[gram, default: []].append(UInt32(truncatingIfNeeded: slot))
        }
        deltaSlotsByLength[Int(lengths[slot]), default: []].append(UInt32(truncatingIfNeeded: slot))
    }

    /// Adds many entries (later ones replace earlier ones with the same id) and rebuilds the index once: the fast way
    /// to load a memory. Entries that come sorted by key length into an empty index become the base as they are;
    /// others are sorted by a compaction, which holds a second copy of the keys meanwhile.
    public mutating func add(contentsOf entries: some Sequence<(id: Int64, key: String, recency: Double)>) {
        var sortedByLength = ids.isEmpty
        for entry in entries {
            let slot = store(id: entry.id, key: entry.key, recency: entry.recency)
            if slot > 0 && lengths[slot] < lengths[slot - 1] { sortedByLength = false }
        }
        if sortedByLength && deadCount == 0 && baseCount == 0 {
            buildBasePostings()
        } else {
            compact()
        }
    }

    /// Removes the entry with this id, if any.
    public mutating func remove(id: Int64) {
        guard let slot = slotOfID.remove(id) else { return }
        alive[slot] = false
        deadCount += 1
        compactIfWorthIt()
    }

    /// Appends the entry's data to a new slot (without postings) and retires the slot it replaces.
    private mutating func store(id: Int64, key: String, recency: Double) -> Int {
        if let previous = slotOfID[id] {
            alive[previous] = false
            deadCount += 1
        }
        let slot = ids.count
        ids.append(id)
        recencies.append(recency.isNaN ? -Double.infinity : recency)
        let length = key.unicodeScalars.count
        lengths.append(UInt32(truncatingIfNeeded: length))
        keyBytes.append(contentsOf: key.utf8)
        keyStarts.append(keyBytes.count)
        alive.append(true)
        slotOfID.set(id, slot: slot)
        longestKeyLength = max(longestKeyLength, length)
        return slot
    }

    /// The delta and the dead slots have outgrown the base: searches slow down until `compact()`.
    public var needsCompaction: Bool {
        ids.count - baseCount + deadCount > baseCount / 2 + Self.compactionSlack
    }

    private mutating func compactIfWorthIt() {
        if compactsItself && needsCompaction { compact() }
    }

    /// Rebuilds the base from the live entries: sorted by key length, dead slots dropped, posting lists packed.
    public mutating func compact() {
        let order = (0..<ids.count).filter { alive[$0] }.sorted { (lengths[$0], $0) < (lengths[$1], $1) }
        var rebuilt = FuzzyIndex(gramLength: gramLength)
        rebuilt.compactsItself = compactsItself
        rebuilt.ids.reserveCapacity(order.count)
        rebuilt.recencies.reserveCapacity(order.count)
        rebuilt.lengths.reserveCapacity(order.count)
        rebuilt.alive = [Bool](repeating: true, count: order.count)
        rebuilt.keyStarts.reserveCapacity(order.count + 1)
        rebuilt.keyBytes.reserveCapacity(keyBytes.count)
        let slotIDs = ids
        rebuilt.slotOfID = SlotTable(sizedFor: order.lazy.map { slotIDs[$0] })
        for slot in order {
            rebuilt.slotOfID.set(ids[slot], slot: rebuilt.ids.count)
            rebuilt.ids.append(ids[slot])
            rebuilt.recencies.append(recencies[slot])
            rebuilt.lengths.append(lengths[slot])
            rebuilt.keyBytes.append(contentsOf: keyBytes[keyStarts[slot]..<keyStarts[slot + 1]])
            rebuilt.keyStarts.append(rebuilt.keyBytes.count)
            rebuilt.longestKeyLength = max(rebuilt.longestKeyLength, Int(lengths[slot]))
        }
        self = rebuilt
        buildBasePostings()
    }

    /// Packs the posting lists of every slot into the base: one pass counts each list, a second places the slots. The
    /// grams are computed twice rather than remembered: a list number per gram would cost as much memory as the
    /// postings themselves while they are built.
    private mutating func buildBasePostings() {
        var table = GramTable(expectedCount: 1024)  // grows by doubling; distinct grams are few next to postings
        var listSizes: [Int] = []
        var grams: [UInt64] = []
        var scalars: [UInt32] = []
        for slot in ids.indices {
            decodeKey(of: slot, into: &scalars)
            scalars.withUnsafeBufferPointer { GramKeys.collect($0, gramLength: gramLength, into: &grams) }
            for gram in grams {
                let list = table.listInserting(gram)
                if list == listSizes.count { listSizes.append(0) }
                listSizes[list] += 1
            }
        }
        var starts = [Int](repeating: 0, count: listSizes.count + 1)
        for (list, size) in listSizes.enumerated() { starts[list + 1] = starts[list] + size }
        listSizes = []
        var next = starts
        var postings = [UInt32](repeating: 0, count: starts[starts.count - 1])
        for slot in ids.indices {
            // Slots are visited in order, so every list comes out sorted by slot, hence by key length.
            decodeKey(of: slot, into: &scalars)
            scalars.withUnsafeBufferPointer { GramKeys.collect($0, gramLength: gramLength, into: &grams) }
            for gram in grams {
                guard let list = table.list(of: gram) else { continue }  // every gram was inserted by the first pass
                postings[next[list]] = UInt32(truncatingIfNeeded: slot)
                next[list] += 1
            }
        }
        baseCount = ids.count
        baseLists = table
        baseListStarts = starts
        basePostings = postings
        deltaPostings = [:]
        deltaSlotsByLength = [:]
    }

    /// Runs `body` on the key of `slot` decoded to Unicode scalar values.
    func withKeyScalars<Result>(of slot: Int, _ body: (UnsafeBufferPointer<UInt32>) -> Result) -> Result {
        var scalars: [UInt32] = []
        decodeKey(of: slot, into: &scalars)
        return scalars.withUnsafeBufferPointer(body)
    }

    /// Decodes the key of `slot` into `scalars` (replacing its contents). The bytes came from `String.utf8`, so they
    /// are well-formed UTF-8 and the decoder needs no error paths.
    func decodeKey(of slot: Int, into scalars: inout [UInt32]) {
        scalars.removeAll(keepingCapacity: true)
        keyBytes.withUnsafeBufferPointer { bytes in
            var index = keyStarts[slot]
            let end = keyStarts[slot + 1]
            while index < end {
                let lead = UInt32(bytes[index])
                if lead < 0x80 {
                    scalars.append(lead)
                    index += 1
                } else if lead < 0xE0 {
                    scalars.append((lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F))
                    index += 2
                } else if lead < 0xF0 {
                    scalars.append((lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F))
                    index += 3
                } else {
                    let high = (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                    scalars.append(high | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F))
                    index += 4
                }
            }
        }
    }
}

extension FuzzyIndex {
    /// The key and recency stored for `id`, if it is in the index.
    public func entry(id: Int64) -> (key: String, recency: Double)? {
        guard let slot = slotOfID[id] else { return nil }
        let key = String(decoding: keyBytes[keyStarts[slot]..<keyStarts[slot + 1]], as: UTF8.self)
        return (key, recencies[slot])
    }
}

extension FuzzyIndex {
    /// The bytes each part of the index holds (elements in use, not spare capacity), for the benchmark's
    /// bytes-per-pair breakdown.
    public var footprint: [String: Int] {
        func bytes<Element>(_ array: [Element]) -> Int { array.count * MemoryLayout<Element>.stride }
        return [
            "ids": bytes(ids), "recencies": bytes(recencies), "lengths": bytes(lengths), "key offsets": bytes(keyStarts),
            "keys": bytes(keyBytes), "alive": bytes(alive), "id table": bytes(slotOfID.dense) + slotOfID.sparse.count * 16,
            "postings": bytes(basePostings), "list starts": bytes(baseListStarts),
            "gram table": bytes(baseLists.keys) + bytes(baseLists.lists),
            "delta": deltaPostings.values.reduce(0) { $0 + 8 + bytes($1) },
        ]
    }
}
