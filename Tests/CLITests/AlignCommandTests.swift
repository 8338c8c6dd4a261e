import Foundation
import Testing

@Suite struct AlignCommandTests {
    private var fixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../GlossaryTests/Fixtures/align").standardized
    }

    @Test func jsonHasTheSentencesAsInTheInput() throws {
        let ko = fixtures.appendingPathComponent("002.ko.txt").path
        let en = fixtures.appendingPathComponent("002.en.txt").path
        let result = try TMProcess.run(["align", "--json", ko, en], environment: try TMProcess.temporaryDatabase())
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let koSentences = try #require(object["ko_sentences"] as? [String])
        let beads = try #require(object["beads"] as? [[String: Any]])
        let text = try String(contentsOfFile: ko, encoding: .utf8)
        #expect(koSentences.allSatisfy { text.contains($0) })
        let covered = beads.flatMap { $0["ko"] as? [Int] ?? [] }
        #expect(covered == Array(0..<koSentences.count), "every Korean sentence in exactly one bead, in order")
    }

    @Test func batchWithAddFillsTheMemory() throws {
        let environment = try TMProcess.temporaryDatabase()
        let result = try TMProcess.run(["align", "--batch", fixtures.path, "--add"], environment: environment)
        #expect(result.status == 0)
        #expect(result.stdout.contains("# 002\n"))
        #expect(result.stderr.contains("002: "))
        let stats = try TMProcess.run(["stats", "--json"], environment: environment)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        #expect((object["segments"] as? Int ?? 0) > 50)
        #expect((object["origins"] as? [String: Int])?["002"] != nil)
    }

    @Test func missingFilesAndArgumentsFail() throws {
        let missing = try TMProcess.run(["align", "/nonexistent.ko.txt", "/nonexistent.en.txt"], environment: try TMProcess.temporaryDatabase())
        #expect(missing.status == 66)
        let none = try TMProcess.run(["align"], environment: try TMProcess.temporaryDatabase())
        #expect(none.status != 0)
        #expect(none.stderr.contains("KO_FILE"))
    }
}
