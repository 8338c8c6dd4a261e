import ArgumentParser
import Foundation
import Glossary

/// `--db`, shared by every command that opens the database.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The database: a SQLite file, or postgres://user@host:port/db (default: $TM_DB, else ./tm.sqlite).")
    var db: String?

    var path: String {
        if let db { return db }
        if let env = ProcessInfo.processInfo.environment["TM_DB"], !env.isEmpty { return env }
        return "tm.sqlite"
    }

    /// Opens the database; a new one is seeded with the bundled glossary.
    func open() throws(TMError) -> any Store {
        try StoreLocation.open(path, seed: BundledGlossary.terms)
    }
}
