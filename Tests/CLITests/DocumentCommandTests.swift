import Foundation
import Testing

/// `tm analyze`, `tm pretranslate` and `tm qa` on a real align-dev article (Fixtures/align/002, CC BY-SA 3.0).
@Suite struct DocumentCommandTests {
    private var fixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../GlossaryTests/Fixtures/align").standardized
    }

    @Test func analyzePretranslateAndQAAnArticle() throws {
        let environment = try TMProcess.temporaryDatabase()
        let ko = fixtures.appendingPathComponent("002.ko.txt").path
        let en = fixtures.appendingPathComponent("002.en.txt").path
        #expect(try TMProcess.run(["align", "--add", ko, en], environment: environment).status == 0)

        let analysis = try TMProcess.run(["analyze", ko], environment: environment)
        #expect(analysis.status == 0)
        #expect(analysis.stdout.contains("band\tsentences\twords\tcharacters"))
        let json = try TMProcess.run(["analyze", "--json", ko], environment: environment)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["sentences"] as? [[String: Any]])?.isEmpty == false)

        let folder = try TMProcess.temporaryFolder()
        let draft = folder.appendingPathComponent("draft.xlf").path
        #expect(try TMProcess.run(["pretranslate", ko, "--output", draft], environment: environment).status == 0)
        let xliff = try String(contentsOfFile: draft, encoding: .utf8)
        #expect(xliff.contains("<trans-unit id=\"1\">") && xliff.contains("state-qualifier=\"exact-match\""))
        let tsv = folder.appendingPathComponent("draft.tsv").path
        #expect(try TMProcess.run(["pretranslate", ko, "-o", tsv], environment: environment).status == 0)
        #expect(try String(contentsOfFile: tsv, encoding: .utf8).hasPrefix("ko\ten\tscore\tnotes\n"))
        // By the extension, a project memory for OmegaT's tm/auto: drafted sentences only, each with its score.
        let tmx = folder.appendingPathComponent("draft.tmx").path
        #expect(try TMProcess.run(["pretranslate", ko, "-o", tmx], environment: environment).status == 0)
        let project = try String(contentsOfFile: tmx, encoding: .utf8)
        #expect(project.contains("<tmx version=\"1.4\">") && project.contains("<prop type=\"x-score\">100</prop>"))
        #expect(project.components(separatedBy: "<tu>").count - 1 == xliff.components(separatedBy: "state=\"needs-review-translation\"").count - 1)

        // The article checked against itself has issues of loose adaptation but none of consistency; the memory
        // checked alone, none of consistency either.
        let qa = try TMProcess.run(["qa", "--json", ko, en], environment: environment)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(qa.stdout.utf8)) as? [String: Any])
        let issues = report["issues"] as? [[String: Any]] ?? []
        #expect(!issues.contains { $0["kind"] as? String == "inconsistent" })
        #expect(qa.status == (issues.isEmpty ? 0 : 1))
        #expect(qa.stderr.isEmpty, "exit status 1 without a message")
        let memory = try TMProcess.run(["qa", "--memory", "--json"], environment: environment)
        #expect(memory.status == 0 || memory.status == 1)
    }

    @Test func badUseFailsWithAMessage() throws {
        let environment = try TMProcess.temporaryDatabase()
        let none = try TMProcess.run(["qa"], environment: environment)
        #expect(none.status != 0 && none.stderr.contains("KO_FILE"))
        let missing = try TMProcess.run(["analyze", "/nonexistent.txt"], environment: environment)
        #expect(missing.status == 66 && missing.stderr.hasPrefix("tm: "))
        let empty = try TMProcess.run(["analyze"], stdin: "  \n", environment: environment)
        #expect(empty.status == 64 && empty.stderr.contains("empty"))
        let threshold = try TMProcess.run(["pretranslate", "--threshold", "120"], stdin: "부산이다.", environment: environment)
        #expect(threshold.status == 64)
    }
}
