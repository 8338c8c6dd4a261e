import Foundation
import Testing

@testable import Glossary

/// Files written the other way round, in other charsets and by OmegaT (issue #14, items 3 and 4). Fixtures are listed
/// in `Fixtures/memory/README.md` and `Fixtures/glossary/README.md`.
extension Formats {
    @Suite struct DirectionAndCharsetTests {
        private func memory() throws -> TranslationMemory {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tm-direction-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            return try TranslationMemory(store: SQLiteStore(path: folder.appendingPathComponent("tm.sqlite").path))
        }

        private func glossary(_ name: String, _ format: GlossaryFormat) throws -> ParsedGlossary {
            let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/glossary"))
            return try format.parse(Array(try Data(contentsOf: url)), fileName: name)
        }

        private func pairs(_ memory: TranslationMemory) throws -> Set<[String]> {
            Set(try memory.store.segments(after: 0, limit: 100).map { [$0.ko, $0.en] })
        }

        /// An en→ko OmegaT glossary (English in the first column, OmegaT's comment line first) is swapped as a whole;
        /// its row with no Hangul at all is a problem of its own.
        @Test func aReversedOmegaTGlossaryIsSwapped() throws {
            let parsed = try glossary("en-ko-omegat.utf8", .omegat)
            #expect(parsed.swapped)
            #expect(parsed.terms.map(\.term.hangul) == ["북한", "평양", "김정은"])
            #expect(parsed.terms.map(\.term.english) == ["North Korea", "Pyongyang", "Kim Jong-un"])
            #expect(parsed.terms.first?.term.note == "country")
            #expect(parsed.problems.map(\.reason) == ["no_hangul"] && parsed.problems.map(\.line) == [5])
            let target = try BundledGlossaryFixture.empty()
            let report = try target.importTerms(parsed, skipBad: true)
            #expect(report.added == 3 && report.skipped == 1 && report.notices == [ImportDirection.notice])
        }

        /// UTF-16 with a byte-order mark and CRLF, as OmegaT saves a `.tab` glossary; the comment line is not a term.
        @Test func aUTF16OmegaTGlossaryReads() throws {
            #expect(GlossaryFormat(fileName: "ko-en-utf16.tab") == .omegat)
            let parsed = try glossary("ko-en-utf16.tab", .omegat)
            #expect(!parsed.swapped && parsed.problems.isEmpty)
            #expect(parsed.terms.map(\.term.english) == ["North Korea", "Pyongyang"])
            #expect(parsed.terms.last?.term.note == "DPRK capital")
        }

        /// A PO catalog with Korean msgids is swapped; "OK" → "OK" has no Hangul and is skipped (not an error).
        @Test func aPOCatalogWithKoreanMsgidsIsSwapped() throws {
            let memory = try memory()
            let report = try memory.importFile(.file(try MemoryReadResult.fixtureURL("ko-msgids.po")), format: .po, origin: "po", skipBad: false)
            #expect(report.notices == [ImportDirection.notice])
            #expect(report.added == 3 && report.skippedByReason["no_hangul"] == 1)
            #expect(try pairs(memory) == [["응용 프로그램", "Applications"], ["바탕화면", "Desktop"], ["문서", "Documents"]])
        }

        /// A headerless TSV written en→ko is swapped; a forward file is not.
        @Test func aHeaderlessEnglishFirstTSVIsSwapped() throws {
            let memory = try memory()
            let report = try memory.importFile(
                .file(try MemoryReadResult.fixtureURL("en-ko-headerless.tsv")), format: .tsv, origin: "tsv", skipBad: false)
            #expect(report.notices == [ImportDirection.notice] && report.added == 3 && report.skipped == 1)
            #expect(try pairs(memory).contains(["바탕화면", "Desktop"]))
            let forward = try memory.importFile(.bytes(Array("문서\tDocuments\n".utf8), name: "f.tsv"), format: .tsv, origin: "f", skipBad: false)
            #expect(forward.notices.isEmpty && forward.alreadyPresent == 1)
        }

        /// `source`/`target` headers (translate-toolkit and spreadsheet exports) name the columns.
        @Test func sourceTargetHeadersNameTheColumns() throws {
            let read = try MemoryReadResult.readFixture("source-target.tsv")
            #expect(read.pairs == [["문서", "Documents"], ["바탕화면", "Desktop"]])
        }

        /// The Debian catalogue in EUC-KR, and one in CP949 with a syllable EUC-KR lacks (똠), read as the header says.
        @Test(arguments: ["xdg-user-dirs.euc-kr.po", "cp949.po"])
        func legacyKoreanCharsetsAreConverted(name: String) throws {
            let read = try MemoryReadResult.readFixture(name)
            let utf8 = try MemoryReadResult.readFixture("xdg-user-dirs.ko.po")
            #expect(read.units.count == utf8.units.count && read.units.count > 20)
            #expect(read.pairs.first == ["응용 프로그램", "Applications"])
            if name == "cp949.po" { #expect(read.pairs.contains(["똠방각하 영화", "Movies"])) }
        }

        @Test func bytesThatAreNotTheDeclaredCharsetAreRefusedWithTheirLine() throws {
            #expect {
                _ = try MemoryReadResult.readFixture("mislabelled-euc-kr.po")
            } throws: { error in
                guard case TMError.badFile(_, let line, let message) = error else { return false }
                return line == 23 && message.contains("EUC-KR")
            }
            #expect(POReader.declaredCharset(Array(#""Content-Type: text/plain; charset=EUC-KR\n""#.utf8)) == "EUC-KR")
            #expect(POReader.declaredCharset(Array("msgid \"x\"".utf8)) == nil)
            #expect(POReader.declaredCharset(Array("msgid \"\"\nmsgstr \"\"\n\nmsgid \"charset=latin1\"\nmsgstr \"x\"\n".utf8)) == nil)
        }
    }
}
