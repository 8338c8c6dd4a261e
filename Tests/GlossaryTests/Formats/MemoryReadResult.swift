import Foundation
import Testing

@testable import Glossary

/// The namespace of the translation-memory format suites, so that `swift test --filter Formats` runs them all.
enum Formats {}

/// What a memory import produced, collected for assertions.
struct MemoryReadResult {
    var units: [ImportedUnit] = []
    var skips: [SkippedUnit] = []

    var pairs: [[String]] { units.map { [$0.ko, $0.en] } }

    /// Reads `source` with `format`, collecting every unit and skip.
    static func read(_ format: MemoryFormat, _ source: MemorySource) throws -> MemoryReadResult {
        var result = MemoryReadResult()
        try format.read(source, unit: { result.units.append($0) }, skip: { result.skips.append($0) })
        return result
    }

    /// Reads a fixture of Fixtures/memory from its file (the streaming path).
    static func readFixture(_ name: String, as format: MemoryFormat? = nil) throws -> MemoryReadResult {
        let url = try fixtureURL(name)
        return try read(try #require(format ?? MemoryFormat(fileName: name)), .file(url))
    }

    /// Reads text held in memory (the request-body path).
    static func read(_ format: MemoryFormat, text: String, name: String = "body") throws -> MemoryReadResult {
        try read(format, .bytes(Array(text.utf8), name: name))
    }

    static func fixtureURL(_ name: String) throws -> URL {
        try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/memory"))
    }
}

/// A temporary file that is removed when the test ends.
final class TemporaryFile {
    let url: URL

    init(name: String, contents: Data) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tm-formats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        url = directory.appendingPathComponent(name)
        try contents.write(to: url)
    }

    deinit {
        try? FileManager.default.removeItem(at: url.deletingLastPathComponent())
    }
}
