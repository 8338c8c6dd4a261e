import Glossary
import Logging
import ServiceLifecycle

/// Runs beside the server: keeps the fuzzy indexes and the glossary index following the change log, so a write by
/// another process (`tm import`, a second server on the same file) is searchable within `interval`.
public struct ChangeFollowService: Service {
    let memory: TranslationMemory
    let glossary: TermGlossary
    let interval: Duration
    let logger: Logger

    public init(memory: TranslationMemory, glossary: TermGlossary, interval: Duration = .milliseconds(200), logger: Logger) {
        self.memory = memory
        self.glossary = glossary
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    // Off the cooperative pool: a rebuild after another process's large import takes seconds.
                    try await BlockingWork.run {
                        try memory.refresh()
                        try glossary.refresh()
                    }
                } catch {
                    logger.error("following the change log failed", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}
