/// Levenshtein distance (insert, delete and substitute each cost 1) over Unicode scalar values.
///
/// Computed with Myers' bit-parallel algorithm (Myers 1999, in Hyyrö's formulation): one 64-bit word holds a column of
/// 64 pattern rows, so a 60-scalar sentence costs one word step per text scalar. Longer patterns are cut into 64-row
/// blocks that pass their horizontal carry downwards, the way Myers' "advance block" does.
public enum EditDistance {
    /// The exact distance between `a` and `b`.
    public static func levenshtein(_ a: [UInt32], _ b: [UInt32]) -> Int {
        let ceiling = max(a.count, b.count)
        // The distance never exceeds the longer length, so the bounded form always answers.
        return levenshtein(a, b, limit: ceiling) ?? ceiling
    }

    /// The distance between `a` and `b` when it is at most `limit`, nil when it is larger (or `limit` is negative).
    ///
    /// Stops as soon as the distance must exceed `limit`, which makes rejecting dissimilar strings cheap.
    public static func levenshtein(_ a: [UInt32], _ b: [UInt32], limit: Int) -> Int? {
        // The work is text length × pattern blocks: the shorter string makes the cheaper pattern.
        let (pattern, text) = a.count <= b.count ? (a, b) : (b, a)
        let prepared = BitParallelPattern(pattern)
        return text.withUnsafeBufferPointer { prepared.distance(to: $0, limit: limit) }
    }
}

/// A pattern prepared once for Myers' algorithm and then compared with many texts (the fuzzy index compares one query
/// with every candidate).
struct BitParallelPattern: Sendable {
    /// The pattern length in scalars.
    let length: Int
    /// 64-row blocks per column.
    private let blockCount: Int
    /// Open-addressing table from scalar to symbol number; `emptyScalar` marks free cells (no scalar exceeds 0x10FFFF).
    private let symbolScalars: [UInt32]
    private let symbolNumbers: [Int32]
    private let symbolMask: Int
    /// `matchMasks[symbol * blockCount + block]`: bit i set when pattern row (64·block + i) holds that symbol.
    /// The last symbol stands for every scalar absent from the pattern, and its masks are all zero.
    private let matchMasks: [UInt64]
    private let absentSymbol: Int
    /// The symbol of every ASCII scalar, so that ASCII text needs neither decoding nor the hash table.
    private let asciiSymbols: [Int32]

    private static let emptyScalar = UInt32.max

    init(_ pattern: [UInt32]) {
        length = pattern.count
        blockCount = max(1, (pattern.count + 63) / 64)
        var distinct: [UInt32] = []
        var tableSize = 8
        while tableSize < pattern.count * 2 { tableSize *= 2 }
        var scalars = [UInt32](repeating: Self.emptyScalar, count: tableSize)
        var numbers = [Int32](repeating: 0, count: tableSize)
        var rowSymbols: [Int] = []
        rowSymbols.reserveCapacity(pattern.count)
        for scalar in pattern {
            var cell = Self.hashCell(scalar, mask: tableSize - 1)
            while scalars[cell] != Self.emptyScalar && scalars[cell] != scalar { cell = (cell + 1) & (tableSize - 1) }
            if scalars[cell] == Self.emptyScalar {
                scalars[cell] = scalar
                numbers[cell] = Int32(distinct.count)
                distinct.append(scalar)
            }
            rowSymbols.append(Int(numbers[cell]))
        }
        var masks = [UInt64](repeating: 0, count: (distinct.count + 1) * blockCount)
        for (row, symbol) in rowSymbols.enumerated() {
            masks[symbol * blockCount + row / 64] |= 1 << UInt64(row % 64)
        }
        symbolScalars = scalars
        symbolNumbers = numbers
        symbolMask = tableSize - 1
        matchMasks = masks
        absentSymbol = distinct.count
        asciiSymbols = (0..<128).map { scalar in
            var cell = Self.hashCell(UInt32(scalar), mask: tableSize - 1)
            while scalars[cell] != Self.emptyScalar {
                if scalars[cell] == UInt32(scalar) { return numbers[cell] }
                cell = (cell + 1) & (tableSize - 1)
            }
            return Int32(distinct.count)
        }
    }

    private static func hashCell(_ scalar: UInt32, mask: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(scalar) &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    /// The distance from the pattern to `text` when it is at most `limit`, else nil.
    ///
    /// Early exit: the bottom row D[m][j] changes by at most 1 per column, so after column j the final distance is at
    /// least D[m][j] − (n − j); once that exceeds `limit` no later column can bring it back.
    func distance(to text: UnsafeBufferPointer<UInt32>, limit: Int) -> Int? {
        symbolScalars.withUnsafeBufferPointer { scalars in
            symbolNumbers.withUnsafeBufferPointer { numbers in
                let lookup = SymbolLookup(scalars: scalars, numbers: numbers, mask: symbolMask, absent: absentSymbol)
                return distance(toTextOfLength: text.count, limit: limit) { lookup.symbol(of: text[$0]) }
            }
        }
    }

    /// `distance(to:limit:)` for a text that is all ASCII, given as its bytes.
    func distance(toASCII text: UnsafeBufferPointer<UInt8>, limit: Int) -> Int? {
        asciiSymbols.withUnsafeBufferPointer { symbols in
            distance(toTextOfLength: text.count, limit: limit) { Int(symbols[Int(text[$0] & 0x7F)]) }
        }
    }

    /// Both forms: `symbol(j)` is the pattern symbol of text position j.
    @inline(__always)
    private func distance(toTextOfLength textLength: Int, limit: Int, symbol: (Int) -> Int) -> Int? {
        // Every alignment needs at least |m − n| insertions or deletions.
        guard limit >= 0, abs(length - textLength) <= limit else { return nil }
        if length == 0 || textLength == 0 { return max(length, textLength) }
        return matchMasks.withUnsafeBufferPointer { masks in
            blockCount == 1
                ? singleBlockDistance(textLength, limit: limit, masks: masks, symbol: symbol)
                : multiBlockDistance(textLength, limit: limit, masks: masks, symbol: symbol)
        }
    }

    private struct SymbolLookup {
        let scalars: UnsafeBufferPointer<UInt32>
        let numbers: UnsafeBufferPointer<Int32>
        let mask: Int
        let absent: Int

        @inline(__always)
        func symbol(of scalar: UInt32) -> Int {
            var cell = BitParallelPattern.hashCell(scalar, mask: mask)
            while true {
                let stored = scalars[cell]
                if stored == scalar { return Int(numbers[cell]) }
                if stored == BitParallelPattern.emptyScalar { return absent }
                cell = (cell + 1) & mask
            }
        }
    }

    /// `symbol(j)` is the symbol of text position j.
    @inline(__always)
    private func singleBlockDistance(
        _ textLength: Int, limit: Int, masks: UnsafeBufferPointer<UInt64>, symbol: (Int) -> Int
    ) -> Int? {
        // Rows above the pattern length hold garbage, but carries and shifts only move upwards, so row m − 1 is exact.
        let lastRow: UInt64 = 1 << UInt64(length - 1)
        var positiveVertical = UInt64.max
        var negativeVertical: UInt64 = 0
        var score = length
        var remaining = textLength
        for position in 0..<textLength {
            let equal = masks[symbol(position)]
            let crossVertical = equal | negativeVertical
            let crossHorizontal = (((equal & positiveVertical) &+ positiveVertical) ^ positiveVertical) | equal
            var positiveHorizontal = negativeVertical | ~(crossHorizontal | positiveVertical)
            var negativeHorizontal = positiveVertical & crossHorizontal
            if positiveHorizontal & lastRow != 0 {
                score += 1
            } else if negativeHorizontal & lastRow != 0 {
                score -= 1
            }
            // The top row of a global alignment grows by one per column: a +1 carry into row 0.
            positiveHorizontal = (positiveHorizontal << 1) | 1
            negativeHorizontal <<= 1
            positiveVertical = negativeHorizontal | ~(crossVertical | positiveHorizontal)
            negativeVertical = positiveHorizontal & crossVertical
            remaining -= 1
            if score - remaining > limit { return nil }
        }
        return score <= limit ? score : nil
    }

    @inline(__always)
    private func multiBlockDistance(
        _ textLength: Int, limit: Int, masks: UnsafeBufferPointer<UInt64>, symbol: (Int) -> Int
    ) -> Int? {
        let blocks = blockCount
        let lastRow: UInt64 = 1 << UInt64((length - 1) % 64)
        let topRow: UInt64 = 1 << 63
        var positive = [UInt64](repeating: UInt64.max, count: blocks)
        var negative = [UInt64](repeating: 0, count: blocks)
        var score = length
        var remaining = textLength
        return positive.withUnsafeMutableBufferPointer { positiveVertical in
            negative.withUnsafeMutableBufferPointer { negativeVertical in
                for position in 0..<textLength {
                    let maskBase = symbol(position) * blocks
                    var carry = 1  // horizontal delta entering the block from above; +1 at the top row
                    for block in 0..<blocks {
                        var equal = masks[maskBase + block]
                        let positiveIn = positiveVertical[block]
                        let negativeIn = negativeVertical[block]
                        let crossVertical = equal | negativeIn
                        if carry < 0 { equal |= 1 }
                        let crossHorizontal = (((equal & positiveIn) &+ positiveIn) ^ positiveIn) | equal
                        var positiveHorizontal = negativeIn | ~(crossHorizontal | positiveIn)
                        var negativeHorizontal = positiveIn & crossHorizontal
                        let outRow = block == blocks - 1 ? lastRow : topRow
                        let carryOut = positiveHorizontal & outRow != 0 ? 1 : (negativeHorizontal & outRow != 0 ? -1 : 0)
                        positiveHorizontal <<= 1
                        negativeHorizontal <<= 1
                        if carry < 0 {
                            negativeHorizontal |= 1
                        } else if carry > 0 {
                            positiveHorizontal |= 1
                        }
                        positiveVertical[block] = negativeHorizontal | ~(crossVertical | positiveHorizontal)
                        negativeVertical[block] = positiveHorizontal & crossVertical
                        carry = carryOut
                    }
                    score += carry
                    remaining -= 1
                    if score - remaining > limit { return nil }
                }
                return score <= limit ? score : nil
            }
        }
    }
}
