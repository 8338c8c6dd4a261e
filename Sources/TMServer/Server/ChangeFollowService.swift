import Glossary
import Logging
import ServiceLifecycle

/// Runs beside the server: keeps the fuzzy indexes and the glossary index following the change log, so a write by
/// another process (`tm import`, a second server on the same file or database) is searchable within `interval`,
/// and at once when the store signals its changes (PostgreSQL's NOTIFY, see `Store.changeSignals`).
public struct ChangeFollowService: Service {
    let memory: TranslationMemory
    let glossary: TermGlossary
    let interval: Duration
    let signals: AsyncStream<Void>?
    let logger: Logger

    public init(
        memory: TranslationMemory, glossary: TermGlossary, interval: Duration = .milliseconds(200), signals: AsyncStream<Void>? = nil,
        logger: Logger
    ) {
        self.memory = memory
        self.glossary = glossary
        self.interval = interval
        self.signals = signals
        self.logger = logger
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                if let signals {
                    group.addTask {
                        // Errors are the polling loop's to report.
                        for await _ in signals { _ = try? await BlockingWork.run { try refresh() } }
                    }
                }
                group.addTask { await poll() }
            }
        }
    }

    private func refresh() throws {
        try memory.refresh()
        try glossary.refresh()
    }

    private func poll() async {
        // A database that cannot be reached is logged when it goes and when it comes back, not every interval.
        var failing: String?
        while !Task.isCancelled {
            do {
                // Off the cooperative pool: a rebuild after another process's large import takes seconds.
                try await BlockingWork.run { try refresh() }
                if failing != nil {
                    logger.notice("following the change log again", metadata: ["change": "\(memory.indexedChange ?? 0)"])
                    failing = nil
                }
            } catch {
                let message = "\(error)"
                if failing != message { logger.error("following the change log failed", metadata: ["error": "\(message)"]) }
                failing = message
            }
            try? await Task.sleep(for: interval)
        }
    }
}
