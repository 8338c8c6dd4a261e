import Foundation
import GRDB
import Testing

@testable import Glossary

@Suite struct TMStoreTests {
    /// A fresh database path in a temporary folder, removed with its WAL files after the test.
    private func withTemporaryDatabase(_ body: (String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tm-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder.appendingPathComponent("tm.sqlite").path)
    }

    private let seed = [
        Term(hangul: "김정은", english: "Kim Jong-un", kind: .person, variants: ["Kim Jong Un", "Kim Jong-eun"]),
        Term(hangul: "평양", english: "Pyongyang", kind: .place),
    ]

    @Test func newDatabaseIsSeededOnce() throws {
        try withTemporaryDatabase { path in
            let store = try SQLiteStore(path: path) { seed }
            #expect(try store.counts() == .init(segments: 0, terms: 2))
            #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM variant") } == 6)
        }
    }

    @Test func reopeningMigratesTwiceWithoutHarmAndDoesNotReseed() throws {
        try withTemporaryDatabase { path in
            _ = try SQLiteStore(path: path) { seed }
            var seedCalls = 0
            let reopened = try SQLiteStore(path: path) {
                seedCalls += 1
                return seed
            }
            #expect(seedCalls == 0)
            #expect(try reopened.counts().terms == 2)
            let tables = try reopened.read { db in
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'segment_fts_%' ORDER BY name")
            }
            #expect(tables == ["change_log", "grdb_migrations", "meta", "segment", "term", "variant"])
        }
    }

    @Test func databaseUsesWALAndForeignKeys() throws {
        try withTemporaryDatabase { path in
            let store = try SQLiteStore(path: path)
            #expect(try store.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
            #expect(try store.read { db in try Int.fetchOne(db, sql: "PRAGMA foreign_keys") } == 1)
        }
    }

    @Test func aFailingSeedLeavesNothingHalfWritten() throws {
        try withTemporaryDatabase { path in
            #expect(throws: TMError.badFile(name: "x.tsv", line: 3, message: "broken")) {
                _ = try SQLiteStore(path: path) { () throws(TMError) -> [Term] in throw .badFile(name: "x.tsv", line: 3, message: "broken") }
            }
            let store = try SQLiteStore(path: path) { seed }
            #expect(try store.counts().terms == 2)
        }
    }

    @Test func unopenablePathIsAStorageError() {
        #expect {
            _ = try SQLiteStore(path: "/nonexistent-folder/tm.sqlite")
        } throws: { error in
            (error as? TMError)?.code == "storage"
        }
    }

    @Test func variantsKeepTheirKeys() throws {
        try withTemporaryDatabase { path in
            let store = try SQLiteStore(path: path) { seed }
            let keys = try store.read { db in
                try String.fetchAll(db, sql: "SELECT loose_key FROM variant WHERE form LIKE 'Kim%' ORDER BY form")
            }
            #expect(keys == ["kimjongun", "kimjongeun", "kimjongun"])  // "Kim Jong Un", "Kim Jong-eun", "Kim Jong-un"
        }
    }

    @Test func theBundledGlossaryParses() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../glossaries").standardized
        let terms = try BundledGlossary.load(from: directory)
        #expect(!terms.isEmpty)
        #expect(terms.contains { $0.hangul == "김정은" && $0.english == "Kim Jong-un" })
    }

    /// A database made before pairs were identified by text (v4) keeps every pair and its change log through the
    /// rebuild of v5, and then takes a case variant as a new pair.
    @Test func theIdentityMigrationKeepsPairsAndTheChangeLog() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tm-v4-\(UUID().uuidString).sqlite").path
        let queue = try DatabaseQueue(path: path)
        try SQLiteStore.migrator.migrate(queue, upTo: "v4-term-country")
        try queue.write { db in
            for (index, en) in ["Resolving issues", "Talks were held."].enumerated() {
                try db.execute(
                    sql: "INSERT INTO segment(ko, en, ko_key, en_key, origin, created_at, updated_at) VALUES (?, ?, ?, ?, 'old', 1, 1)",
                    arguments: ["문제 \(index)", en, "문제 \(index)", Normalizer.key(en)])
            }
        }
        try queue.close()
        let store = try SQLiteStore(path: path)
        #expect(try store.segments(after: 0, limit: 10).map(\.en) == ["Resolving issues", "Talks were held."])
        let before = try store.latestChange()
        let memory = TranslationMemory(store: store)
        let added = try memory.add([SegmentInput(ko: "문제 0", en: "Resolving Issues", origin: "new")])
        #expect(added[0].created && added[0].segment.id == 3)
        #expect(try store.latestChange() > before)
        #expect(try memory.search("Resolving Issues", from: .en).matches.map(\.score) == [100, 99])
        // Through v6 the pairs are found by their hash: the same text again is the stored pair, not a new one.
        let again = try memory.add([SegmentInput(ko: "문제 1", en: "Talks were held.")])
        #expect(!again[0].created && again[0].segment.id == 2)
        let hashes = try store.pool.read { db in try Int64.fetchAll(db, sql: "SELECT pair_hash FROM segment ORDER BY id") }
        #expect(hashes == [("문제 0", "Resolving issues"), ("문제 1", "Talks were held."), ("문제 0", "Resolving Issues")].map(PairHash.of))
        #expect(throws: TMError.self) { try memory.update(id: 3, with: SegmentInput(ko: "문제 1", en: "Talks were held.")) }
    }

    /// A first load into an empty table builds the hash index once at the end and finds the file's own repeats
    /// without it; a failed first load leaves the index (and the triggers) as they were.
    @Test func aFirstLoadRebuildsTheHashIndexAndStillFindsRepeats() throws {
        try withTemporaryDatabase { path in
            let store = try SQLiteStore(path: path)
            let memory = TranslationMemory(store: store)
            func indexes() throws -> [String] {
                try store.pool.read { db in
                    try String.fetchAll(
                        db, sql: "SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger') AND tbl_name = 'segment' ORDER BY name")
                }
            }
            let expected = try indexes()
            #expect(expected.contains("segment_pair_hash"))
            let bad = "ko\ten\n첫 문장\tThe first sentence\n한 칸만 있는 줄\n"
            #expect(throws: TMError.self) {
                try memory.importFile(.bytes(Array(bad.utf8), name: "bad.tsv"), format: .tsv, origin: "", skipBad: false)
            }
            #expect(try indexes() == expected && store.counts().segments == 0)

            let file = "ko\ten\n첫 문장\tThe first sentence\n둘째 문장\tThe second sentence\n첫 문장\tThe first sentence\n첫 문장\tThe First sentence\n"
            let report = try memory.importFile(.bytes(Array(file.utf8), name: "first.tsv"), format: .tsv, origin: "", skipBad: false)
            #expect(report.added == 3 && report.alreadyPresent == 1)
            #expect(try indexes() == expected)
            let again = try memory.add([SegmentInput(ko: "둘째 문장", en: "The second sentence")])
            #expect(!again[0].created && again[0].segment.id == 2)
        }
    }
}
