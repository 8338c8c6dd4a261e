import Foundation
import Synchronization

extension TranslationMemory {
    /// Streams a file into the memory in one transaction. A malformed unit makes the whole file fail
    /// (nothing imported) unless `skipBad`; either way the report counts what was added, already present
    /// and skipped, and why. `progress` is called with the number of units read, every 10,000.
    public func importFile(
        _ source: MemorySource, format: MemoryFormat, origin: String, skipBad: Bool, progress: ((Int) -> Void)? = nil
    ) throws(TMError) -> MemoryImportReport {
        let name = source.name
        try TextField.check(origin, field: "origin")
        var tally = ImportTally()
        let time = Date().timeIntervalSince1970
        let reversed = ImportDirection.isReversed(source, format: format)
        defer { localWrites.add(1, ordering: .releasing) }
        // Parsing and keying here, writing on a thread of its own: on two cores the import takes the longer of
        // the two instead of their sum.
        let channel = BoundedChannel<KeyedPair>()
        let writer = ImportWriter.start(store: store, origin: origin, time: time, channel: channel)
        do {
            try format.read(
                source,
                unit: { unit in
                    tally.read += 1
                    if tally.read % 10_000 == 0 { progress?(tally.read) }
                    let (ko, en) = reversed ? (unit.en, unit.ko) : (unit.ko, unit.en)
                    guard ImportDirection.hasHangul(ko) else {
                        try tally.skip(
                            SkippedUnit(line: unit.line, reason: "no_hangul", message: "no Hangul on the Korean side", isError: false),
                            skipBad: skipBad, file: name)
                        return
                    }
                    let pair: KeyedPair
                    do throws(TMError) {
                        pair = try KeyedPair(ko: ko, en: en)
                    } catch {
                        try tally.skip(
                            SkippedUnit(line: unit.line, reason: "bad_pair", message: error.description, isError: true), skipBad: skipBad, file: name)
                        return
                    }
                    try channel.send(pair)
                },
                skip: { skipped in try tally.skip(skipped, skipBad: skipBad, file: name) })
            try channel.finish()
        } catch is BoundedChannel<KeyedPair>.Closed {
            // The writer stopped first: its error is the import's.
        } catch {
            channel.fail()
            _ = writer.result()
            throw error as? TMError ?? .storage("\(error)")
        }
        let stored = try writer.result().get()
        return MemoryImportReport(
            file: name, format: format.rawValue, added: stored.added, alreadyPresent: stored.present,
            skipped: tally.skipped.values.reduce(0, +), skippedByReason: tally.skipped, problems: tally.problems,
            notices: reversed ? [ImportDirection.notice] : [])
    }

    /// The thread that writes an import's pairs as the parser sends them, in one transaction.
    private final class ImportWriter: Sendable {
        private let outcome = Mutex<Result<(added: Int, present: Int), TMError>?>(nil)
        private let done = DispatchSemaphore(value: 0)

        /// Starts the writer on a thread of its own.
        static func start(store: any Store, origin: String, time: Double, channel: BoundedChannel<KeyedPair>) -> ImportWriter {
            let writer = ImportWriter()
            Thread { writer.run(store: store, origin: origin, time: time, channel: channel) }.start()
            return writer
        }

        private func run(store: any Store, origin: String, time: Double, channel: BoundedChannel<KeyedPair>) {
            let result = Result { () throws(TMError) in
                do throws(TMError) {
                    return try store.importPairs(origin: origin, at: time) { add in
                        while let batch = try channel.receive() {
                            for pair in batch { try add(pair) }
                        }
                    }
                } catch {
                    // The parser must not wait on a channel nobody drains.
                    channel.cancel()
                    throw error
                }
            }
            outcome.withLock { $0 = result }
            done.signal()
        }

        /// Waits for the writer and returns what it stored.
        func result() -> Result<(added: Int, present: Int), TMError> {
            done.wait()
            done.signal()  // a second call does not wait for ever
            return outcome.withLock { $0 } ?? .failure(.storage("the import's writer stopped without a result"))
        }
    }

    /// What an import has seen so far.
    private struct ImportTally {
        var read = 0
        var skipped: [String: Int] = [:]
        var problems: [SkippedUnit] = []

        mutating func skip(_ unit: SkippedUnit, skipBad: Bool, file: String) throws(TMError) {
            if unit.isError && !skipBad {
                throw .badFile(name: file, line: unit.line, message: "\(unit.message) (nothing imported; --skip-bad imports the good units)")
            }
            skipped[unit.reason, default: 0] += 1
            if problems.count < 100 { problems.append(unit) }
        }
    }

    /// Writes every pair in `format` (TMX or TSV), in id order, a page at a time: memory use stays flat
    /// however large the memory, and a slow reader (an HTTP client) holds back the export instead of
    /// filling a buffer.
    public func export(_ format: MemoryFormat, pageSize: Int = 2_000, to write: (String) async throws -> Void) async throws {
        let (prologue, unit, epilogue): (String, (Segment) -> String, String)
        switch format {
        case .tmx: (prologue, unit, epilogue) = (TMXWriter.prologue, TMXWriter.unit, TMXWriter.epilogue)
        case .tsv: (prologue, unit, epilogue) = (SegmentTSV.header, SegmentTSV.row, "")
        case .po: throw TMError.invalidInput(field: "format", message: "export writes tmx or tsv")
        }
        try await write(prologue)
        var after: Int64 = 0
        while true {
            let page = try store.segments(after: after, limit: pageSize)
            if !page.isEmpty { try await write(page.map(unit).joined()) }
            guard page.count == pageSize, let last = page.last else { break }
            after = last.id
        }
        try await write(epilogue)
    }
}
