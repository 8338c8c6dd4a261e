import Foundation

/// Copies one store into another, whatever their engines (`tm copy`): every pair with its id, origin and timestamps,
/// and every term with its spellings, in batches, so a copy of any size holds a batch in memory at a time.
public enum StoreCopy {
    /// What a copy moved.
    public struct Report: Sendable, Codable, Equatable {
        public let segments: Int
        public let terms: Int
    }

    /// Copies `source` into `target`, which must be empty (open it without seeding): a copy into a store that holds
    /// pairs or terms would merge two memories, which is `tm import`'s job. `progress` gets the pairs copied so far.
    public static func copy(from source: any Store, to target: any Store, batch: Int = 5_000, progress: ((Int) -> Void)? = nil)
        throws(TMError) -> Report
    {
        let held = try target.counts()
        guard held.segments == 0, held.terms == 0 else {
            throw .invalidInput(
                field: "to", message: "\(target.location) already holds \(held.segments) pairs and \(held.terms) terms: copy into an empty store")
        }
        let terms = try source.allTerms()
        _ = try target.importTerms(terms)
        var copied = 0
        var after: Int64 = 0
        while true {
            let page = try source.segments(after: after, limit: batch)
            guard let last = page.last else { break }
            try target.restore(page)
            copied += page.count
            progress?(copied)
            after = last.id
        }
        return Report(segments: copied, terms: terms.count)
    }

    /// Copies the store at `source` into the empty store at `target` (`tm copy --from --to`). A SQLite target that
    /// does not exist yet is written under a temporary name and renamed when the copy is complete, so a failed copy
    /// leaves no half-written file; a PostgreSQL target keeps the batches already committed, and the error says so.
    public static func copy(from source: String, to target: String, batch: Int = 5_000, progress: ((_ copied: Int, _ total: Int) -> Void)? = nil)
        throws(TMError) -> Report
    {
        guard source != target else { throw .invalidInput(field: "to", message: "--from and --to name the same database") }
        if !StoreLocation.isPostgres(source), !FileManager.default.fileExists(atPath: source) {
            throw .notFound("the database \(source)")
        }
        let from = try StoreLocation.open(source)
        defer { try? from.close() }
        let total = try from.counts().segments
        let staged = !StoreLocation.isPostgres(target) && !FileManager.default.fileExists(atPath: target)
        let written = staged ? target + ".partial-\(ProcessInfo.processInfo.processIdentifier)" : target
        var copied = 0
        do throws(TMError) {
            let to = try StoreLocation.open(written)
            defer { try? to.close() }
            let report = try copy(from: from, to: to, batch: batch) { count in
                copied = count
                progress?(count, total)
            }
            try to.close()
            if staged {
                do {
                    // The log files too, in case the close left pages in the WAL: the main file goes last.
                    for suffix in ["-wal", "-shm", ""] where FileManager.default.fileExists(atPath: written + suffix) {
                        try? FileManager.default.removeItem(atPath: target + suffix)
                        try FileManager.default.moveItem(atPath: written + suffix, toPath: target + suffix)
                    }
                } catch {
                    throw TMError.storage("could not rename \(written) to \(target): \(error.localizedDescription)")
                }
            }
            return report
        } catch {
            if staged {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: written + suffix) }
            } else if copied > 0 {
                throw .storage("\(error); the \(copied) pairs copied before it stay in the target: empty it before copying again")
            }
            throw error
        }
    }
}
