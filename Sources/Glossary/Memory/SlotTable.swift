/// Id → slot for a `FuzzyIndex`: a flat array for the ids a database hands out (1, 2, 3, …), a dictionary for the rest.
///
/// A `Dictionary<Int64, Int>` costs about 30 bytes an entry; the flat array costs 4 bytes per id up to the largest,
/// which is 4 bytes a pair while the ids stay dense. An id that would leave the array more than half empty goes to the
/// dictionary instead, so a stray huge id (a copied memory, a PostgreSQL sequence far along) costs what it did before.
struct SlotTable: Sendable {
    /// Slot + 1 of id `i` at index `i`; 0 when the id has no slot.
    private(set) var dense: [UInt32] = []
    private(set) var sparse: [Int64: UInt32] = [:]
    private(set) var count = 0

    init() {}

    /// An empty table whose flat array already spans the largest of `ids` when they will keep it at least half full.
    /// Filling an index in slot order sets its ids in no order at all: grown one id at a time, the array would stay
    /// small while most ids went through the dictionary and moved out of it at each doubling.
    init(sizedFor ids: some Sequence<Int64>) {
        var largestID: Int64 = -1
        var entries = 0
        for id in ids {
            largestID = max(largestID, id)
            entries += 1
        }
        if largestID >= 0, largestID < Int64(2 * (entries + 1024)) {
            dense = [UInt32](repeating: 0, count: Int(largestID) + 1)
        }
    }

    subscript(id: Int64) -> Int? {
        if id >= 0, id < dense.count {
            let stored = dense[Int(id)]
            return stored == 0 ? nil : Int(stored - 1)
        }
        return sparse[id].map { Int($0) }
    }

    /// Sets the slot of `id`, returning the slot it had.
    @discardableResult
    mutating func set(_ id: Int64, slot: Int) -> Int? {
        let stored = UInt32(truncatingIfNeeded: slot + 1)
        if id >= 0, id < dense.count {
            let previous = dense[Int(id)]
            dense[Int(id)] = stored
            if previous == 0 { count += 1 }
            return previous == 0 ? nil : Int(previous - 1)
        }
        if id >= 0, id < Int64(2 * (count + 1024)) {
            // Grow the flat array (by doubling, amortized) and move the dictionary's ids that now fall inside it.
            let size = max(Int(id) + 1, min(2 * dense.count, 2 * (count + 1024)))
            dense.append(contentsOf: repeatElement(0, count: size - dense.count))
            for (sparseID, sparseSlot) in sparse where sparseID >= 0 && sparseID < size {
                dense[Int(sparseID)] = sparseSlot + 1
                sparse[sparseID] = nil
            }
            return set(id, slot: slot)
        }
        let previous = sparse.updateValue(UInt32(truncatingIfNeeded: slot), forKey: id)
        if previous == nil { count += 1 }
        return previous.map { Int($0) }
    }

    /// Removes `id`, returning the slot it had.
    @discardableResult
    mutating func remove(_ id: Int64) -> Int? {
        if id >= 0, id < dense.count {
            let previous = dense[Int(id)]
            guard previous != 0 else { return nil }
            dense[Int(id)] = 0
            count -= 1
            return Int(previous - 1)
        }
        guard let previous = sparse.removeValue(forKey: id) else { return nil }
        count -= 1
        return Int(previous)
    }
}
