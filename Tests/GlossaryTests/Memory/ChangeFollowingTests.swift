import Foundation
import GRDB
import Testing

@testable import Glossary

/// The indexes follow the change log: writes by another connection to the same file (another process, in
/// production) reach a memory's searches and a glossary's lookups, edits and deletes included.
@Suite struct ChangeFollowingTests {
    /// Two stores on one file: two connection pools, as two processes would have.
    private struct TwoProcesses {
        let path: String
        let first: SQLiteStore
        let second: SQLiteStore

        init() throws {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tm-follow-tests-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            path = folder.appendingPathComponent("tm.sqlite").path
            first = try SQLiteStore(path: path)
            second = try SQLiteStore(path: path)
        }
    }

    @Test func addsEditsAndDeletesByAnotherProcessAreSearchable() throws {
        let processes = try TwoProcesses()
        let writer = TranslationMemory(store: processes.first)
        let reader = TranslationMemory(store: processes.second, logCheckInterval: .zero)
        let old = "The ministry announced new measures on Tuesday."
        let id = try writer.add([SegmentInput(ko: "부처는 화요일에 새 조치를 발표했다.", en: old)])[0].segment.id
        #expect(try reader.search(old, minScore: 100).matches.map(\.id) == [id], "an add is seen")

        let new = "Kim Jong-un visited a munitions factory in the north."
        _ = try writer.update(id: id, with: SegmentInput(ko: "김정은이 북부의 군수공장을 방문했다.", en: new))
        let stale = try reader.search(old, minScore: 50).matches
        #expect(stale.isEmpty, "the old text no longer matches: \(stale)")
        let fresh = try reader.search(new, minScore: 100).matches
        #expect(fresh.map(\.id) == [id])
        #expect(fresh.first?.en == new)

        try writer.remove(id: id)
        #expect(try reader.search(new, minScore: 50).matches.isEmpty, "a delete is seen")
        #expect(try reader.concordance("munitions").hits.isEmpty)
        #expect(try reader.stats().indexedEnglish == 0)
    }

    /// Counting what the database holds builds no index (`tm stats` at a million pairs would spend seconds on one);
    /// the server's stats, and any stats after a search, count the indexes too.
    @Test func statsWithoutIndexingBuildsNoIndex() throws {
        let store = try TwoProcesses().first
        let memory = TranslationMemory(store: store)
        _ = try memory.add([SegmentInput(ko: "회담이 열렸다.", en: "Talks were held.")])
        let plain = try memory.stats(indexing: false)
        #expect(plain.segments == 1 && plain.indexedKorean == nil && plain.indexedEnglish == nil)
        #expect(memory.indexedChange == nil)
        #expect(try memory.stats().indexedKorean == 1)
        #expect(try memory.stats(indexing: false).indexedEnglish == 1)
    }

    @Test func aScoreIsComputedFromTheTextReturned() throws {
        let processes = try TwoProcesses()
        let writer = TranslationMemory(store: processes.first)
        let reader = TranslationMemory(store: processes.second, logCheckInterval: .zero)
        let query = "It is sunny in Seoul today."
        let id = try writer.add([SegmentInput(ko: "서울은 맑다.", en: query)])[0].segment.id
        #expect(try reader.search(query).matches.first?.score == 100)
        // A change the reader's index has not applied (its log row removed, as if the index were a moment behind):
        // the search must not report the pair's new text with the old text's score.
        try processes.first.pool.write { db in
            try db.execute(sql: "UPDATE segment SET en = 'Rain', en_key = 'rain' WHERE id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM change_log WHERE seq = (SELECT max(seq) FROM change_log)")
        }
        #expect(try reader.search(query, minScore: 75).matches.isEmpty)
        let matches = try reader.search(query, minScore: 0).matches
        let distance = EditDistance.levenshtein(Normalizer.key(query).unicodeScalars.map(\.value), Array("rain".unicodeScalars.map(\.value)))
        #expect(matches.map(\.en) == ["Rain"])
        #expect(matches.first?.score == 100 * Double(27 - distance) / 27)
    }

    @Test func aBulkImportElsewhereRebuildsAndAPrunedLogForcesARebuild() throws {
        let processes = try TwoProcesses()
        let reader = TranslationMemory(store: processes.second, logCheckInterval: .zero)
        try reader.refresh()
        #expect(reader.indexedChange == 0)
        let rows = (0..<30_000).map { "문장 \($0)번\tSentence number \($0) of the import\n" }.joined()
        let writer = TranslationMemory(store: processes.first)
        let report = try writer.importFile(.bytes(Array(("ko\ten\n" + rows).utf8), name: "bulk.tsv"), format: .tsv, origin: "bulk", skipBad: false)
        #expect(report.added == 30_000)
        // More changes than an incremental catch-up takes: the reader rebuilds from the tables.
        #expect(try reader.search("Sentence number 29999 of the import", minScore: 100).matches.count == 1)
        #expect(try reader.stats().indexedKorean == 30_000)

        // Prune the log past the reader's position, then write: the reader sees the gap and rebuilds.
        let before = try #require(reader.indexedChange)
        let id = try writer.add([SegmentInput(ko: "새 문장", en: "A new sentence after pruning")])[0].segment.id
        try processes.first.pool.write { db in try db.execute(sql: "DELETE FROM change_log WHERE seq <= ?", arguments: [before + 1]) }
        _ = try writer.add([SegmentInput(ko: "또 다른 문장", en: "Another sentence after pruning")])
        #expect(try reader.search("A new sentence after pruning", minScore: 100).matches.map(\.id) == [id])
    }

    @Test func manySmallWritesAreCompactedAndStillFoundExactly() throws {
        let processes = try TwoProcesses()
        let writer = TranslationMemory(store: processes.first)
        let reader = TranslationMemory(store: processes.second, logCheckInterval: .zero)
        try reader.refresh()
        for batch in 0..<18 {
            let inputs = (0..<1_000).map { SegmentInput(ko: "작은 쓰기 \(batch)-\($0)번", en: "Small write \($0) of batch \(batch)") }
            _ = try writer.add(inputs)
            try reader.refresh()  // incremental each time: 1,000 changes
        }
        let needs = reader.indexes.read { $0.en.needsCompaction || $0.ko.needsCompaction }
        #expect(!needs, "refresh compacted the indexes once their additions outgrew them")
        #expect(try reader.stats().indexedEnglish == 18_000)
        let hits = try reader.search("Small write 999 of batch 17", minScore: 80, limit: 5).matches
        let expected = reader.indexes.read { $0.en.bruteForceSearch(Normalizer.key("Small write 999 of batch 17"), minScore: 80, limit: 5) }
        #expect(hits.map(\.id) == expected.map(\.id))
        #expect(hits.first?.en == "Small write 999 of batch 17")
    }

    @Test func withTheDefaultIntervalAnotherProcessesWriteIsFoundAfterIt() throws {
        let processes = try TwoProcesses()
        let writer = TranslationMemory(store: processes.first)
        let reader = TranslationMemory(store: processes.second)
        #expect(try reader.search("Nothing stored yet", minScore: 50).matches.isEmpty)
        let id = try writer.add([SegmentInput(ko: "간격 뒤의 문장", en: "A sentence found after the interval")])[0].segment.id
        Thread.sleep(forTimeInterval: 0.02)
        #expect(try reader.search("A sentence found after the interval", minScore: 100).matches.map(\.id) == [id])
        // A write through the reader itself is found at once.
        let own = try reader.add([SegmentInput(ko: "자기 쓰기", en: "The reader's own write")])[0].segment.id
        #expect(try reader.search("The reader's own write", minScore: 100).matches.map(\.id) == [own])
    }

    @Test func everyWriteLeavesOneLogRowInItsTransaction() throws {
        let processes = try TwoProcesses()
        let memory = TranslationMemory(store: processes.first)
        let start = try processes.first.latestChange()
        let id = try memory.add([SegmentInput(ko: "가", en: "A")])[0].segment.id
        _ = try memory.update(id: id, with: SegmentInput(ko: "나", en: "B"))
        try memory.remove(id: id)
        #expect(try processes.first.latestChange() == start + 3)
        // A write that fails leaves no row: the log and the tables commit together.
        #expect(throws: TMError.self) { try memory.update(id: id, with: SegmentInput(ko: "다", en: "C")) }
        #expect(try processes.first.latestChange() == start + 3)
    }

    /// An import writes its log rows itself (the segment triggers are off inside its transaction): one per pair it
    /// added or refreshed, read by another process like any other write; the triggers are back afterwards, and after
    /// a file that failed.
    @Test func anImportLogsEachPairItWroteAndPutsTheTriggersBack() throws {
        let processes = try TwoProcesses()
        let writer = TranslationMemory(store: processes.first)
        let reader = TranslationMemory(store: processes.second, logCheckInterval: .zero)
        _ = try writer.add([SegmentInput(ko: "이미 있던 문장", en: "A sentence stored before")])
        try reader.refresh()
        let start = try processes.first.latestChange()
        let file = "ko\ten\n이미 있던 문장\tA sentence stored before\n첫 문장\tThe first sentence\n둘째 문장\tThe second sentence\n"
        let report = try writer.importFile(.bytes(Array(file.utf8), name: "small.tsv"), format: .tsv, origin: "small", skipBad: false)
        #expect(report.added == 2 && report.alreadyPresent == 1)
        #expect(try processes.first.latestChange() == start + 3)
        #expect(try reader.search("The second sentence", minScore: 100).matches.map(\.origin) == ["small"])
        #expect(reader.indexedChange == start + 3, "caught up from the log, not rebuilt past it")

        let bad = "ko\ten\n셋째 문장\tThe third sentence\n한 칸만 있는 줄\n"
        #expect(throws: TMError.self) {
            try writer.importFile(.bytes(Array(bad.utf8), name: "bad.tsv"), format: .tsv, origin: "bad", skipBad: false)
        }
        #expect(try processes.first.latestChange() == start + 3)
        let triggers = try processes.first.pool.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'segment' ORDER BY name")
        }
        #expect(triggers == ["segment_logged_delete", "segment_logged_insert", "segment_logged_update"])
        _ = try writer.add([SegmentInput(ko: "넷째 문장", en: "The fourth sentence")])
        #expect(try processes.first.latestChange() == start + 4)
    }

    /// An import of more changes than the log keeps leaves one row, numbered as if each change had its own, and no
    /// older rows: a follower from before it must rebuild, and one after it catches up as usual.
    @Test func anImportLargerThanTheLogKeepsOneRowAndForcesARebuild() throws {
        let processes = try TwoProcesses()
        let memory = TranslationMemory(store: processes.first)
        _ = try memory.add([SegmentInput(ko: "가", en: "A"), SegmentInput(ko: "나", en: "B")])
        let before = try processes.first.latestChange()
        try processes.first.pool.write { db in
            try SQLiteStore.logImport(refreshed: [1], newAfter: 2, through: changeLogRetention + 2, intoEmpty: false, in: db)
        }
        let rows = try processes.first.pool.read { db in try Row.fetchAll(db, sql: "SELECT seq, item_id FROM change_log") }
        #expect(rows.map { $0[0] as Int64 } == [before + changeLogRetention + 1])
        guard case .rebuild = try processes.second.changedSegments(after: before, limit: .max) else {
            Issue.record("a follower from before the import must rebuild")
            return
        }
    }

    /// A first load into an empty table of more pairs than an empty follower applies one by one is one log row: the
    /// follower rebuilds either way, and finds every pair. A smaller first load is logged pair by pair.
    @Test func aLargeFirstLoadIsOneLogRowAndTheFollowerRebuilds() throws {
        let processes = try TwoProcesses()
        let writer = TranslationMemory(store: processes.first)
        let reader = TranslationMemory(store: processes.second, logCheckInterval: .zero)
        #expect(try reader.search("Sentence number 7", minScore: 100).matches.isEmpty)
        let before = try processes.first.latestChange()
        let count = Int(followerChangeLimit(indexed: 0)) + 1
        let rows = (1...count).map { "문장 \($0)\tSentence number \($0)\n" }.joined()
        let report = try writer.importFile(.bytes(Array(("ko\ten\n" + rows).utf8), name: "big.tsv"), format: .tsv, origin: "big", skipBad: false)
        #expect(report.added == count)
        #expect(try processes.first.latestChange() == before + Int64(count))
        let logged = try processes.first.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM change_log") }
        #expect(logged == 1)
        #expect(try reader.search("Sentence number 20001", minScore: 100).matches.map(\.ko) == ["문장 20001"])
        #expect(try reader.stats().indexedEnglish == count)

        let small = try TwoProcesses()
        let smallWriter = TranslationMemory(store: small.first)
        _ = try smallWriter.importFile(.bytes(Array("가\tA\n나\tB\n".utf8), name: "small.tsv"), format: .tsv, origin: "small", skipBad: false)
        let smallLogged = try small.first.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM change_log") }
        #expect(smallLogged == 2)
    }

    @Test func termsWrittenElsewhereReachTheGlossary() throws {
        let processes = try TwoProcesses()
        let writer = try TermGlossary(store: processes.first)
        let reader = try TermGlossary(store: processes.second)
        let term = try writer.add(Term(hangul: "리창호", english: "Ri Chang-ho", kind: .person, variants: ["Ri Chang Ho"]))
        try reader.refresh()
        #expect(try reader.lookup("Ri Chang Ho").matches.first?.english == "Ri Chang-ho")
        let id = try #require(term.id)
        _ = try writer.update(id: id, with: Term(hangul: "리창호", english: "Ri Chang Ho", kind: .person))
        try reader.refresh()
        #expect(try reader.lookup("리창호").matches.first?.english == "Ri Chang Ho")
        try writer.remove(id: id)
        try reader.refresh()
        #expect(try reader.lookup("리창호").matches.allSatisfy { $0.id != id })
    }
}

/// Input that would corrupt what is stored, or ask for unbounded work, is refused.
@Suite struct HostileTextTests {
    private func memory() throws -> TranslationMemory {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tm-hostile-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return TranslationMemory(store: try SQLiteStore(path: folder.appendingPathComponent("tm.sqlite").path))
    }

    @Test(arguments: ["ko", "en", "origin"])
    func aNulCharacterIsRefusedNamingTheField(field: String) throws {
        let memory = try memory()
        let input =
            switch field {
            case "ko": SegmentInput(ko: "널\u{0}꼬리", en: "Nul tail")
            case "en": SegmentInput(ko: "널 꼬리", en: "Nul\u{0}Tail")
            default: SegmentInput(ko: "널 꼬리", en: "Nul tail", origin: "a\u{0}b")
            }
        do {
            _ = try memory.add([input])
            Issue.record("stored")
        } catch {
            #expect(error.field == field)
            #expect(error.description.contains("U+0000"))
        }
        #expect(try memory.stats().segments == 0)
        #expect(throws: TMError.self) { try memory.search("Nul\u{0}", minScore: 50) }
    }

    @Test func aNulCharacterInAFileNamesTheLineAndTheField() throws {
        let memory = try memory()
        let file = "ko\ten\n서울\tSeoul\n널\tNul\u{0}Tail\n"
        do {
            _ = try memory.importFile(.bytes(Array(file.utf8), name: "nul.tsv"), format: .tsv, origin: "t", skipBad: false)
            Issue.record("the file was imported")
        } catch {
            #expect(error.description.hasPrefix("nul.tsv:3: en: holds U+0000"), "\(error)")
        }
        #expect(try memory.stats().segments == 0, "nothing of the file was stored")
    }

    @Test func aTermWithANulCharacterIsRefused() throws {
        let memory = try memory()
        #expect(throws: TMError.self) { try memory.store.addTerm(Term(hangul: "김\u{0}", english: "Kim", kind: .person)) }
        #expect(throws: TMError.self) { try memory.store.addTerm(Term(hangul: "김", english: "Kim", kind: .person, variants: ["K\u{0}m"])) }
    }

    @Test func aSearchOverItsWorkLimitIsRefusedNotRun() throws {
        var index = FuzzyIndex(gramLength: 3)
        for id in 0..<2_000 { index.add(id: Int64(id), key: "sentence \(id) of a memory that a long query must scan", recency: 0) }
        let long = String(repeating: "a long query with little in common ", count: 280)
        #expect(index.search(long, minScore: 0, limit: 5, workLimit: 1_000_000) == nil)
        let bounded = try #require(index.search(long, minScore: 0, limit: 5, workLimit: .max))
        #expect(bounded == index.bruteForceSearch(long, minScore: 0, limit: 5))
        // An ordinary query stays far under the limit the memory uses.
        #expect(index.search("sentence 42 of a memory", minScore: 50, limit: 5, workLimit: TranslationMemory.searchWorkLimit) != nil)
    }
}
