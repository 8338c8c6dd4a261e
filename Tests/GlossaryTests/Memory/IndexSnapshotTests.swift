import Foundation
import GRDB
import Testing

@testable import Glossary

/// The indexes saved beside the database and read back at start (`TranslationMemory+Snapshot.swift`).
@Suite struct IndexSnapshotTests {
    private static func database() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tm-snapshot-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent("tm.sqlite").path
    }

    private static func fill(_ memory: TranslationMemory, count: Int, from start: Int = 0) throws {
        let rows = (start..<(start + count)).map { "\($0)번째 기사의 문장이다.\tSentence \($0) of the article.\n" }.joined()
        _ = try memory.importFile(.bytes(Array(("ko\ten\n" + rows).utf8), name: "fill.tsv"), format: .tsv, origin: "fill", skipBad: false)
    }

    private static let queries = ["Sentence 17 of the article", "Sentence 1500 of an article.", "1234번째 기사의 문장", "없는 문장"]

    private static func answers(_ memory: TranslationMemory) throws -> [[Int64]] {
        try queries.map { try memory.search($0, minScore: 70, limit: 10).matches.map(\.id) }
    }

    @Test func aSavedSnapshotIsReadInsteadOfBuildingAndCaughtUpFromTheLog() throws {
        let path = try Self.database()
        let server = TranslationMemory(store: try SQLiteStore(path: path), snapshots: .loadAndSave)
        try Self.fill(server, count: 2_000)
        try server.refresh()
        try server.saveSnapshot()
        let saved = try #require(server.snapshotChange)
        #expect(FileManager.default.fileExists(atPath: path + ".index-ko") && FileManager.default.fileExists(atPath: path + ".index-en"))

        // Written after the snapshot: the next process reads the snapshot and catches up from the log.
        let added = try server.add([SegmentInput(ko: "스냅숏 뒤의 새 문장", en: "A sentence added after the snapshot")])[0].segment.id
        try server.remove(id: 17)
        let reader = TranslationMemory(store: try SQLiteStore(path: path))
        #expect(try reader.search("A sentence added after the snapshot", minScore: 100).matches.map(\.id) == [added])
        #expect(reader.snapshotChange == saved, "read from the snapshot, not rebuilt")
        #expect(try reader.stats().indexedEnglish == 2_000)
        try server.refresh()
        #expect(try Self.answers(reader) == Self.answers(server))
        #expect(try reader.search("Sentence 18 of the article.", minScore: 100).matches.map(\.id) == [19])
        #expect(try !reader.search("Sentence 16 of the article.", minScore: 90).matches.contains { $0.id == 17 }, "removed after the snapshot")
    }

    @Test func aSnapshotOfAnotherDatabaseOrADamagedOneIsNotRead() throws {
        let path = try Self.database()
        let server = TranslationMemory(store: try SQLiteStore(path: path), snapshots: .loadAndSave)
        try Self.fill(server, count: 500)
        try server.refresh()
        try server.saveSnapshot()

        // Another database with the same number of pairs and the same log position: its identity differs.
        let other = try Self.database()
        let otherMemory = TranslationMemory(store: try SQLiteStore(path: other))
        try Self.fill(otherMemory, count: 500, from: 10_000)
        for side in ["ko", "en"] { try FileManager.default.copyItem(atPath: path + ".index-" + side, toPath: other + ".index-" + side) }
        #expect(try otherMemory.search("Sentence 10017 of the article.", minScore: 100).matches.count == 1)
        #expect(otherMemory.snapshotChange == nil)

        // A damaged file (cut short) is not read either: the memory builds from the database.
        let handle = try #require(FileHandle(forUpdatingAtPath: path + ".index-en"))
        try handle.truncate(atOffset: 1_000)
        try handle.close()
        let reader = TranslationMemory(store: try SQLiteStore(path: path))
        #expect(try reader.search("Sentence 17 of the article.", minScore: 100).matches.count == 1)
        #expect(reader.snapshotChange == nil)
    }

    /// A snapshot the log cannot bring up to date: the CLI rebuilds before it answers; the server answers from the
    /// snapshot at once, rebuilds in the background and saves a new snapshot.
    @Test func aStaleSnapshotIsRebuiltInTheForegroundOrTheBackground() throws {
        let path = try Self.database()
        let server = TranslationMemory(store: try SQLiteStore(path: path), snapshots: .loadAndSave)
        try Self.fill(server, count: 300)
        try server.refresh()
        try server.saveSnapshot()
        let stale = try #require(server.snapshotChange)
        let writer = TranslationMemory(store: try SQLiteStore(path: path))
        let added = try writer.add([SegmentInput(ko: "로그가 지워진 뒤의 문장", en: "Written before the log was pruned")])[0].segment.id
        _ = try writer.add([SegmentInput(ko: "또 하나", en: "One more")])
        // Pruned past the snapshot, as the retention does after a million changes.
        let store = try SQLiteStore(path: path)
        try store.pool.write { db in try db.execute(sql: "DELETE FROM change_log WHERE seq <= ?", arguments: [stale + 1]) }

        let cli = TranslationMemory(store: try SQLiteStore(path: path))
        #expect(try cli.search("Written before the log was pruned", minScore: 100).matches.map(\.id) == [added])

        let restarted = TranslationMemory(store: try SQLiteStore(path: path), snapshots: .loadAndSave)
        try restarted.refresh()
        let deadline = Date().addingTimeInterval(30)
        while (restarted.snapshotChange ?? stale) == stale && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        #expect(try restarted.search("Written before the log was pruned", minScore: 100).matches.map(\.id) == [added])
        #expect(try #require(restarted.snapshotChange) > stale, "the rebuilt indexes were saved")
    }
}
