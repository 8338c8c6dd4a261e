import Foundation

/// Reads a memory source line by line without loading a file whole: PO and TSV imports may be gigabytes.
///
/// Lines end with LF or CRLF; a UTF-8 byte-order mark at the start is dropped. A line that is not valid
/// UTF-8 makes the file bad (`TMError.badFile` with the line): guessing another encoding would store
/// corrupted segments silently.
enum MemoryFileReader {
    /// The size of one read from a file.
    static let chunkSize = 1 << 16

    /// Calls `body` with each line (without its line end) and its 1-based number.
    static func forEachLine(in source: MemorySource, _ body: (_ line: String, _ number: Int) throws -> Void) throws {
        var splitter = LineSplitter(name: source.name)
        switch source {
        case .bytes(let bytes, _):
            try splitter.feed(bytes[...], body)
        case .file(let url), .upload(let url, _):
            let handle = try openFile(url)
            defer { try? handle.close() }
            while true {
                let chunk: Data?
                do {
                    chunk = try handle.read(upToCount: chunkSize)
                } catch {
                    throw TMError.badFile(name: source.name, line: nil, message: "cannot read the file: \(error.localizedDescription)")
                }
                guard let chunk, !chunk.isEmpty else { break }
                try splitter.feed(Array(chunk)[...], body)
            }
        }
        try splitter.finish(body)
    }

    /// Opens `url` for reading, or throws a `badFile` error that names it.
    static func openFile(_ url: URL) throws(TMError) -> FileHandle {
        do {
            return try FileHandle(forReadingFrom: url)
        } catch {
            throw .badFile(name: url.lastPathComponent, line: nil, message: "cannot open the file: \(error.localizedDescription)")
        }
    }

    /// The first `limit` bytes of a file (fewer if it is shorter).
    static func prefix(of url: URL, limit: Int) throws(TMError) -> [UInt8] {
        let handle = try openFile(url)
        defer { try? handle.close() }
        do {
            return Array(try handle.read(upToCount: limit) ?? Data())
        } catch {
            throw .badFile(name: url.lastPathComponent, line: nil, message: "cannot read the file: \(error.localizedDescription)")
        }
    }
}

/// Cuts a byte stream into lines across chunk boundaries.
private struct LineSplitter {
    let name: String
    private var pending: [UInt8] = []
    private var lineNumber = 0

    init(name: String) {
        self.name = name
    }

    mutating func feed(_ bytes: ArraySlice<UInt8>, _ body: (String, Int) throws -> Void) throws {
        var start = bytes.startIndex
        while let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) {
            if pending.isEmpty {
                try emit(bytes[start..<newline], body)
            } else {
                pending += bytes[start..<newline]
                let line = pending
                pending.removeAll(keepingCapacity: true)
                try emit(line[...], body)
            }
            start = newline + 1
        }
        pending += bytes[start...]
    }

    mutating func finish(_ body: (String, Int) throws -> Void) throws {
        guard !pending.isEmpty else { return }
        let line = pending
        pending = []
        try emit(line[...], body)
    }

    private mutating func emit(_ raw: ArraySlice<UInt8>, _ body: (String, Int) throws -> Void) throws {
        lineNumber += 1
        var bytes = raw
        if bytes.last == UInt8(ascii: "\r") { bytes = bytes.dropLast() }
        if lineNumber == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let line = String(validating: bytes, as: UTF8.self) else {
            let offset: Int
            do {
                _ = try Normalizer.decodeUTF8(bytes)
                offset = 0
            } catch {
                offset = error.byteOffset
            }
            throw TMError.badFile(name: name, line: lineNumber, message: "invalid UTF-8 at byte \(offset + 1) of the line")
        }
        try body(line, lineNumber)
    }
}
