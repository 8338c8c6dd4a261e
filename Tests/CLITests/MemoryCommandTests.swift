import Foundation
import Testing

/// The memory commands of the built `tm`: add, import, search, concordance, export, stats.
@Suite struct MemoryCommandTests {

    private var samples: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../samples/news-sample.tsv").standardized.path
    }

    @Test func importSamplesThenSearchAsJSONLines() throws {
        let environment = try TMProcess.temporaryDatabase()
        let imported = try TMProcess.run(["import", samples], environment: environment)
        #expect(imported.status == 0)
        #expect(imported.stdout.hasPrefix("news-sample.tsv: 455 added, 0 already present, 0 skipped"))
        let queries =
            "Those simulations must be as precise as possible because the U.S. suspended nuclear tests.\n미국은 1992년에 지하 핵실험을 중지시켰기 때문에 모의 실험은 오차가 없어야 한다.\n"
        let searched = try TMProcess.run(["search", "--json", "--min", "50"], stdin: queries, environment: environment)
        #expect(searched.status == 0)
        let lines = searched.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let matches = try #require(object["matches"] as? [[String: Any]])
            #expect(matches.first?["ko"] as? String == "미국은 1992년에 지하 핵실험을 중지시켰기 때문에 이러한 모의 실험은 한 치의 오차도 없어야만 한다.")
            #expect(object["took_ms"] as? Double != nil)
            #expect(Set(matches.first?.keys.map { $0 } ?? []) == ["id", "score", "ko", "en", "origin"])
        }
        let again = try TMProcess.run(["import", samples], environment: environment)
        #expect(again.stdout.hasPrefix("news-sample.tsv: 0 added, 455 already present, 0 skipped"))
    }

    @Test func addConcordanceExportStats() throws {
        let environment = try TMProcess.temporaryDatabase()
        let added = try TMProcess.run(["add", "--ko", "평양에서 회담이 열렸다.", "--en", "Talks were held in Pyongyang."], environment: environment)
        #expect(added.status == 0)
        #expect(added.stdout.contains("\"created\":true"))
        let found = try TMProcess.run(["concordance", "회담"], environment: environment)
        #expect(found.stdout.hasSuffix("\t평양에서 회담이 열렸다.\tTalks were held in Pyongyang.\n"))
        let exported = try TMProcess.run(["export", "--format", "tsv"], environment: environment)
        #expect(exported.stdout == "ko\ten\n평양에서 회담이 열렸다.\tTalks were held in Pyongyang.\n")
        let stats = try TMProcess.run(["stats", "--json"], environment: environment)
        #expect(stats.stdout.contains("\"segments\":1") && !stats.stdout.contains("indexed_"), "tm stats builds no index")
    }

    /// `tm copy` moves a database into an empty one and back, through PostgreSQL when `.ci/run` started one
    /// (`$TM_TEST_POSTGRES`), and refuses a target that holds data or a source that does not exist.
    @Test func copyMovesADatabaseIntoAnEmptyOneAndBack() throws {
        let environment = try TMProcess.temporaryDatabase()
        let source = try #require(environment["TM_DB"])
        #expect(try TMProcess.run(["import", samples], environment: environment).status == 0)
        let folder = URL(fileURLWithPath: source).deletingLastPathComponent()
        var middle = folder.appendingPathComponent("middle.sqlite").path
        if let server = ProcessInfo.processInfo.environment["TM_TEST_POSTGRES"], var url = URLComponents(string: server) {
            let name = "tm_cli_copy_\(UInt32.random(in: 0...UInt32.max))"
            let created = try Process.run(
                URL(fileURLWithPath: "/usr/bin/psql"),
                arguments: [
                    "-h", url.host ?? "127.0.0.1", "-p", String(url.port ?? 5432), "-U", url.user ?? "postgres", "-d", "postgres", "-qc",
                    "CREATE DATABASE \(name)",
                ])
            created.waitUntilExit()
            try #require(created.terminationStatus == 0)
            url.path = "/" + name
            middle = try #require(url.string)
        }
        let there = try TMProcess.run(["copy", "--from", source, "--to", middle, "--batch", "200"])
        #expect(there.status == 0, "\(there.stderr)")
        #expect(there.stderr == "copied 200 of 455 pairs\ncopied 400 of 455 pairs\ncopied 455 of 455 pairs\n")
        #expect(there.stdout.hasPrefix("copied 455 pairs and "))
        let back = folder.appendingPathComponent("back.sqlite").path
        #expect(try TMProcess.run(["copy", "--from", middle, "--to", back]).status == 0)
        let original = try TMProcess.run(["export", "--format", "tmx"], environment: environment).stdout
        let copied = try TMProcess.run(["export", "--format", "tmx", "--db", back]).stdout
        #expect(original.contains("<tu") && copied == original)
        let refused = try TMProcess.run(["copy", "--from", source, "--to", back])
        #expect(refused.status == 64 && refused.stderr.contains("already holds 455 pairs"))
        let missing = try TMProcess.run(["copy", "--from", folder.appendingPathComponent("none.sqlite").path, "--to", back + "2"])
        #expect(missing.status == 66 && !FileManager.default.fileExists(atPath: back + "2"))
    }

    @Test func badInputFailsWithAMessage() throws {
        let environment = try TMProcess.temporaryDatabase()
        let empty = try TMProcess.run(["add", "--ko", "가", "--en", " "], environment: environment)
        #expect(empty.status == 64)
        #expect(empty.stderr == "tm: en: the en side is empty\n")
        let missing = try TMProcess.run(["import", "/nonexistent/file.tmx"], environment: environment)
        #expect(missing.status == 66)
        let score = try TMProcess.run(["search", "--min", "120", "x"], environment: environment)
        #expect(score.status == 64)
        #expect(score.stderr.contains("min"))
    }

    /// `tm import -` reads standard input; several files are imported each on its own, one report each, and a bad one
    /// does not stop the others (the exit status is its failure's).
    @Test func importReadsStandardInputAndSeveralFiles() throws {
        let environment = try TMProcess.temporaryDatabase()
        let piped = try TMProcess.run(["import", "--format", "tsv", "-"], stdin: "문서\tDocuments\n", environment: environment)
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stdout.hasPrefix("standard input: 1 added"))
        let noFormat = try TMProcess.run(["import", "-"], stdin: "문서\tDocuments\n", environment: environment)
        #expect(noFormat.status == 64 && noFormat.stderr.hasPrefix("tm: standard input has no name"), "\(noFormat.stderr)")

        let folder = try TMProcess.temporaryFolder()
        let good = folder.appendingPathComponent("good.tsv")
        let reversed = folder.appendingPathComponent("reversed.tsv")
        let bad = folder.appendingPathComponent("bad.tsv")
        try "바탕화면\tDesktop\n".write(to: good, atomically: true, encoding: .utf8)
        try "Applications\t응용 프로그램\nMusic\t음악\n".write(to: reversed, atomically: true, encoding: .utf8)
        try "음악\n".write(to: bad, atomically: true, encoding: .utf8)
        let several = try TMProcess.run(["import", "--json", good.path, bad.path, reversed.path], environment: environment)
        #expect(several.status == 65)
        let reports = several.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(reports.map { $0["file"] as? String } == ["good.tsv", "reversed.tsv"])
        #expect((reports.last?["notices"] as? [String])?.first?.contains("swapped") == true)
        let problems = try TMProcess.run(["import", "--json", "--skip-bad", bad.path], environment: environment)
        let report = try JSONSerialization.jsonObject(with: Data(problems.stdout.utf8)) as? [String: Any]
        let problem = (report?["problems"] as? [[String: Any]])?.first
        #expect(problem?["line"] as? Int == 1 && problem?["reason"] as? String == "bad_row" && problem?["message"] is String, "\(problems.stdout)")
        #expect(several.stderr.hasPrefix("tm: bad.tsv:1: expected 2 tab-separated fields"), "\(several.stderr)")
        let stats = try TMProcess.run(["stats", "--json"], environment: environment)
        #expect(stats.stdout.contains("\"segments\":4"), "\(stats.stdout)")
    }

    /// Argument errors read like every other error: one line starting "tm:", then the usage.
    @Test func argumentErrorsStartWithTm() throws {
        let unknown = try TMProcess.run(["search", "--bogus", "x"])
        #expect(unknown.status == 64 && unknown.stderr.hasPrefix("tm: Unknown option '--bogus'"), "\(unknown.stderr)")
        #expect(unknown.stderr.contains("Usage: tm search"))
        let help = try TMProcess.run(["search", "--help"])
        #expect(help.status == 0 && help.stdout.contains("USAGE"))
    }
}
