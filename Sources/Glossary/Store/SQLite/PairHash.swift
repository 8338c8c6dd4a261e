/// A pair's identity in 64 bits, for SQLite's `segment.pair_hash` index.
///
/// The pair's texts used to be their own unique index, as large as the table itself: at a million pairs an import
/// spent most of its time keeping it. The hash index is an eighth of that; equal hashes are only candidates, and the
/// texts are compared before a pair counts as stored (`SQLiteStore.storedPairID`), so a collision costs one more
/// comparison, never a lost pair. The value is on disk: it must never change (FNV-1a over the UTF-8 of the Korean side,
/// a 0xFF byte that UTF-8 never contains, the English side; then SplitMix64's finalizer).
enum PairHash {
    static func of(ko: String, en: String) -> Int64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        func add(_ byte: UInt8) {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        for byte in ko.utf8 { add(byte) }
        add(0xFF)
        for byte in en.utf8 { add(byte) }
        return Int64(bitPattern: GramKeys.mix(hash))
    }
}
