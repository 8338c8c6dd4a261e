extension FuzzyIndex {
    /// Ids of the live entries whose key contains `phrase` (a match key), highest id first, at most `limit`.
    ///
    /// Concordance runs on the index instead of a full-text table: a phrase of at least `gramLength` scalars takes
    /// its candidates from the shortest posting list among its grams (every key containing a gram is on that gram's
    /// first-occurrence list) and checks each for the phrase; a shorter phrase — a one-syllable Korean word under
    /// bigrams — scans the keys. Either way the answer is exact.
    public func ids(containing phrase: String, limit: Int) -> [Int64] {
        let needle = Array(phrase.utf8)
        guard !needle.isEmpty, limit > 0 else { return [] }
        let scalars = phrase.unicodeScalars.map(\.value)
        var matches: [Int64] = []
        func check(_ slot: Int) {
            if alive[slot], keyContains(slot, needle) { matches.append(ids[slot]) }
        }
        let grams = GramKeys.firstOccurrenceKeys(scalars, gramLength: gramLength)
        if grams.isEmpty {
            for slot in ids.indices { check(slot) }
        } else {
            let lists = grams.map { gram in
                PostingList(
                    base: baseLists.list(of: gram).map { baseListStarts[$0]..<baseListStarts[$0 + 1] } ?? 0..<0,
                    delta: deltaPostings[gram] ?? [])
            }
            guard let shortest = lists.min(by: { $0.count < $1.count }) else { return [] }
            basePostings.withUnsafeBufferPointer { postings in shortest.forEachSlot(postings, check) }
        }
        matches.sort(by: >)
        return Array(matches.prefix(limit))
    }

    /// Whether the key bytes of `slot` contain `needle`: byte search is scalar search for well-formed UTF-8.
    private func keyContains(_ slot: Int, _ needle: [UInt8]) -> Bool {
        let start = keyStarts[slot]
        let end = keyStarts[slot + 1]
        guard end - start >= needle.count else { return false }
        return keyBytes.withUnsafeBufferPointer { bytes in
            var position = start
            let last = end - needle.count
            while position <= last {
                if bytes[position] == needle[0] {
                    var offset = 1
                    while offset < needle.count, bytes[position + offset] == needle[offset] { offset += 1 }
                    if offset == needle.count { return true }
                }
                position += 1
            }
            return false
        }
    }
}
