import ArgumentParser
import Foundation
import Glossary

struct Copy: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy a whole database into an empty one, across engines (SQLite ⇄ PostgreSQL).",
        discussion: """
            Every pair keeps its id, origin and timestamps, every term its spellings; pairs go in batches, with \
            progress on stderr. The target must be empty: a new SQLite file (written under a temporary name until \
            the copy is complete) or a PostgreSQL database with no tm data (it is not seeded). Example: \
            tm copy --from tm.sqlite --to postgres://tm@127.0.0.1:5432/tm
            """
    )

    @Option(help: "The database to read: a SQLite file or postgres://user@host:port/db.")
    var from: String

    @Option(help: "The empty database to write: a SQLite file (created) or postgres://user@host:port/db.")
    var to: String

    @Option(help: "Pairs per transaction.")
    var batch = 5_000

    func validate() throws {
        guard (1...100_000).contains(batch) else { throw ValidationError("--batch must be 1–100000") }
    }

    func run() throws {
        let report = try StoreCopy.copy(from: from, to: to, batch: batch) { copied, total in
            FileHandle.standardError.write(Data("copied \(copied) of \(total) pairs\n".utf8))
        }
        print("copied \(report.segments) pairs and \(report.terms) terms")
    }
}
