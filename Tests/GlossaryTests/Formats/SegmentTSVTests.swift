import Foundation
import Testing

@testable import Glossary

extension Formats {
    @Suite struct SegmentTSVTests {
        @Test func withoutHeader() throws {
            let result = try MemoryReadResult.readFixture("ko-en.tsv")
            #expect(
                result.pairs == [
                    ["안녕하세요.", "Hello."],
                    ["줄\n바꿈과\t탭", "Line\nbreak and\ttab"],
                    ["역슬래시 \\ 하나", "One backslash \\ here"],
                    ["앞뒤 공백", "Spaces around"],
                ])
            #expect(result.units.map(\.line) == [1, 2, 3, 7])
            #expect(
                result.skips == [
                    SkippedUnit(line: 4, reason: "empty_english", message: "the English field is empty", isError: true),
                    SkippedUnit(line: 5, reason: "bad_row", message: "expected 2 tab-separated fields, found 1", isError: true),
                    SkippedUnit(line: 6, reason: "empty_korean", message: "the Korean field is empty", isError: true),
                ])
        }

        @Test func headerInEnglishKoreanOrderWithAnExtraColumnAndCRLF() throws {
            let result = try MemoryReadResult.readFixture("en-ko-header.tsv")
            #expect(result.pairs == [["해가 뜬다.", "The sun rises."], ["비가 온다.", "It rains."]])
            #expect(result.units.map(\.line) == [2, 3])
            #expect(result.skips.isEmpty)
        }

        @Test(arguments: ["ko\ten", "Korean\tEnglish", "ko-KR\ten-US", "en_GB\tko_KR", "KO\tEN\tsource"])
        func headerNames(header: String) throws {
            let koreanFirst = header.lowercased().hasPrefix("k")
            let row = koreanFirst ? "가\ta" : "a\t가"
            let result = try MemoryReadResult.read(.tsv, text: header + "\n" + row + "\n")
            #expect(result.pairs == [["가", "a"]])
        }

        @Test func aHeaderNamingOneLanguageIsRefused() throws {
            #expect(throws: TMError.badFile(name: "body", line: 1, message: "the header must name a Korean and an English column")) {
                try MemoryReadResult.read(.tsv, text: "ko\tko\n가\ta\n")
            }
        }

        @Test func blankLinesAndByteOrderMarkAreIgnored() throws {
            let result = try MemoryReadResult.read(.tsv, text: "\u{FEFF}ko\ten\n\n가\ta\n   \n")
            #expect(result.pairs == [["가", "a"]])
            #expect(result.skips.isEmpty)
        }

        @Test func combiningMarkAfterATabStillSplits() throws {
            let result = try MemoryReadResult.read(.tsv, text: "e\u{301}\u{301}\t\u{301}x\n")
            #expect(result.pairs == [["e\u{301}\u{301}", "\u{301}x"]])
        }

        @Test func unknownEscapesStayAsWritten() {
            #expect(SegmentTSV.unescape("a\\qb\\") == "a\\qb\\")
            #expect(SegmentTSV.unescape("\\\\n") == "\\n")
        }

        /// The byte-level unescape keeps a backslash before a multi-byte character, and every escape beside Hangul.
        @Test func escapesBesideHangulAndABackslashBeforeHangul() {
            #expect(SegmentTSV.unescape("가\\나\\t다\\n\\r\\\\") == "가\\나\t다\n\r\\")
            #expect(SegmentTSV.unescape(Substring(SegmentTSV.escape("줄\t바꿈\n\\끝"))) == "줄\t바꿈\n\\끝")
        }

        /// Fields are trimmed of Unicode white space (ideographic space, NBSP, em space), not only ASCII.
        @Test func unicodeWhiteSpaceIsTrimmed() throws {
            let result = try MemoryReadResult.read(.tsv, text: "ko\ten\n\u{3000}김정은  위원장\u{00A0}\t \u{2003}Kim Jong-un\u{3000}\n")
            #expect(result.pairs == [["김정은  위원장", "Kim Jong-un"]])
        }

        /// A pair's runs of spaces become one, beside Hangul too; other white space inside stays.
        @Test func spaceRunsCollapseInAPair() throws {
            let pair = try KeyedPair(ko: "김정은   위원장은\t 말했다", en: "Kim  Jong-un \u{3000} said")
            #expect(pair.ko == "김정은 위원장은\t 말했다")
            #expect(pair.en == "Kim Jong-un \u{3000} said")
        }

        @Test func invalidUTF8IsABadFile() throws {
            let bytes = Array("ko\ten\n".utf8) + [0xFF, 0x09, 0x61, 0x0A]
            #expect(throws: TMError.badFile(name: "x.tsv", line: 2, message: "invalid UTF-8 at byte 1 of the line")) {
                try MemoryReadResult.read(.tsv, .bytes(bytes, name: "x.tsv"))
            }
        }

        /// Lines that straddle the reader's chunks are put back together.
        @Test func linesAcrossChunkBoundaries() throws {
            let long = String(repeating: "가나다라", count: MemoryFileReader.chunkSize / 5)
            var text = "ko\ten\n"
            for index in 0..<5 { text += "\(long)\(index)\tline \(index)\n" }
            let file = try TemporaryFile(name: "long.tsv", contents: Data(text.utf8))
            let result = try MemoryReadResult.read(.tsv, .file(file.url))
            #expect(result.units.count == 5)
            #expect(result.units.allSatisfy { $0.ko.hasPrefix(long) })
            #expect(result.units.map(\.en) == (0..<5).map { "line \($0)" })
        }
    }
}
