import Foundation
import Testing

@testable import Glossary

/// What a node does while its PostgreSQL server is down (issue #17): writes fail as unavailable (HTTP 503), searches
/// and glossary lookups go on from the node's indexes, and once the server is back the node reconnects and catches
/// up by itself. The server is a cluster of this test's own, so stopping it disturbs no other test.
@Suite("PostgreSQL outage", .serialized, .enabled(if: TestPostgres.isAvailable))
struct PostgresOutageTests {
    static let port = 55434

    @Test func searchesGoOnWhileTheServerIsDownAndWritesResumeWhenItIsBack() throws {
        let url = try TestPostgres.cluster("start", port: Self.port)
        defer { _ = try? TestPostgres.cluster("stop", port: Self.port) }
        let store = try PostgresStore(url: url) {
            [Term(hangul: "최선희", english: "Choe Son-hui", kind: .person, variants: ["Choe Sun-hui"], country: "KP")]
        }
        let glossary = try TermGlossary(store: store)
        let nodeA = TranslationMemory(store: store, glossary: glossary)
        _ = try nodeA.add([
            SegmentInput(ko: "최선희 외무상은 평양에 도착했다.", en: "Foreign Minister Choe Son-hui arrived in Pyongyang."),
            SegmentInput(ko: "회담은 이틀 동안 열린다.", en: "The talks will last two days."),
        ])
        // Node A has returned the first pair; node B, another process, has returned nothing yet.
        #expect(try nodeA.search("최선희 외무상은 평양에 도착했다.").matches.count == 1)
        let nodeB = TranslationMemory(store: try PostgresStore(url: url))
        try nodeB.refresh()

        try TestPostgres.cluster("down", port: Self.port)
        expectUnavailable { _ = try nodeA.add([SegmentInput(ko: "새 문장이다.", en: "A new sentence.")]) }
        expectUnavailable { _ = try glossary.add(Term(hangul: "김여정", english: "Kim Yo-jong", kind: .person)) }

        let remembered = try nodeA.search("최선희 외무상이 평양에 도착했다.")
        #expect(remembered.matches.first?.en == "Foreign Minister Choe Son-hui arrived in Pyongyang.")
        #expect(remembered.notice?.contains("cannot be reached") == true)
        let fromKeys = try nodeB.search("The talks will last two days!")
        #expect(fromKeys.matches.map(\.en) == ["the talks will last two days."] && fromKeys.notice != nil)
        #expect(try glossary.lookup("Choe Sun-hui").matches.first?.english == "Choe Son-hui")

        try TestPostgres.cluster("up", port: Self.port)
        let added = try nodeA.add([SegmentInput(ko: "회담은 사흘 동안 열린다.", en: "The talks will last three days.")])
        #expect(added.map(\.created) == [true])
        try nodeB.refresh()
        let caughtUp = try nodeB.search("The talks will last three days.")
        #expect(caughtUp.matches.first?.score == 100 && caughtUp.notice == nil)
        try store.close()
    }

    /// A node hears another node's commit through NOTIFY, without polling.
    @Test func aCommitIsSignalledToTheOtherNodes() async throws {
        let store = try StoreEngine.postgres.open()
        let other = try StoreEngine.postgres.reopen(store)
        let signals = try #require(store.changeSignals())
        let heard = await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                var iterator = signals.makeAsyncIterator()
                // The first signal comes once it listens; the next one is the commit's.
                guard await iterator.next() != nil else { return false }
                _ = try? TranslationMemory(store: other).add([SegmentInput(ko: "신호를 보낸다.", en: "A signal is sent.")])
                return await iterator.next() != nil
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(10))
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
        #expect(heard)
        #expect(sqliteHasNoSignals())
        try store.close()
        try other.close()
    }

    private func sqliteHasNoSignals() -> Bool {
        (try? StoreEngine.sqlite.open().changeSignals()) == nil
    }

    private func expectUnavailable(_ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            try body()
            Issue.record("a write succeeded with the server down", sourceLocation: sourceLocation)
        } catch {
            guard case .unavailable = error as? TMError else {
                Issue.record("expected unavailable, got \(error)", sourceLocation: sourceLocation)
                return
            }
        }
    }
}
