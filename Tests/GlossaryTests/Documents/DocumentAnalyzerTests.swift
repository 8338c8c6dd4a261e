import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@testable import Glossary

/// Article analysis, pre-translation and bilingual QA (issue #16) on a real align-dev article (Fixtures/align/002,
/// from the Korean–English News corpus, CC BY-SA 3.0) and on sentences built around bundled glossary names.
@Suite("Documents: analysis, drafts, QA")
struct DocumentAnalyzerTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../Fixtures/align").standardized

    /// A memory holding the aligned pairs of article 002, and the bundled glossary, in one new database.
    static func analyzer(withArticle: Bool = true) throws -> DocumentAnalyzer {
        let path = BundledGlossaryFixture.folder.appendingPathComponent("\(UUID().uuidString).sqlite").path
        let store = try SQLiteStore(path: path) { () throws(TMError) -> [Term] in try BundledGlossary.load(from: BundledGlossaryFixture.directory) }
        let glossary = try TermGlossary(store: store)
        let memory = TranslationMemory(store: store, glossary: glossary)
        if withArticle {
            let (ko, en) = try article()
            let aligner = try DocumentAligner(glossary: glossary, memory: memory)
            _ = try aligner.add(try aligner.align(korean: ko, english: en), to: memory, origin: "002")
        }
        return DocumentAnalyzer(memory: memory, glossary: glossary)
    }

    static func article() throws -> (String, String) {
        (
            try String(contentsOf: fixtures.appendingPathComponent("002.ko.txt"), encoding: .utf8),
            try String(contentsOf: fixtures.appendingPathComponent("002.en.txt"), encoding: .utf8)
        )
    }

    @Test func numbersAmountsAndDatesAreRenderedAsTheDeskWritesThem() {
        func english(_ text: String) -> [String] { KoreanNumberExpression.find(in: text).map(\.english) }
        #expect(english("3천 명이 모였다") == ["3,000"])
        #expect(english("이 1억1천만 달러 짜리 설비") == ["$110 million"])
        #expect(english("3월 27일 발표했다") == ["March 27"])
        #expect(english("1992년에 중지했다") == ["1992"])
        #expect(english("1년 동안") == ["1 year"])
        #expect(english("12.5%가 늘었다") == ["12.5%"])
        #expect(english("1만1천 명") == ["11,000"])
        #expect(english("12조3천억 번") == ["12.3 trillion"])
        #expect(english("2400억 원") == ["240 billion won"])
        let day = KoreanNumberExpression.find(in: "28일(현지시간) 밝혔다")
        #expect(day.first?.isDayOfMonth == true && day.first?.english == "the 28th")
        #expect(KoreanNumberExpression.find(in: "지난 24~26일 조사").map(\.isDayOfMonth) == [true, true])
        // A bare small number says nothing the desk needs.
        #expect(english("6개 상자") == [])
    }

    @Test func aWordDiffShowsWhatChangedAgainstTheMatch() {
        let diff = WordDiff(from: "정부는 어제 발표했다", to: "정부는 오늘 발표했다")
        #expect(diff.pieces.map(\.operation) == [.equal, .delete, .insert, .equal])
        #expect(diff.pieces.map(\.text) == ["정부는", "어제", "오늘", "발표했다"])
    }

    @Test func anAlignedArticleAnalyzesAsMostlyExactMatches() throws {
        let (ko, _) = try Self.article()
        let analysis = try Self.analyzer().analyze(ko)
        #expect(analysis.language == .ko)
        #expect(analysis.sentences.count >= 10)
        let exact = analysis.bands.first { $0.band == "100" }?.sentences ?? 0
        #expect(exact * 2 > analysis.sentences.count, "most sentences of an article already in the memory match 100 %")
        #expect(analysis.bands.map(\.band) == ["100", "95-99", "85-94", "75-84", "50-74", "no match"])
        #expect(analysis.bands.reduce(0) { $0 + $1.sentences } == analysis.total.sentences)
        #expect(analysis.bands.reduce(0) { $0 + $1.words } == analysis.total.words)
        for sentence in analysis.sentences where sentence.band == .exact {
            #expect(sentence.matches.first?.diff.pieces.allSatisfy { $0.operation == .equal } == true)
        }
    }

    @Test func namesTheGlossaryKnowsAndGuessesForThoseItLacks() throws {
        let analysis = try Self.analyzer(withArticle: false).analyze("최선희 외무상과 김철수 의원은 3월 27일 평양에서 만났다.")
        let terms = try #require(analysis.sentences.first?.terms)
        #expect(terms.contains { $0.english == "Choe Son-hui" && !$0.generated })
        #expect(terms.contains { $0.english == "Pyongyang" && !$0.generated })
        let guess = try #require(terms.first { $0.text == "김철수" })
        #expect(guess.generated && guess.english == "Kim Cheol-su" && guess.kind == .person)
        #expect(analysis.sentences.first?.numbers.map(\.english) == ["March 27"])
        #expect(analysis.sentences.first?.band == MatchBand.none)
    }

    @Test func badArticlesAreRefused() throws {
        let analyzer = try Self.analyzer(withArticle: false)
        #expect(throws: TMError.self) { try analyzer.analyze("   ") }
        #expect(throws: TMError.self) { try analyzer.analyze(String(repeating: "가", count: DocumentAnalyzer.maximumLength + 1)) }
        #expect(throws: TMError.self) { try analyzer.draft("부산이다.", original: "a.txt", threshold: 101) }
    }

    /// A text with no sentence marks is one long "sentence": it is analyzed without matches, not refused.
    @Test func aTextWithoutSentenceMarksIsAnalyzed() throws {
        let text = String(repeating: "김정은 위원장이 평양에서 연설을 하고 ", count: 200)
        let analysis = try Self.analyzer(withArticle: false).analyze(text)
        #expect(analysis.sentences.count == 1)
        #expect(analysis.sentences.first?.matches.isEmpty == true)
        #expect(analysis.sentences.first?.terms.contains { $0.english == "Kim Jong-un" } == true)
    }

    @Test func theDraftIsXLIFFThatTranslateToolkitReads() throws {
        let (ko, _) = try Self.article()
        let analyzer = try Self.analyzer()
        let xliff = try analyzer.draft(ko, original: "002.ko.txt")
        let sentences = try analyzer.analyze(ko).sentences
        #expect(xliff.components(separatedBy: "<trans-unit ").count - 1 == sentences.count)
        #expect(xliff.contains("state=\"needs-review-translation\" state-qualifier=\"exact-match\""))
        #expect(xliff.contains("<alt-trans match-quality=\"100\""))
        let undrafted = try analyzer.analyze(ko).sentences.filter { ($0.matches.first?.score ?? 0) < 75 }.count
        #expect(undrafted > 0 && xliff.components(separatedBy: "state=\"new\"></target>").count - 1 == undrafted)
        let parser = XMLParser(data: Data(xliff.utf8))
        #expect(parser.parse(), "well-formed XML")
        let script = """
            import sys
            from translate.storage import xliff
            store = xliff.xlifffile.parsestring(sys.stdin.buffer.read())
            units = [u for u in store.units if u.source]
            print(len(units), sum(1 for u in units if u.target))
            """
        if let result = try ExternalTool.python(script, input: xliff, needing: "translate.storage.xliff") {
            let counts = result.output.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            let drafted = sentences.filter { ($0.matches.first?.score ?? 0) >= 75 }.count
            #expect(counts == [sentences.count, drafted], "\(result.output)")
        }
        let tsv = try analyzer.draft(ko, original: "002.ko.txt", format: .tsv)
        let rows = tsv.split(separator: "\n")
        #expect(rows.first == "ko\ten\tscore\tnotes")
        #expect(
            rows.count == sentences.count + 1
                && rows.dropFirst().allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 4 })
    }

    /// The TMX draft in a real OmegaT project's `tm/auto` folder: OmegaT splits the article into the same sentences
    /// and fills exactly the drafted ones with their English (`project_stats.txt` counts the rest as remaining).
    @Test func omegaTFillsAnArticleFromTheTMXDraft() throws {
        let (ko, _) = try Self.article()
        let analyzer = try Self.analyzer()
        let sentences = try analyzer.analyze(ko).sentences
        let drafted = sentences.filter { ($0.matches.first?.score ?? 0) >= 75 }
        let tmx = try analyzer.draft(ko, original: "002.ko.txt", format: .tmx)
        #expect(tmx.components(separatedBy: "<tu>").count - 1 == drafted.count)
        #expect(XMLParser(data: Data(tmx.utf8)).parse(), "well-formed XML")
        var back: [ImportedUnit] = []
        try TMXReader.read(.bytes(Array(tmx.utf8), name: "draft.tmx"), unit: { back.append($0) }, skip: { _ in })
        #expect(back.map(\.ko) == drafted.map(\.text) && back.map(\.en) == drafted.map { $0.matches[0].target })

        let project = FileManager.default.temporaryDirectory.appendingPathComponent("omegat-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: project) }
        for folder in ["source", "target", "tm/auto", "glossary", "dictionary", "omegat"] {
            try FileManager.default.createDirectory(at: project.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try ko.write(to: project.appendingPathComponent("source/article.txt"), atomically: true, encoding: .utf8)
        try tmx.write(to: project.appendingPathComponent("tm/auto/draft.tmx"), atomically: true, encoding: .utf8)
        try Self.omegaTProject.write(to: project.appendingPathComponent("omegat.project"), atomically: true, encoding: .utf8)
        guard let result = try ExternalTool.omegat(project: project) else { return }
        #expect(result.status == 0, "\(result.output.suffix(2000))")
        let translated = try String(contentsOf: project.appendingPathComponent("target/article.txt"), encoding: .utf8)
        for sentence in drafted { #expect(translated.contains(sentence.matches[0].target), "\(sentence.text)") }
        for sentence in sentences where !drafted.contains(sentence) { #expect(translated.contains(sentence.text)) }
        let stats = try String(contentsOf: project.appendingPathComponent("omegat/project_stats.txt"), encoding: .utf8)
        func count(_ row: String) -> Int? {
            stats.split(separator: "\n").first { $0.hasPrefix(row) }?.split(separator: "\t").dropFirst().first
                .flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        }
        #expect(count("Total:") == sentences.count)
        #expect(count("Remaining:") == sentences.count - drafted.count)
    }

    /// A Korean-to-English OmegaT project with its standard folders and sentence segmentation.
    static let omegaTProject = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <omegat>
            <project version="1.0">
                <source_dir>__DEFAULT__</source_dir>
                <source_dir_excludes/>
                <target_dir>__DEFAULT__</target_dir>
                <tm_dir>__DEFAULT__</tm_dir>
                <glossary_dir>__DEFAULT__</glossary_dir>
                <glossary_file>__DEFAULT__</glossary_file>
                <dictionary_dir>__DEFAULT__</dictionary_dir>
                <source_lang>ko</source_lang>
                <target_lang>en</target_lang>
                <source_tok>org.omegat.tokenizer.LuceneCJKTokenizer</source_tok>
                <target_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</target_tok>
                <sentence_seg>true</sentence_seg>
                <support_default_translations>true</support_default_translations>
                <remove_tags>false</remove_tags>
            </project>
        </omegat>
        """

    /// Each kind of error put into a clean pair is found, and the clean pair has none.
    @Test func qaFindsNamesNumbersAndHangulThatDoNotAgree() throws {
        let analyzer = try Self.analyzer(withArticle: false)
        let ko = "최선희 외무상은 3월 27일 평양에서 3천 명의 군중 앞에서 연설했다."
        func kinds(_ en: String) throws -> [QAIssue.Kind] { try analyzer.qa(pairs: [(ko, en)]).issues.map(\.kind) }
        #expect(try kinds("Foreign Minister Choe Son-hui addressed a crowd of 3,000 in Pyongyang on March 27.") == [])
        #expect(try kinds("Foreign Minister Choe Sun Hui addressed a crowd of 3,000 in Pyongyang on March 27.") == [.offStyle])
        #expect(try kinds("Foreign Minister Choe Son-hui addressed a crowd of 2,000 in Pyongyang on March 27.") == [.number, .number])
        #expect(try kinds("The foreign minister addressed a crowd of 3,000 in Pyongyang on March 27.") == [.missingTerm])
        #expect(try kinds("Foreign Minister Choe Son-hui addressed a crowd of 3,000 in 평양 on March 27.") == [.untranslated])
        #expect(try kinds("") == [.unaligned])
        // Named once, a person may be "she" after.
        let two = try analyzer.qa(pairs: [
            (ko, "Choe Son-hui addressed a crowd of 3,000 in Pyongyang on March 27."), ("최선희는 박수를 받았다.", "She was applauded."),
        ])
        #expect(two.issues.isEmpty)
    }

    @Test func qaOfAnArticleAgainstTheMemoryFindsAChangedTranslation() throws {
        let (ko, en) = try Self.article()
        let analyzer = try Self.analyzer()
        let clean = try analyzer.qa(korean: ko, english: en)
        #expect(!clean.issues.contains { $0.kind == .inconsistent })
        let lines = en.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let index = try #require(lines.firstIndex { $0.split(separator: " ").count > 8 })
        var changed = lines
        changed[index] = changed[index].replacingOccurrences(of: " the ", with: " a ")
        let report = try analyzer.qa(korean: ko, english: changed.joined(separator: "\n"))
        #expect(report.issues.contains { $0.kind == .inconsistent })
    }
}
