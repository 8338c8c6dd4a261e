import Foundation
import Testing

@testable import Glossary

@Suite struct GlossaryImportExportTests {
    private func fixture(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/glossary"))
        return Array(try Data(contentsOf: url))
    }

    /// Terms compared without ids, variants as sets (TBX groups them by language).
    private func normalized(_ terms: [Term]) -> Set<String> {
        Set(terms.map { "\($0.hangul)|\($0.english)|\($0.kind)|\($0.note)|\($0.source)|\($0.variants.sorted())" })
    }

    @Test(arguments: [GlossaryFormat.tbx, .omegat, .tsv])
    func exportThenImportGivesTheSameGlossary(format: GlossaryFormat) throws {
        let original = try BundledGlossaryFixture.glossary.terms()
        let exported = format.render(original)
        let target = try BundledGlossaryFixture.empty()
        let report = try target.importTerms(try format.parse(Array(exported.utf8), fileName: "export.\(format.rawValue)"), skipBad: false)
        #expect(report.added == original.count)
        #expect(report.skipped == 0)
        #expect(normalized(try target.terms()) == normalized(original))
    }

    @Test func tbxEscapesMarkup() throws {
        let term = Term(hangul: "에이앤비", english: "A&B <Ltd> \"quoted\" 'single'", kind: .organization, note: "x < y & z")
        let parsed = try GlossaryFormat.tbx.parse(Array(GlossaryFormat.tbx.render([term]).utf8), fileName: "t.tbx")
        #expect(parsed.terms.map(\.term) == [term])
    }

    @Test func malformedTSVImportsNothingAndNamesEveryBadLine() throws {
        let glossary = try BundledGlossaryFixture.empty()
        let parsed = try GlossaryFormat.tsv.parse(try fixture("bad-rows.tsv"), fileName: "bad-rows.tsv")
        #expect(parsed.problems.map(\.line) == [3, 4])
        #expect(parsed.problems[0].message.contains("unknown kind 'minister'"))
        #expect(parsed.problems[1].message.contains("expected 6 tab-separated fields, found 2"))
        #expect(
            throws: TMError.badFile(
                name: "bad-rows.tsv", line: 3,
                message:
                    "unknown kind 'minister' (expected one of person, place, organization, term) (nothing imported; --skip-bad imports the good rows)"
            )
        ) {
            try glossary.importTerms(parsed, skipBad: false)
        }
        #expect(glossary.count == 0)

        let report = try glossary.importTerms(parsed, skipBad: true)
        #expect(report.added == 1)
        #expect(report.skipped == 2)
        #expect(try glossary.lookup("Kim Jong Un").matches.first?.english == "Kim Jong-un")
    }

    @Test func malformedTBXIsRefusedWithItsLine() throws {
        #expect {
            _ = try GlossaryFormat.tbx.parse(try fixture("bad-structure.tbx"), fileName: "bad-structure.tbx")
        } throws: { error in
            guard case .badFile(let name, let line, let message) = error as? TMError else { return false }
            return name == "bad-structure.tbx" && line != nil && message.hasPrefix("not well-formed XML")
        }
    }

    @Test func tbxEntryWithoutKoreanIsABadRow() throws {
        let parsed = try GlossaryFormat.tbx.parse(try fixture("missing-language.tbx"), fileName: "missing-language.tbx")
        #expect(parsed.terms.count == 1)
        #expect(parsed.problems.map(\.message) == ["the entry has no Korean term"])
        let glossary = try BundledGlossaryFixture.empty()
        #expect(throws: TMError.self) { try glossary.importTerms(parsed, skipBad: false) }
        #expect(glossary.count == 0)
    }

    @Test(arguments: ["entity-bomb.tbx", "external-entity.tbx"])
    func entityDeclarationsAreRefusedBeforeParsing(name: String) throws {
        #expect {
            _ = try GlossaryFormat.tbx.parse(try fixture(name), fileName: name)
        } throws: { error in
            guard case .badFile(_, _, let message) = error as? TMError else { return false }
            return message.contains("declares XML entities")
        }
    }

    /// The fixture marks Kim Yo Jong `admittedTerm`: an acceptable other name, so an alias.
    @Test func readsTBXVersion3ConceptEntries() throws {
        let parsed = try GlossaryFormat.tbx.parse(try fixture("tbx-v3.tbx"), fileName: "tbx-v3.tbx")
        #expect(parsed.terms.map(\.term) == [Term(hangul: "김여정", english: "Kim Yo-jong", kind: .person, aliases: ["Kim Yo Jong"])])
    }

    @Test func aliasesAndOffStyleSpellingsSurviveEveryFormat() throws {
        let term = Term(
            hangul: "유럽연합", english: "European Union", kind: .organization, variants: ["Europaean Union"], aliases: ["EU"], note: "n", source: "s",
            country: "BE")
        for format in GlossaryFormat.allCases {
            let text = format.render([term])
            let parsed = try format.parse(Array(text.utf8), fileName: "round-trip.\(format.rawValue)")
            #expect(parsed.terms.map(\.term) == [term], "\(format): \(text)")
        }
        // A file from before aliases: six columns, every other spelling a variant.
        let old = "hangul\tenglish\tkind\tvariants\tnote\tsource\n유럽연합\tEuropean Union\torganization\tEU\t\t\n"
        #expect(try GlossaryFormat.tsv.parse(Array(old.utf8), fileName: "old.tsv").terms.map(\.term.variants) == [["EU"]])
        // Seven columns: before the country.
        let seven = "hangul\tenglish\tkind\tvariants\tnote\tsource\taliases\n유럽연합\tEuropean Union\torganization\t\t\t\tEU\n"
        let parsed = try GlossaryFormat.tsv.parse(Array(seven.utf8), fileName: "seven.tsv").terms.map(\.term)
        #expect(parsed.map(\.aliases) == [["EU"]] && parsed.map(\.country) == [""])
    }

    @Test func plainOmegaTGlossaryImportsAsTerms() throws {
        let parsed = try GlossaryFormat.omegat.parse(try fixture("plain-omegat.utf8"), fileName: "plain-omegat.utf8")
        #expect(parsed.terms.map(\.term.english) == ["Kim Jong-un", "Pyongyang"])
        #expect(parsed.terms.first?.term.note == "DPRK leader")
        #expect(parsed.terms.allSatisfy { $0.term.kind == .term })
        #expect(parsed.problems.map(\.line) == [4])
    }

    @Test func invalidUTF8IsABadFile() throws {
        #expect(throws: TMError.badFile(name: "x.tsv", line: nil, message: "invalid UTF-8 at byte 1")) {
            try GlossaryFormat.tsv.parse([0x68, 0xFF], fileName: "x.tsv")
        }
    }
}
