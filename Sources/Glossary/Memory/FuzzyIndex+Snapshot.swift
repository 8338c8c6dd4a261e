/// A `FuzzyIndex` to and from a snapshot file, arrays as they lie in memory (`SnapshotFile`).
///
/// What is written is what a search reads: the slots, their keys and the base postings. The delta postings and the
/// id → slot table are rebuilt on reading (the delta is small next to the base, the table is one pass). Reading checks
/// every bound a search relies on — key offsets, UTF-8 lead and continuation bytes, key lengths, list starts, posting
/// slots, the gram table's shape — so a damaged file is refused instead of read out of bounds.
extension FuzzyIndex {
    func write(to writer: inout SnapshotFile.Writer) throws {
        try writer.write(UInt64(gramLength))
        try writer.write(UInt64(baseCount))
        try writer.write(UInt64(longestKeyLength))
        try writer.write(ids)
        try writer.write(recencies)
        try writer.write(lengths)
        try writer.write(keyStarts)
        try writer.write(keyBytes)
        try writer.write(alive.map { $0 ? UInt8(1) : 0 })
        try writer.write(baseLists.keys)
        try writer.write(baseLists.lists)
        try writer.write(UInt64(baseLists.count))
        try writer.write(baseListStarts)
        try writer.write(basePostings)
    }

    init(snapshot reader: inout SnapshotFile.Reader) throws {
        func damaged(_ what: String) -> SnapshotFile.Damaged { SnapshotFile.Damaged(description: "the index snapshot is damaged: \(what)") }
        let gramLength = try reader.readCount(atMost: 16)
        guard gramLength >= 1 else { throw damaged("gram length 0") }
        self.init(gramLength: gramLength)
        let baseCount = try reader.readCount(atMost: Int(UInt32.max))
        let longest = try reader.readCount(atMost: Int(UInt32.max))
        ids = try reader.readArray(atMost: Int(UInt32.max))
        let slots = ids.count
        guard baseCount <= slots else { throw damaged("more base slots than slots") }
        recencies = try reader.readArray(count: slots)
        lengths = try reader.readArray(count: slots)
        keyStarts = try reader.readArray(count: slots + 1)
        keyBytes = try reader.readArray()
        let aliveBytes: [UInt8] = try reader.readArray(count: slots)
        let tableKeys: [UInt64] = try reader.readArray()
        let tableLists: [UInt32] = try reader.readArray(count: tableKeys.count)
        let listCount = try reader.readCount(atMost: tableKeys.count / 2)
        guard let table = GramTable(keys: tableKeys, lists: tableLists, count: listCount) else { throw damaged("the gram table") }
        baseLists = table
        baseListStarts = try reader.readArray(count: listCount + 1)
        basePostings = try reader.readArray()

        try checkKeys(damaged)
        // The search sizes its per-length tables by this: it must be what the slots say, not merely at least that.
        longestKeyLength = Int(lengths.max() ?? 0)
        guard longest == longestKeyLength else { throw damaged("the longest key length") }
        for slot in 1..<max(1, baseCount) where lengths[slot] < lengths[slot - 1] { throw damaged("base slots out of length order") }
        try checkPostings(baseCount: baseCount, damaged)

        alive = aliveBytes.map { $0 != 0 }
        let (slotIDs, slotsAlive) = (ids, alive)
        slotOfID = SlotTable(sizedFor: slotIDs.indices.lazy.filter { slotsAlive[$0] }.map { slotIDs[$0] })
        for slot in 0..<slots where alive[slot] {
            guard slotOfID.set(ids[slot], slot: slot) == nil else { throw damaged("id \(ids[slot]) in two live slots") }
        }
        deadCount = slots - slotOfID.count
        self.baseCount = baseCount
        // The delta's postings, as `add` makes them.
        var grams: [UInt64] = []
        for slot in baseCount..<slots { addDeltaPostings(of: slot, grams: &grams) }
    }

    /// Offsets rise from 0 to the end of the bytes; each key is whole UTF-8 sequences (what `decodeKey` reads without
    /// checks) with as many scalars as its recorded length. Eight bytes at a time where they are ASCII: at ten million
    /// pairs the keys are more than a gigabyte.
    private func checkKeys(_ damaged: (String) -> SnapshotFile.Damaged) throws {
        guard keyStarts.first == 0, keyStarts.last == keyBytes.count else { throw damaged("key offsets") }
        try keyBytes.withUnsafeBufferPointer { bytes in
            guard let base = UnsafeRawPointer(bytes.baseAddress) else { return }
            for slot in ids.indices {
                var index = keyStarts[slot]
                let end = keyStarts[slot + 1]
                guard index <= end, end <= bytes.count else { throw damaged("key offsets out of order") }
                var scalars = 0
                while index < end {
                    if end - index >= 8, base.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                        index += 8
                        scalars += 8
                        continue
                    }
                    let width = Self.utf8Width(lead: bytes[index])
                    guard width > 0, index + width <= end else { throw damaged("the key of slot \(slot) is not UTF-8") }
                    var continuations = true
                    for offset in 1..<width { continuations = continuations && bytes[index + offset] & 0xC0 == 0x80 }
                    guard continuations else { throw damaged("the key of slot \(slot) is not UTF-8") }
                    index += width
                    scalars += 1
                }
                guard scalars == Int(lengths[slot]) else { throw damaged("the length of slot \(slot)") }
            }
        }
    }

    /// The bytes of the UTF-8 sequence a lead byte starts; 0 for a continuation byte or one no sequence starts with.
    @inline(__always)
    private static func utf8Width(lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xC0 ? 0 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : lead < 0xF8 ? 4 : 0
    }

    /// List starts rise from 0 to the end of the postings; each list holds base slots in rising order (so its last
    /// is its largest, and only that one is compared with the base's end).
    private func checkPostings(baseCount: Int, _ damaged: (String) -> SnapshotFile.Damaged) throws {
        guard baseListStarts.first == 0, baseListStarts.last == basePostings.count else { throw damaged("list starts") }
        try basePostings.withUnsafeBufferPointer { postings in
            for list in 0..<(baseListStarts.count - 1) {
                let start = baseListStarts[list]
                let end = baseListStarts[list + 1]
                guard start <= end, end <= postings.count else { throw damaged("list starts out of order") }
                guard start < end else { continue }
                var falls: UInt8 = 0
                for position in (start + 1)..<end { falls |= postings[position] <= postings[position - 1] ? 1 : 0 }
                guard falls == 0, Int(postings[end - 1]) < baseCount else { throw damaged("list \(list)") }
            }
        }
    }
}
