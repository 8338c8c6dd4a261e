import Foundation

/// Raw arrays to and from a file, for the fuzzy indexes' snapshot (`TranslationMemory+Snapshot.swift`).
///
/// An array is its element count (a little-endian UInt64) and then its elements' bytes as they lie in memory: reading
/// one back is one `read(2)` into the new array's storage, with no parsing and no second copy, so a million-pair index
/// loads at the speed of the page cache. Every read is checked against the file's end and a caller's bound.
enum SnapshotFile {
    struct Damaged: Error, CustomStringConvertible {
        let description: String
    }

    /// Writes to a file descriptor through a buffer.
    struct Writer: ~Copyable {
        let descriptor: Int32
        private var buffer: [UInt8] = []

        init(descriptor: Int32) {
            self.descriptor = descriptor
            buffer.reserveCapacity(1 << 20)
        }

        mutating func write(_ value: UInt64) throws {
            withUnsafeBytes(of: value.littleEndian) { buffer.append(contentsOf: $0) }
            if buffer.count >= 1 << 20 { try flush() }
        }

        mutating func write(_ value: Int64) throws { try write(UInt64(bitPattern: value)) }

        mutating func write(_ text: String) throws {
            let bytes = Array(text.utf8)
            try write(bytes)
        }

        /// The count, then the elements' bytes (the machine's byte order: a snapshot is read back where it was written,
        /// and the header records the order).
        mutating func write<Element: BitwiseCopyable>(_ array: [Element]) throws {
            try write(UInt64(array.count))
            try flush()
            try array.withUnsafeBytes { try Self.writeAll($0, to: descriptor) }
        }

        mutating func flush() throws {
            guard !buffer.isEmpty else { return }
            try buffer.withUnsafeBytes { try Self.writeAll($0, to: descriptor) }
            buffer.removeAll(keepingCapacity: true)
        }

        private static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) throws {
            var offset = 0
            while offset < bytes.count {
                guard let base = bytes.baseAddress else { return }
                let written = Foundation.write(descriptor, base + offset, min(bytes.count - offset, 1 << 30))
                if written < 0 {
                    if errno == EINTR { continue }
                    throw Damaged(description: "cannot write the snapshot: \(String(cString: strerror(errno)))")
                }
                offset += written
            }
        }
    }

    /// Reads what `Writer` wrote.
    struct Reader: ~Copyable {
        let descriptor: Int32
        /// Bytes left in the file: no count read from it may promise more.
        private var remaining: Int

        init(descriptor: Int32, size: Int) {
            self.descriptor = descriptor
            remaining = size
        }

        mutating func readUInt64() throws -> UInt64 {
            var value: UInt64 = 0
            try withUnsafeMutableBytes(of: &value) { try readAll(into: $0) }
            return UInt64(littleEndian: value)
        }

        mutating func readInt64() throws -> Int64 { Int64(bitPattern: try readUInt64()) }

        /// A count that must be at most `limit`.
        mutating func readCount(atMost limit: Int) throws -> Int {
            let value = try readUInt64()
            guard value <= UInt64(max(0, limit)) else { throw Damaged(description: "a count of \(value) where at most \(limit) fit") }
            return Int(value)
        }

        mutating func readString(atMost limit: Int) throws -> String {
            let bytes: [UInt8] = try readArray(atMost: limit)
            return String(decoding: bytes, as: UTF8.self)
        }

        /// An array of at most `limit` elements (and no more than the file holds).
        mutating func readArray<Element: BitwiseCopyable>(atMost limit: Int = .max) throws -> [Element] {
            let count = try readCount(atMost: min(limit, remaining / max(1, MemoryLayout<Element>.stride)))
            return try [Element](unsafeUninitializedCapacity: count) { storage, initialized in
                let bytes = UnsafeMutableRawBufferPointer(storage)
                Self.adviseHugePages(bytes)
                try readAll(into: bytes)
                initialized = count
            }
        }

        /// Asks for 2 MiB pages under a large array before it is first written: reading gigabytes into 4 KiB pages
        /// spends more time in page faults than in copying, and a search's random reads into the keys miss the TLB
        /// less. Advice only (Linux's transparent huge pages, when set to `madvise`); nothing changes where it is off.
        private static func adviseHugePages(_ bytes: UnsafeMutableRawBufferPointer) {
            #if os(Linux)
                let hugePage = 2 << 20
                guard bytes.count >= 4 * hugePage, let base = bytes.baseAddress else { return }
                let start = (Int(bitPattern: base) + hugePage - 1) & ~(hugePage - 1)
                let end = (Int(bitPattern: base) + bytes.count) & ~(hugePage - 1)
                guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
                _ = madvise(aligned, end - start, MADV_HUGEPAGE)
            #endif
        }

        /// An array of exactly `count` elements.
        mutating func readArray<Element: BitwiseCopyable>(count: Int) throws -> [Element] {
            let array: [Element] = try readArray(atMost: count)
            guard array.count == count else { throw Damaged(description: "an array of \(array.count) where \(count) were expected") }
            return array
        }

        private mutating func readAll(into bytes: UnsafeMutableRawBufferPointer) throws {
            guard bytes.count <= remaining else { throw Damaged(description: "the snapshot ends early") }
            var offset = 0
            while offset < bytes.count {
                guard let base = bytes.baseAddress else { return }
                let got = Foundation.read(descriptor, base + offset, min(bytes.count - offset, 1 << 30))
                if got < 0 && errno == EINTR { continue }
                guard got > 0 else { throw Damaged(description: "the snapshot ends early") }
                offset += got
            }
            remaining -= bytes.count
        }
    }
}
