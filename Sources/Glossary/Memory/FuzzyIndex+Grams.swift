/// Gram keys and the table that finds a gram's posting list.
///
/// An index key is cut into its L − q + 1 overlapping q-grams ("positional" grams, no padding). A gram that occurs
/// several times in one key is keyed once per occurrence — (gram, 1st), (gram, 2nd), … — so the set of keys of a string
/// is exactly its multiset of grams, and "how many keys two strings share" is the multiset intersection. That is what
/// the count bound in `FuzzyIndex` speaks about.
enum GramKeys {
    /// The 64-bit keys of the (gram, occurrence) pairs of `scalars`, written into `keys` (replacing its contents).
    ///
    /// Keys are hashes: two different pairs may collide. A collision only merges two posting lists, which can raise
    /// the shared count of a candidate but never lower it, so the filter stays conservative and the search exact.
    static func collect(_ scalars: UnsafeBufferPointer<UInt32>, gramLength: Int, into keys: inout [UInt64]) {
        keys.removeAll(keepingCapacity: true)
        guard gramLength > 0, scalars.count >= gramLength else { return }
        for start in 0...(scalars.count - gramLength) {
            keys.append(gramHash(scalars, at: start, gramLength: gramLength))
        }
        // Sorting puts the occurrences of one gram next to each other, so they can be numbered in one pass.
        keys.sort()
        var previous: UInt64 = 0
        var occurrence: UInt64 = 0
        for index in keys.indices {
            let gram = keys[index]
            occurrence = index > 0 && gram == previous ? occurrence + 1 : 0
            previous = gram
            keys[index] = key(gram: gram, occurrence: occurrence)
        }
    }

    /// The hash of the gram that starts at `start` (its content only, not where it occurs).
    @inline(__always)
    static func gramHash(_ scalars: UnsafeBufferPointer<UInt32>, at start: Int, gramLength: Int) -> UInt64 {
        var hash: UInt64 = 0x243F_6A88_85A3_08D3
        for offset in 0..<gramLength {
            hash = mix(hash ^ UInt64(scalars[start + offset]))
        }
        return hash
    }

    /// The key of the `occurrence`-th (from 0) occurrence of a gram in one string.
    @inline(__always)
    static func key(gram: UInt64, occurrence: UInt64) -> UInt64 {
        let key = mix(gram &+ occurrence &* 0xD6E8_FEB8_6659_FD93)
        return key == GramTable.emptyKey ? 1 : key
    }

    /// The keys of the first occurrence of each distinct gram of `scalars`: every key that contains the gram has
    /// that key in its postings, so a substring search needs only these.
    static func firstOccurrenceKeys(_ scalars: [UInt32], gramLength: Int) -> [UInt64] {
        guard gramLength > 0, scalars.count >= gramLength else { return [] }
        var keys: Set<UInt64> = []
        scalars.withUnsafeBufferPointer { scalars in
            for start in 0...(scalars.count - gramLength) {
                keys.insert(key(gram: gramHash(scalars, at: start, gramLength: gramLength), occurrence: 0))
            }
        }
        return Array(keys)
    }

    /// SplitMix64's finalizer: a cheap, well-spread, deterministic 64-bit mix (Swift's `Hasher` is seeded per process).
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var mixed = value &+ 0x9E37_79B9_7F4A_7C15
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

/// Gram key → posting-list number, open addressing with linear probing.
///
/// Keys are already well-mixed hashes, so the low bits pick the cell directly. Two flat arrays cost 12 bytes a cell,
/// far less than a `Dictionary` of arrays for the hundreds of thousands of grams of a million-entry index.
struct GramTable: Sendable {
    static let emptyKey: UInt64 = 0

    private(set) var keys: [UInt64]
    private(set) var lists: [UInt32]
    private(set) var count = 0

    init(expectedCount: Int) {
        var size = 16
        while size < expectedCount * 2 { size *= 2 }
        keys = [UInt64](repeating: Self.emptyKey, count: size)
        lists = [UInt32](repeating: 0, count: size)
    }

    /// A table read back from a snapshot; nil unless it is one this type could have built (a power-of-two size, half
    /// empty at most, every list number below `count`), so a damaged file cannot make a lookup loop or overrun.
    init?(keys: [UInt64], lists: [UInt32], count: Int) {
        guard keys.count == lists.count, keys.count >= 16, keys.count & (keys.count - 1) == 0, count >= 0, count * 2 <= keys.count else {
            return nil
        }
        var used = 0
        for (key, list) in zip(keys, lists) where key != Self.emptyKey {
            guard Int(list) < count else { return nil }
            used += 1
        }
        guard used == count else { return nil }
        self.keys = keys
        self.lists = lists
        self.count = count
    }

    /// The list number of `key`, or nil when the key has no list.
    func list(of key: UInt64) -> Int? {
        let mask = keys.count - 1
        var cell = Int(truncatingIfNeeded: key) & mask
        while true {
            let stored = keys[cell]
            if stored == key { return Int(lists[cell]) }
            if stored == Self.emptyKey { return nil }
            cell = (cell + 1) & mask
        }
    }

    /// The list number of `key`, giving it the next free number (`count` before the call) when it is new.
    mutating func listInserting(_ key: UInt64) -> Int {
        if (count + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var cell = Int(truncatingIfNeeded: key) & mask
        while true {
            let stored = keys[cell]
            if stored == key { return Int(lists[cell]) }
            if stored == Self.emptyKey {
                keys[cell] = key
                lists[cell] = UInt32(truncatingIfNeeded: count)
                count += 1
                return count - 1
            }
            cell = (cell + 1) & mask
        }
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldLists = lists
        keys = [UInt64](repeating: Self.emptyKey, count: oldKeys.count * 2)
        lists = [UInt32](repeating: 0, count: oldKeys.count * 2)
        let mask = keys.count - 1
        for (key, list) in zip(oldKeys, oldLists) where key != Self.emptyKey {
            var cell = Int(truncatingIfNeeded: key) & mask
            while keys[cell] != Self.emptyKey { cell = (cell + 1) & mask }
            keys[cell] = key
            lists[cell] = list
        }
    }
}

/// A query's grams as the search reads them: the key of every positional gram (gram and occurrence, as the index
/// stores them), and for each distinct gram where it starts in the query and which of those keys is its first
/// occurrence (the key every entry containing the gram has).
struct QueryGrams {
    let gramLength: Int
    /// One per positional gram: N = length − q + 1 of them, the occurrences of one gram together.
    private(set) var keys: [UInt64] = []
    /// The distinct grams: `firstKey` indexes `keys`; `positions` ascending.
    private(set) var grams: [(firstKey: Int, positions: [Int])] = []

    init(_ scalars: [UInt32], gramLength: Int) {
        self.gramLength = max(1, gramLength)
        guard scalars.count >= self.gramLength else { return }
        var hashed = scalars.withUnsafeBufferPointer { scalars in
            (0...(scalars.count - self.gramLength)).map {
                (hash: GramKeys.gramHash(scalars, at: $0, gramLength: self.gramLength), position: $0)
            }
        }
        hashed.sort { ($0.hash, $0.position) < ($1.hash, $1.position) }
        var start = 0
        while start < hashed.count {
            var end = start + 1
            while end < hashed.count && hashed[end].hash == hashed[start].hash { end += 1 }
            grams.append((firstKey: keys.count, positions: hashed[start..<end].map(\.position)))
            for occurrence in 0..<(end - start) {
                keys.append(GramKeys.key(gram: hashed[start].hash, occurrence: UInt64(occurrence)))
            }
            start = end
        }
    }

    /// The fewest edits that leave no occurrence of any of the `chosen` grams (indexes into `grams`) intact.
    ///
    /// An edit — substituting or deleting the query scalar at x, or inserting next to it — breaks only the grams
    /// that cover x: the grams starting in x − q + 1 ... x. So the edits needed are the fewest points that stab every
    /// interval [p, p + q − 1] of the chosen grams' positions; taking the intervals by start (their ends come in the
    /// same order) and stabbing each unstabbed one at its end is optimal.
    func editsToBreak(_ chosen: some Sequence<Int>) -> Int {
        var marked = [Bool](repeating: false, count: keys.count)
        for gram in chosen {
            for position in grams[gram].positions { marked[position] = true }
        }
        var edits = 0
        var stabbedThrough = -1
        for position in marked.indices where marked[position] && position > stabbedThrough {
            edits += 1
            stabbedThrough = position + gramLength - 1
        }
        return edits
    }
}
