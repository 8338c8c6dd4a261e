import Foundation
import Testing

@testable import Glossary

/// What every store must do, run on SQLite and on PostgreSQL (issue #17): the memory and the glossary above the store
/// behave the same on both, a second handle (another process, another node) follows the change log, and `StoreCopy`
/// moves everything exactly between the two.
@Suite("Store contract, on SQLite and PostgreSQL", .serialized)
struct StoreContractTests {
    @Test func postgreSQLIsTestedOrSaysWhyNot() {
        if case .failure(let why) = TestPostgres.server {
            // In CI this cannot happen: `isAvailable` is true there and the PostgreSQL cases fail instead.
            print("PostgreSQL store tests skipped: \(why)")
        }
        #expect(StoreEngine.available.contains(.sqlite))
    }

    @Test(arguments: StoreEngine.available)
    func pairsAreStoredOnceByTextAndFoundByFuzzySearch(engine: StoreEngine) throws {
        let store = try engine.open()
        let memory = TranslationMemory(store: store)
        let first = try memory.add([
            SegmentInput(ko: "최선희 외무상은 평양에 도착했다.", en: "Foreign Minister Choe Son-hui arrived in Pyongyang.", origin: "wire"),
            SegmentInput(ko: "최선희 외무상은 평양에 도착했다.", en: "Foreign Minister Choe Son-hui arrived in Pyongyang."),
            SegmentInput(ko: "최선희 외무상은 평양에 도착했다.", en: "FOREIGN MINISTER CHOE SON-HUI ARRIVED IN PYONGYANG."),
        ])
        #expect(first.map(\.created) == [true, false, true])
        #expect(first[0].segment.id == first[1].segment.id && first[0].segment.id != first[2].segment.id)
        #expect(try store.counts().segments == 2)
        let again = try memory.add([SegmentInput(ko: "최선희 외무상은  평양에 도착했다. ", en: "Foreign Minister Choe Son-hui arrived in Pyongyang.")])
        #expect(again.map(\.created) == [false] && again[0].segment.id == first[0].segment.id)

        let found = try memory.search("최선희 외무상이 평양에 도착했다.", minScore: 50)
        #expect(found.matches.first?.en == "Foreign Minister Choe Son-hui arrived in Pyongyang.")
        #expect((found.matches.first?.score ?? 0) > 90 && (found.matches.first?.score ?? 100) < 100)

        let id = first[0].segment.id
        let edited = try memory.update(id: id, with: SegmentInput(ko: "최선희 외무상은 모스크바에 도착했다.", en: "Choe Son-hui arrived in Moscow."))
        #expect(edited.origin == "wire" && edited.createdAt == first[0].segment.createdAt)
        #expect(try memory.segment(id: id).en == "Choe Son-hui arrived in Moscow.")
        #expect(throws: TMError.self) {
            try memory.update(id: first[2].segment.id, with: SegmentInput(ko: "최선희 외무상은 모스크바에 도착했다.", en: "Choe Son-hui arrived in Moscow."))
        }
        #expect(try memory.search("최선희 외무상은 모스크바에 도착했다.").matches.first?.score == 100)
        try memory.remove(id: id)
        #expect(throws: TMError.notFound("segment \(id)")) { try memory.segment(id: id) }
        #expect(throws: TMError.notFound("segment \(id)")) { try memory.remove(id: id) }
        #expect(try memory.search("최선희 외무상은 모스크바에 도착했다.", minScore: 95).matches.isEmpty)
        try store.close()
    }

    /// More pairs than one PostgreSQL batch, repeats within a batch and across batches, and a bad unit that rolls the
    /// whole file back.
    @Test(arguments: StoreEngine.available)
    func importsCountRepeatsAndRollBackABadFile(engine: StoreEngine) throws {
        let store = try engine.open()
        let memory = TranslationMemory(store: store)
        let count = PostgresStore.batchSize + 500
        var rows = (0..<count).map { "문장 \($0)번은 기사에서 왔다.\tSentence \($0) came from an article.\n" }
        rows.insert(rows[3], at: 10)  // the same batch
        rows.append(rows[7])  // a later batch
        let file = "ko\ten\n" + rows.joined()
        let report = try memory.importFile(.bytes(Array(file.utf8), name: "many.tsv"), format: .tsv, origin: "many", skipBad: false)
        #expect(report.added == count && report.alreadyPresent == 2)
        #expect(try store.counts().segments == count)
        #expect(try store.originCounts() == ["many": count])

        let bad = "ko\ten\n새 문장이다.\tA new sentence.\n한 칸만 있는 줄\n"
        #expect(throws: TMError.self) {
            try memory.importFile(.bytes(Array(bad.utf8), name: "bad.tsv"), format: .tsv, origin: "bad", skipBad: false)
        }
        #expect(try store.counts().segments == count, "nothing of the bad file is stored")
        let page = try store.segments(after: 0, limit: 5)
        #expect(page.map(\.id) == page.map(\.id).sorted() && page.count == 5)
        #expect(try store.recentPairs(limit: 3).count == 3)
        try store.close()
    }

    @Test(arguments: StoreEngine.available)
    func termsKeepTheirSpellingsAndRefuseAccidentalTwins(engine: StoreEngine) throws {
        let store = try engine.open(seed: [
            Term(hangul: "최선희", english: "Choe Son-hui", kind: .person, variants: ["Choe Sun Hui", "Choe Sun-hui"], aliases: ["Choe Son Hui"])
        ])
        let glossary = try TermGlossary(store: store)
        let seeded = try #require(try store.allTerms().first)
        #expect(seeded.variants == ["Choe Sun Hui", "Choe Sun-hui"] && seeded.aliases == ["Choe Son Hui"])
        #expect(try glossary.lookup("Choe Sun Hui").matches.first?.english == "Choe Son-hui")

        #expect(throws: TMError.self) { try glossary.add(Term(hangul: "최선희", english: "Choe Son-hui", kind: .person)) }
        #expect(throws: TMError.self) { try glossary.add(Term(hangul: "최선희", english: "Choi Sun-hee", kind: .person)) }
        let twin = try glossary.add(Term(hangul: "최선희", english: "Choi Sun-hee", kind: .person, note: "a singer"), homonym: true)
        let moved = try glossary.update(
            id: try #require(twin.id), with: Term(hangul: "최선희", english: "Choi Sun-hee", kind: .person, variants: ["Choi Seon-hui"], country: "kr"))
        #expect(moved.variants == ["Choi Seon-hui"] && moved.country == "KR" && moved.note == "")
        let report = try store.importTerms([
            Term(hangul: "최선희", english: "Choe Son-hui", kind: .person, variants: ["Ch'oe Sŏn-hŭi"]),
            Term(hangul: "평양", english: "Pyongyang", kind: .place, country: "KP"),
        ])
        let seededID = try #require(seeded.id)
        #expect(report.added.count == 1 && report.alreadyPresent == [seededID])
        #expect(try store.term(id: try #require(seeded.id)).variants == ["Choe Sun Hui", "Choe Sun-hui", "Ch'oe Sŏn-hŭi"])
        try glossary.remove(id: try #require(twin.id))
        #expect(throws: TMError.notFound("term \(twin.id ?? 0)")) { try store.term(id: twin.id ?? 0) }
        #expect(try store.counts().terms == 2)
        try store.close()
    }

    /// Two handles on one store, as two `tm serve` nodes on one PostgreSQL (or two processes on one SQLite file): a
    /// write through either is found by the other's next search (edits and deletes too), and by its glossary.
    @Test(arguments: StoreEngine.available)
    func aSecondNodeFollowsTheChangeLog(engine: StoreEngine) throws {
        let storeA = try engine.open()
        let storeB = try engine.reopen(storeA)
        let nodeA = TranslationMemory(store: storeA, logCheckInterval: .zero)
        let nodeB = TranslationMemory(store: storeB, logCheckInterval: .zero)
        try nodeB.refresh()
        let added = try nodeA.add([SegmentInput(ko: "북한은 미사일을 발사했다.", en: "North Korea fired a missile.")])
        #expect(try nodeB.search("북한은 미사일을 발사했다.").matches.map(\.id) == [added[0].segment.id])
        _ = try nodeA.update(id: added[0].segment.id, with: SegmentInput(ko: "북한은 미사일 두 발을 발사했다.", en: "North Korea fired two missiles."))
        #expect(try nodeB.search("북한은 미사일을 발사했다.").matches.first?.en == "North Korea fired two missiles.")
        try nodeA.remove(id: added[0].segment.id)
        #expect(try nodeB.search("북한은 미사일 두 발을 발사했다.", minScore: 50).matches.isEmpty)

        let glossaryB = try TermGlossary(store: storeB)
        _ = try TermGlossary(store: storeA).add(Term(hangul: "리병철", english: "Ri Pyong-chol", kind: .person))
        try glossaryB.refresh()
        #expect(try glossaryB.lookup("리병철").matches.first?.english == "Ri Pyong-chol")
        try storeA.close()
        try storeB.close()
    }

    /// SQLite → PostgreSQL → SQLite gives back every pair with its id, origin and timestamps, and every term with its
    /// spellings; a copy into a store that holds anything is refused.
    @Test func copyMovesEverythingExactlyBetweenEngines() throws {
        let engines = StoreEngine.available
        let source = try StoreEngine.sqlite.open(seed: [
            Term(hangul: "김정은", english: "Kim Jong-un", kind: .person, variants: ["Kim Jong Un", "Gim Jeong-eun"], country: "KP")
        ])
        let memory = TranslationMemory(store: source)
        _ = try memory.add((0..<1_200).map { SegmentInput(ko: "기사 \($0)번 문장이다.", en: "Sentence \($0) of the article.", origin: "o\($0 % 3)") })
        try memory.remove(id: 5)  // a gap in the ids
        let middle = try (engines.contains(.postgres) ? StoreEngine.postgres : StoreEngine.sqlite).open()
        var progress: [Int] = []
        let report = try StoreCopy.copy(from: source, to: middle, batch: 500) { progress.append($0) }
        #expect(report == StoreCopy.Report(segments: 1_199, terms: 1) && progress == [500, 1_000, 1_199])
        let back = try StoreEngine.sqlite.open()
        _ = try StoreCopy.copy(from: middle, to: back)
        let original = try source.segments(after: 0, limit: 2_000)
        #expect(try middle.segments(after: 0, limit: 2_000) == original)
        #expect(try back.segments(after: 0, limit: 2_000) == original)
        #expect(
            try back.allTerms().map { [$0.hangul, $0.english, $0.country] + $0.variants } == [
                ["김정은", "Kim Jong-un", "KP", "Kim Jong Un", "Gim Jeong-eun"]
            ])
        // New pairs in the copy take ids above the copied ones.
        let next = try TranslationMemory(store: middle).add([SegmentInput(ko: "새 문장이다.", en: "A new sentence.")])
        #expect(next[0].segment.id > 1_200)
        #expect(throws: TMError.self) { try StoreCopy.copy(from: source, to: back) }
        for store in [source, middle, back] { try store.close() }
    }

    @Test func anUnreachableServerIsUnavailableNotAStorageError() throws {
        do {
            _ = try PostgresStore(url: "postgres://postgres@127.0.0.1:1/tm")
            Issue.record("opened a store on a closed port")
        } catch {
            guard case .unavailable(let message) = error else {
                Issue.record("expected unavailable, got \(error)")
                return
            }
            #expect(message.contains("127.0.0.1:1"))
        }
        #expect(throws: TMError.self) { try PostgresStore(url: "postgres://127.0.0.1:5432/") }
        #expect(throws: TMError.self) { try PostgresStore(url: "postgres://u@127.0.0.1/tm?sslmode=require") }
    }
}
