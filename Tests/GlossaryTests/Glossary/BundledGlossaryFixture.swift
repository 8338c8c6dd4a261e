import Foundation

@testable import Glossary

/// The bundled glossary (the repository's glossaries/ folder) in a temporary database, shared by the suites.
enum BundledGlossaryFixture {
    static let folder: URL = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tm-glossary-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }()

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../glossaries").standardized

    /// Shared, read-only: tests that edit make their own with `fresh()`.
    static let glossary: TermGlossary = {
        do {
            return try fresh()
        } catch {
            fatalError("the bundled glossary does not load: \(error)")
        }
    }()

    /// A new database seeded with the bundled glossary.
    static func fresh() throws -> TermGlossary {
        let path = folder.appendingPathComponent("\(UUID().uuidString).sqlite").path
        let store = try SQLiteStore(path: path) { () throws(TMError) -> [Term] in try BundledGlossary.load(from: directory) }
        return try TermGlossary(store: store)
    }

    /// An empty glossary in a new database.
    static func empty() throws -> TermGlossary {
        try TermGlossary(store: SQLiteStore(path: folder.appendingPathComponent("\(UUID().uuidString).sqlite").path))
    }
}
