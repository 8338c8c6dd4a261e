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
}
