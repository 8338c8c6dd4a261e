import Foundation
import Testing

@testable import Glossary

/// The hand-off between an import's parser and its writer (`BoundedChannel`).
@Suite struct BoundedChannelTests {
    @Test func everyElementArrivesInOrderThroughAFullChannel() throws {
        let channel = BoundedChannel<Int>(capacity: 2, batchSize: 3)
        let received = ReceivedNumbers()
        let done = DispatchSemaphore(value: 0)
        Thread {
            while let batch = try? channel.receive() { received.append(batch) }
            done.signal()
        }.start()
        for number in 0..<1_000 { try channel.send(number) }
        try channel.finish()
        done.wait()
        #expect(received.all == Array(0..<1_000))
    }

    /// A writer that stops (a full disk) wakes a parser blocked on the full channel; a parser that fails stops the
    /// writer without it draining the rest.
    @Test func eitherSideCanEndTheStream() throws {
        let channel = BoundedChannel<Int>(capacity: 1, batchSize: 1)
        let cancelled = DispatchSemaphore(value: 0)
        Thread {
            _ = try? channel.receive()
            channel.cancel()
            cancelled.signal()
        }.start()
        #expect(throws: BoundedChannel<Int>.Closed.self) {
            for number in 0..<100 { try channel.send(number) }
        }
        cancelled.wait()

        let failing = BoundedChannel<Int>(capacity: 4, batchSize: 1)
        try failing.send(1)
        failing.fail()
        #expect(throws: BoundedChannel<Int>.Closed.self) { _ = try failing.receive() }
    }

    private final class ReceivedNumbers: @unchecked Sendable {
        private let lock = NSLock()
        private var numbers: [Int] = []
        func append(_ batch: [Int]) { lock.withLock { numbers += batch } }
        var all: [Int] { lock.withLock { numbers } }
    }
}
