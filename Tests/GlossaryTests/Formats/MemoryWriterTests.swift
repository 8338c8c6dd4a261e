import Foundation
import Testing

@testable import Glossary

#if canImport(FoundationXML)
    import FoundationXML
#endif

extension Formats {
    @Suite struct MemoryWriterTests {
        static let tricky: [(ko: String, en: String)] = [
            ("에이 & 비 <회사> \"인용\" '작은'", "A & B <Ltd> \"quoted\" 'single' ]]> &amp;"),
            ("탭\t과 줄\n바꿈\r\n그리고 \\ 역슬래시", "tab\tand line\nbreak\r\nand \\ backslash \\t"),
            ("이모지 🇰🇷👍🏽 그리고 결합 문자 e\u{301}", "emoji 🇰🇷👍🏽 and combining e\u{301} \u{1100}\u{1161}"),
            ("\u{1100}\u{1161}\u{11A8} 조합형", "conjoining jamo"),
        ]

        static var segments: [Segment] {
            tricky.enumerated().map { index, pair in
                Segment(
                    id: Int64(index + 1), ko: pair.ko, en: pair.en, origin: index == 0 ? "" : "import <a&b>.tmx",
                    createdAt: Date(timeIntervalSince1970: 1_700_000_000), updatedAt: Date(timeIntervalSince1970: 1_700_086_461))
            }
        }

        private func render(_ format: MemoryFormat) throws -> String {
            var out = ""
            switch format {
            case .tmx: TMXWriter.write(Self.segments) { out += $0 }
            case .tsv: SegmentTSV.write(Self.segments) { out += $0 }
            case .po: Issue.record("PO is not written")
            }
            return out
        }

        @Test(arguments: [MemoryFormat.tmx, .tsv])
        func exportThenImportGivesTheSamePairs(format: MemoryFormat) throws {
            let text = try render(format)
            let result = try MemoryReadResult.read(format, text: text, name: "export.\(format.rawValue)")
            #expect(result.pairs == Self.tricky.map { [$0.ko, $0.en] })
            #expect(result.skips.isEmpty)
            // Scalars, not Characters: a lost combining mark or a CR folded into LF must fail the test.
            #expect(result.units.map { Array($0.ko.unicodeScalars) } == Self.tricky.map { Array($0.ko.unicodeScalars) })
            #expect(result.units.map { Array($0.en.unicodeScalars) } == Self.tricky.map { Array($0.en.unicodeScalars) })
        }

        @Test func tmxIsWellFormedWithTheHeaderAttributes() throws {
            let text = try render(.tmx)
            #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n"))
            let collector = ElementCollector()
            let parser = XMLParser(data: Data(text.utf8))
            parser.delegate = collector
            #expect(parser.parse() && parser.parserError == nil)
            let header = try #require(collector.elements.first { $0.name == "header" }?.attributes)
            #expect(
                header == [
                    "creationtool": "tm", "creationtoolversion": TMVersion.current, "segtype": "sentence", "o-tmf": "tm",
                    "adminlang": "en", "srclang": "ko", "datatype": "plaintext",
                ])
            let units = collector.elements.filter { $0.name == "tu" }.map(\.attributes)
            #expect(units.map { $0["tuid"] } == ["1", "2", "3", "4"])
            #expect(units.first?["creationdate"] == "20231114T221320Z")
            #expect(units.first?["changedate"] == "20231115T221421Z")
            #expect(collector.elements.filter { $0.name == "prop" }.map { $0.attributes["type"] } == ["x-origin", "x-origin", "x-origin"])
            #expect(collector.text.contains("import <a&b>.tmx"))
            #expect(
                collector.elements.filter { $0.name == "tuv" }.map { $0.attributes["xml:lang"] } == ["ko", "en", "ko", "en", "ko", "en", "ko", "en"])
        }

        /// Characters XML cannot carry travel as placeholders and come back (see `InterchangeTests`).
        @Test func charactersXMLCannotCarryComeBack() throws {
            let segment = Segment(id: 9, ko: "가\u{1}나", en: "a\u{FFFF}b", origin: "", createdAt: .distantPast, updatedAt: .distantPast)
            var text = ""
            TMXWriter.write([segment]) { text += $0 }
            #expect(try MemoryReadResult.read(.tmx, text: text).pairs == [["가\u{1}나", "a\u{FFFF}b"]])
        }

        @Test func tsvHeaderAndEscapes() throws {
            let text = try render(.tsv)
            #expect(text.hasPrefix("ko\ten\n"))
            #expect(text.split(separator: "\n").count == Self.tricky.count + 1)
            #expect(text.contains("탭\\t과 줄\\n바꿈\\r\\n그리고 \\\\ 역슬래시\t"))
        }

        @Test func fileNamesSuggestFormats() {
            #expect(MemoryFormat(fileName: "a.TMX") == .tmx)
            #expect(MemoryFormat(fileName: "ko.po") == .po)
            #expect(MemoryFormat(fileName: "messages.pot") == .po)
            #expect(MemoryFormat(fileName: "corpus.tsv") == .tsv)
            #expect(MemoryFormat(fileName: "corpus.txt") == .tsv)
            #expect(MemoryFormat(fileName: "corpus.tab") == .tsv)
            #expect(MemoryFormat(fileName: "glossary.tbx") == nil)
        }
    }
}

/// Records every element with its attributes, and all text.
private final class ElementCollector: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []
    var text = ""

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]
    ) {
        elements.append((elementName, attributes))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }
}
