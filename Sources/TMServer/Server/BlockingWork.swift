import NIOPosix

/// Runs the library's blocking calls (SQLite, index locks) on a pool of threads of their own.
///
/// Handlers run on Swift's cooperative pool, which has one thread per core — two here. A search waiting for the
/// index lock, or a write waiting for SQLite's, would otherwise hold one of them, and two such waits stop every
/// other request, writes included.
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
