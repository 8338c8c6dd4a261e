import Foundation
import Testing

@testable import Glossary

/// Files as other tools write and read them (issue #14). Each glossary fixture imitates a public file family, named
/// in `Fixtures/glossary/README.md`; the exports are checked by the real readers when this machine has them:
/// xmllint (TMX 1.4b DTD, TBX v3 core structure) and translate-toolkit (the reader behind Weblate's glossary import).
extension Formats {
    @Suite struct InterchangeTests {
        private func glossaryFixture(_ name: String) throws -> ParsedGlossary {
            let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/glossary"))
            return try GlossaryFormat.tbx.parse(Array(try Data(contentsOf: url)), fileName: name)
        }

        private func schema(_ name: String) throws -> URL {
            try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/schemas"))
        }

        /// SDL MultiTerm's shape: `ntig`/`termGrp`, upper-case `xml:lang`, `normativeAuthorization`, groups of
        /// descriptions and transactions.
        @Test func multiTermNtigEntriesImport() throws {
            let parsed = try glossaryFixture("multiterm-ntig.tbx")
            #expect(parsed.problems.isEmpty, "\(parsed.problems)")
            let terms = parsed.terms.map(\.term)
            #expect(terms.map(\.hangul) == ["최선희", "평양"])
            #expect(terms.first?.english == "Choe Son-hui")
            #expect(terms.first?.variants == ["Choe Son Hui"])
            #expect(terms.first?.note == "Subject: Politics")
            // No status: another acceptable name, not an off-style one. A context sentence is the term's, not the note.
            #expect(terms.last?.aliases == ["P'yŏngyang"] && terms.last?.variants == [])
            #expect(terms.last?.note == "DPRK capital")
        }

        /// IBM's published TBX: `ntig`, `subjectField` "General" and "Software" (free text that used to abort the
        /// import), one entry without Korean — skipped alone, and counted once.
        @Test func subjectFieldsAreFreeTextAndSkipsCountEntries() throws {
            let parsed = try glossaryFixture("ibm-subject.tbx")
            #expect(parsed.terms.map(\.term.hangul) == ["번역 메모리", "용어집"])
            #expect(
                parsed.terms.map(\.term.note) == ["Subject: General. A database of source segments and their translations.", "Subject: Software"])
            #expect(parsed.terms.allSatisfy { $0.term.kind == .term })
            #expect(parsed.problems.map(\.reason) == ["no_korean"])
            let glossary = try BundledGlossaryFixture.empty()
            let report = try glossary.importTerms(parsed, skipBad: true)
            #expect(report.added == 2 && report.skipped == 1)
        }

        /// KDE Lokalize: `xml:lang="en_US"`/`ko_KR`, `tig` without statuses, the Korean section last.
        @Test func lokalizeGlossaryImports() throws {
            let parsed = try glossaryFixture("lokalize.tbx")
            let term = try #require(parsed.terms.first?.term)
            #expect(term.hangul == "김정은" && term.english == "Kim Jong-un" && term.aliases == ["Kim Jong Un"])
            #expect(term.note == "Subject: Politics. North Korean leader")
        }

        /// LTAC-Global's TBX-Basic v3 DCA sample: namespaced `tbx`, `conceptEntry`, a `descripGrp` in the `langSec`.
        @Test func tbxVersion3SampleImports() throws {
            let parsed = try glossaryFixture("ltac-v3.tbx")
            let term = try #require(parsed.terms.first?.term)
            #expect(term.hangul == "통일부" && term.english == "Ministry of Unification" && term.aliases == ["Unification Ministry"])
            #expect(term.note.hasPrefix("Subject: foreign affairs"))
        }

        /// tm's export before the kind had its own field: `subjectField` "person" is still the kind.
        @Test func olderTmExportsKeepTheirKind() throws {
            let parsed = try glossaryFixture("tbx-v3.tbx")
            #expect(parsed.terms.first?.term.kind == .person)
            #expect(parsed.terms.first?.term.note == "")
        }

        @Test func bothVersionsRoundTripEveryField() throws {
            let term = Term(
                hangul: "최선희", english: "Choe Son-hui", kind: .person, variants: ["Choe Son Hui"], aliases: ["Choe"], note: "DPRK foreign minister",
                source: "KCNA", country: "KP")
            for format in [GlossaryFormat.tbx, .tbx3] {
                let parsed = try format.parse(Array(format.render([term]).utf8), fileName: "t.tbx")
                #expect(parsed.terms.map(\.term) == [term], "\(format)")
            }
            #expect(GlossaryFormat.tbx.render([term]).contains("<martif") && !GlossaryFormat.tbx.render([term]).contains("langSec"))
            #expect(GlossaryFormat.tbx3.render([term]).contains("<conceptEntry") && !GlossaryFormat.tbx3.render([term]).contains("<tig>"))
        }

        /// The v3 export validates against the TBX v3 core structure (`TBX_CORE_RNG` may name the official RNG); the
        /// v2 export does not, so the check can fail.
        @Test func tbx3ExportValidatesAgainstTheCoreStructure() throws {
            let terms = try BundledGlossaryFixture.glossary.terms()
            let subset = try schema("tbx-v3-core-subset.rng")
            let rng = ProcessInfo.processInfo.environment["TBX_CORE_RNG"].map(URL.init(fileURLWithPath:)) ?? subset
            guard let v3 = try ExternalTool.xmllint(["--relaxng", rng.path], GlossaryFormat.tbx3.render(terms)) else { return }
            #expect(v3.status == 0, "\(v3.output)")
            let v2 = try #require(try ExternalTool.xmllint(["--relaxng", rng.path], GlossaryFormat.tbx.render(terms)))
            #expect(v2.status != 0)
        }

        /// translate-toolkit's TBX storage (what Weblate imports glossaries with) reads every term of the v2 export,
        /// Korean as the source and the house form as the target.
        @Test func translateToolkitReadsTheTBXExport() throws {
            let terms = try BundledGlossaryFixture.glossary.terms()
            let script = """
                import sys
                from translate.storage import tbx
                units = tbx.tbxfile.parsestring(sys.stdin.buffer.read()).units
                print(len(units), sum(1 for u in units if u.source and u.target), units[0].source, units[0].target, sep="\\t")
                """
            guard let result = try ExternalTool.python(script, input: GlossaryFormat.tbx.render(terms), needing: "translate.storage.tbx")
            else { return }
            let fields = result.output.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\t").map(String.init)
            #expect(fields == ["\(terms.count)", "\(terms.count)", terms[0].hangul, terms[0].english], "\(result.output)")
        }

        /// Control characters (U+0007 in coreutils' messages) travel as `<ph type="x-ctrl">`: the export is valid
        /// TMX 1.4b and reads back as the same pair.
        @Test func controlCharactersRoundTripThroughTMX() throws {
            let segment = Segment(
                id: 1, ko: "경고음\u{7} 울림", en: "bell\u{7} rings\u{1B}[0m", origin: "", createdAt: Date(timeIntervalSince1970: 0),
                updatedAt: Date(timeIntervalSince1970: 0))
            var text = ""
            TMXWriter.write([segment]) { text += $0 }
            #expect(text.contains(#"<ph type="x-ctrl">U+0007</ph>"#) && text.contains(#"<ph type="x-ctrl">U+001B</ph>"#))
            let read = try MemoryReadResult.read(.tmx, text: text, name: "ctrl.tmx")
            #expect(read.pairs == [[segment.ko, segment.en]])
            if let valid = try ExternalTool.xmllint(["--dtdvalid", try schema("tmx14b.dtd").path], text) {
                #expect(valid.status == 0, "\(valid.output)")
            }
        }

        /// The whole TMX export is valid against the TMX 1.4b DTD, and an invalid document is not (the check can fail).
        @Test func tmxExportValidatesAgainstTheDTD() throws {
            var text = ""
            TMXWriter.write(MemoryWriterTests.segments) { text += $0 }
            guard let valid = try ExternalTool.xmllint(["--dtdvalid", try schema("tmx14b.dtd").path], text) else { return }
            #expect(valid.status == 0, "\(valid.output)")
            let broken = text.replacingOccurrences(of: " srclang=\"ko\"", with: "")
            #expect(try ExternalTool.xmllint(["--dtdvalid", try schema("tmx14b.dtd").path], broken)?.status != 0)
        }
    }
}

/// A program this machine may have (xmllint, python3 with a module), run on a document: nil when it is missing.
enum ExternalTool {
    struct Result {
        let status: Int32
        let output: String
    }

    static func xmllint(_ arguments: [String], _ document: String) throws -> Result? {
        guard let path = find("xmllint") else { return nil }
        return try run(path, ["--noout"] + arguments + ["-"], input: document)
    }

    /// Runs `script` with python3 when `module` imports.
    static func python(_ script: String, input: String, needing module: String) throws -> Result? {
        guard let path = find("python3"), try run(path, ["-c", "import \(module)"], input: "").status == 0 else { return nil }
        return try run(path, ["-c", script], input: input)
    }

    /// Runs OmegaT (Debian's `omegat`, a Java program) headless on a project folder in `mode`, when it is installed.
    static func omegat(project: URL, mode: String = "console-translate") throws -> Result? {
        let jar = "/usr/share/omegat/OmegaT.jar"
        guard let java = find("java"), FileManager.default.fileExists(atPath: jar) else { return nil }
        return try run(java, ["-Djava.awt.headless=true", "-jar", jar, project.path, "--mode=\(mode)"], input: "")
    }

    private static func find(_ name: String) -> String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return folders.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    private static func run(_ path: String, _ arguments: [String], input: String) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stdout
        try process.run()
        // Write on another thread so a large document cannot deadlock against a full output pipe.
        let writer = Thread {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self))
    }
}
