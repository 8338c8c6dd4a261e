import NIOPosix

/// Runs the library's calls that can wait (writes, for SQLite's write lock; searches, for the index lock while it
/// catches up; imports, alignment, backups) on a pool of threads of their own. Reads that cannot wait (glossary
/// lookups on their snapshot, single-row SQL reads in WAL mode) stay where they are: the hop costs more than they do.
///
/// Handlers run on Swift's cooperative pool, which has one thread per core — two here. Two waiting calls would
/// otherwise hold both threads and stop every other request, writes included.
enum BlockingWork {
    /// Sixteen threads: enough that writers waiting for SQLite and readers waiting for the index never take them all.
    static let pool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 16)
        pool.start()
        return pool
    }()

    static func run<Result: Sendable>(_ body: @escaping @Sendable () throws -> Result) async throws -> Result {
        try await pool.runIfActive(body)
    }
}
