import Foundation

/// A first-in first-out hand-off between one producing and one consuming thread, holding at most `capacity` batches:
/// an import parses on one core while SQLite writes on the other, and a slow writer holds the parser back instead of
/// letting the parsed file pile up in memory.
///
/// Either side may end the stream: the producer with `finish()` (the consumer drains what is left, then gets nil) or
/// `fail()` (the consumer gets `Failed` at once), the consumer with `cancel()` (the producer's next `send` throws).
final class BoundedChannel<Element: Sendable>: @unchecked Sendable {
    /// The other side gave up.
    struct Closed: Error {}

    private let condition = NSCondition()
    private let capacity: Int
    private let batchSize: Int
    private var batches: [[Element]] = []
    private var filling: [Element] = []
    private var finished = false
    private var failed = false
    private var cancelled = false

    init(capacity: Int = 16, batchSize: Int = 256) {
        self.capacity = max(1, capacity)
        self.batchSize = max(1, batchSize)
        filling.reserveCapacity(self.batchSize)
    }

    /// Queues `element`; blocks while the channel is full. Throws `Closed` once the consumer has cancelled.
    /// Producer side only (the batch being filled is the producer's).
    func send(_ element: Element) throws(Closed) {
        filling.append(element)
        guard filling.count >= batchSize else { return }
        try flush()
    }

    /// Sends the last batch and ends the stream.
    func finish() throws(Closed) {
        try flush()
        condition.withLock {
            finished = true
            condition.broadcast()
        }
    }

    /// Ends the stream with an error: the consumer stops without draining.
    func fail() {
        condition.withLock {
            failed = true
            condition.broadcast()
        }
    }

    /// Consumer side: the producer's next `send` throws.
    func cancel() {
        condition.withLock {
            cancelled = true
            batches.removeAll()
            condition.broadcast()
        }
    }

    /// The next batch; nil once the producer has finished and everything was received. Throws `Closed` when the
    /// producer failed.
    func receive() throws(Closed) -> [Element]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !finished && !failed { condition.wait() }
        if failed { throw Closed() }
        guard !batches.isEmpty else { return nil }
        condition.broadcast()
        return batches.removeFirst()
    }

    private func flush() throws(Closed) {
        guard !filling.isEmpty else { return }
        let batch = filling
        filling.removeAll(keepingCapacity: true)
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= capacity && !cancelled { condition.wait() }
        if cancelled { throw Closed() }
        batches.append(batch)
        condition.broadcast()
    }
}
