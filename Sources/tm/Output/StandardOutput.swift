import Foundation

/// Buffered standard output: a command that prints 10,000 lines makes a few writes, not 10,000.
final class StandardOutput {
    private var buffer = Data()
    private let limit = 1 << 16

    /// Writes `line` and a line break.
    func line(_ line: String) {
        buffer.append(contentsOf: line.utf8)
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= limit { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    deinit { flush() }
}
