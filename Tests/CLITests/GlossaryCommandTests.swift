import Foundation
import Testing

/// The glossary commands of the built `tm`, on a fresh database seeded with the bundled glossary.
@Suite struct GlossaryCommandTests {

    @Test func lookupFromStandardInputAsJSONLines() throws {
        let result = try TMProcess.run(
            ["lookup", "--json"], stdin: "Kim Jong Un\n최선희\nChoe Sun Hui\n", environment: try TMProcess.temporaryDatabase())
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        let objects = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        let houses = objects.map { (($0["matches"] as? [[String: Any]])?.first?["english"] as? String) ?? "" }
        #expect(houses == ["Kim Jong-un", "Choe Son-hui", "Choe Son-hui"])
        #expect(objects[0]["query"] as? String == "Kim Jong Un")
    }

    @Test func aHomonymMustBeAskedFor() throws {
        let environment = try TMProcess.temporaryDatabase()
        let arguments = ["glossary", "add", "--hangul", "김정은", "--english", "Kim Jung-eun", "--kind", "person", "--note", "a singer"]
        let refused = try TMProcess.run(arguments, environment: environment)
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("Kim Jong-un") && refused.stderr.contains("--homonym"), "\(refused.stderr)")
        let added = try TMProcess.run(arguments + ["--homonym", "--country", "KR"], environment: environment)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains(#""country":"KR""#), "\(added.stdout)")
        let badCountry = try TMProcess.run(
            ["glossary", "add", "--hangul", "김정은", "--english", "Kim Jeong-eun", "--kind", "person", "--homonym", "--country", "Korea"],
            environment: environment)
        #expect(badCountry.status != 0 && badCountry.stderr.contains("ISO 3166-1"), "\(badCountry.stderr)")
        let aliases = try TMProcess.run(
            ["glossary", "add", "--hangul", "유럽", "--english", "Europe", "--kind", "place", "--alias", "the Continent"], environment: environment)
        #expect(aliases.stdout.contains(#""aliases":["the Continent"]"#), "\(aliases.stdout)\(aliases.stderr)")
    }

    @Test func checkExitsOneWhenItFindsOffStyleNames() throws {
        let environment = try TMProcess.temporaryDatabase()
        let dirty = try TMProcess.run(["check"], stdin: "Kim Jong Un met Vladimir Putin.\n", environment: environment)
        #expect(dirty.status == 1)
        #expect(dirty.stdout == "-:1:1: Kim Jong Un → Kim Jong-un\n")
        let clean = try TMProcess.run(["check"], stdin: "Kim Jong-un met Vladimir Putin.\n", environment: environment)
        #expect(clean.status == 0)
        #expect(clean.stdout.isEmpty)
    }

    @Test func importReportsAndRefusesBadFiles() throws {
        let environment = try TMProcess.temporaryDatabase()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tm-cli-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let good = folder.appendingPathComponent("new.tsv")
        try "hangul\tenglish\tkind\tvariants\tnote\tsource\n홍길동\tHong Gil-dong\tperson\tHong Kil-tong\tfiction\ttest\n".write(
            to: good, atomically: true, encoding: .utf8)
        let imported = try TMProcess.run(["glossary", "import", good.path], environment: environment)
        #expect(imported.status == 0)
        #expect(imported.stdout.hasSuffix("1 added, 0 already present, 0 skipped\n"))
        #expect(try TMProcess.run(["lookup", "Hong Kil-tong"], environment: environment).stdout.contains("Hong Gil-dong · 홍길동"))

        let bad = folder.appendingPathComponent("bad.tsv")
        try "hangul\tenglish\tkind\tvariants\tnote\tsource\n가\tGa\tperson\t\t\t\n나\tNa\tbird\t\t\t\n".write(
            to: bad, atomically: true, encoding: .utf8)
        let refused = try TMProcess.run(["glossary", "import", bad.path], environment: environment)
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("bad.tsv:3: unknown kind 'bird'"))
        #expect(try TMProcess.run(["lookup", "--json", "Ga"], environment: environment).stdout.contains("\"matches\":[]"))

        let skipped = try TMProcess.run(["glossary", "import", "--skip-bad", bad.path], environment: environment)
        #expect(skipped.status == 0)
        #expect(skipped.stdout.hasSuffix("1 added, 0 already present, 1 skipped\n"))
        #expect(skipped.stderr.contains("bad.tsv:3: skipped: unknown kind 'bird'"))
    }

    @Test func exportTBXRoundTripsThroughImport() throws {
        let source = try TMProcess.temporaryDatabase()
        let exported = try TMProcess.run(["glossary", "export", "--format", "tbx"], environment: source)
        #expect(exported.status == 0)
        #expect(exported.stdout.hasPrefix("<?xml"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tm-cli-tbx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("all.tbx")
        try exported.stdout.write(to: file, atomically: true, encoding: .utf8)
        // Into the same database: every entry is already there.
        let again = try TMProcess.run(["glossary", "import", file.path], environment: source)
        #expect(again.status == 0)
        #expect(again.stdout.contains(" 0 added, "))
        #expect(again.stdout.contains(" 0 skipped"))
    }

    @Test func addUpdateRemove() throws {
        let environment = try TMProcess.temporaryDatabase()
        let added = try TMProcess.run(
            ["glossary", "add", "--hangul", "홍길동", "--english", "Hong Gil-dong", "--kind", "person", "--variant", "Hong Kil-tong"],
            environment: environment)
        #expect(added.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(added.stdout.utf8)) as? [String: Any])
        let id = try #require(object["id"] as? Int)
        let updated = try TMProcess.run(["glossary", "update", String(id), "--english", "Hong Kildong"], environment: environment)
        #expect(updated.stdout.contains("\"english\":\"Hong Kildong\""))
        #expect(updated.stdout.contains("Hong Kil-tong"), "variants not given are kept")
        #expect(try TMProcess.run(["glossary", "remove", String(id)], environment: environment).status == 0)
        let missing = try TMProcess.run(["glossary", "remove", String(id)], environment: environment)
        #expect(missing.status == 66)
        #expect(missing.stderr == "tm: not found: term \(id)\n")
    }

    /// `glossary list --json` is one JSON document, the shape `GET /v1/glossary/terms` answers.
    @Test func glossaryListJSONIsOneDocument() throws {
        let environment = try TMProcess.temporaryDatabase()
        let listed = try TMProcess.run(["glossary", "list", "--json"], environment: environment)
        #expect(listed.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [String: Any]
        #expect((object?["terms"] as? [[String: Any]])?.count ?? 0 > 900)
    }
}
