import ArgumentParser
import Glossary

struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy the database to FILE with SQLite's online backup (safe while a server runs)."
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "Where to write the copy (replaced if it exists).")
    var file: String

    func run() throws {
        let store = try store.open()
        try store.backup(to: file)
        print("\(store.location) → \(file)")
    }
}
