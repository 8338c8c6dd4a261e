import Foundation
import Glossary

/// A store in a fresh temporary folder, seeded with a few terms; the folder goes when the test ends.
struct TestDatabase {
    let folder: URL
    let store: TMStore

    init(seed: [Term] = [Term(hangul: "김정은", english: "Kim Jong-un", kind: .person, variants: ["Kim Jong Un"])]) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tm-server-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try TMStore(path: folder.appendingPathComponent("tm.sqlite").path) { seed }
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}
