import Foundation

/// Which store a `--db` value (or `$TM_DB`) names: a `postgres://` or `postgresql://` URL is a PostgreSQL
/// database, anything else the path of a SQLite file.
public enum StoreLocation {
    /// Whether `location` names a PostgreSQL database.
    public static func isPostgres(_ location: String) -> Bool {
        let lowered = location.lowercased()
        return lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://")
    }

    /// Opens (creating the schema if needed) the store at `location`; a store never seeded before gets the terms
    /// `seed` returns, in the transaction that records the seeding.
    public static func open(_ location: String, seed: () throws(TMError) -> [Term] = { [] }) throws(TMError) -> any Store {
        if isPostgres(location) { return try PostgresStore(url: location, seed: seed) }
        return try SQLiteStore(path: location, seed: seed)
    }
}
