import Foundation
import Testing

@testable import Glossary

extension Formats {
    @Suite struct POReaderTests {
        @Test func everyKindOfEntry() throws {
            let result = try MemoryReadResult.readFixture("sample.po")
            #expect(
                result.pairs == [
                    ["파일 열기", "Open file"],
                    ["파일 %d개를 삭제했습니다", "One file deleted"],
                    ["끝내기", "Quit"],
                    ["여러 줄로 나뉜 긴 메시지.", "A long message split over lines."],
                    ["탭\t여기, \"인용\", 역\\슬래시\n다음", "Tab\there, \"quoted\", back\\slash\nnext"],
                    ["한 글", "Octal A and hex B bytes"],
                    ["오류 다음", "After the error"],
                    ["마지막 항목", "Last entry"],
                ])
            #expect(result.units.map(\.line) == [12, 24, 29, 33, 40, 43, 49, 55])
            #expect(
                result.skips == [
                    SkippedUnit(line: 1, reason: "header", message: "header entry", isError: false),
                    SkippedUnit(line: 16, reason: "fuzzy", message: "fuzzy entry", isError: false),
                    SkippedUnit(line: 21, reason: "untranslated", message: "untranslated entry", isError: false),
                    SkippedUnit(line: 46, reason: "bad_entry", message: "unterminated string", isError: true),
                    SkippedUnit(line: 52, reason: "obsolete", message: "obsolete entry", isError: false),
                ])
        }

        @Test func realCatalogue() throws {
            let result = try MemoryReadResult.readFixture("xdg-user-dirs.ko.po")
            #expect(result.units.count == 28)
            #expect(result.units.first.map { [$0.ko, $0.en] } == ["응용 프로그램", "Applications"])
            #expect(result.skips == [SkippedUnit(line: 1, reason: "header", message: "header entry", isError: false)])
        }

        @Test func bytesAndFileGiveTheSameResult() throws {
            let url = try MemoryReadResult.fixtureURL("sample.po")
            let fromBytes = try MemoryReadResult.read(.po, .bytes(Array(try Data(contentsOf: url)), name: "sample.po"))
            let fromFile = try MemoryReadResult.read(.po, .file(url))
            #expect(fromBytes.units == fromFile.units)
            #expect(fromBytes.skips == fromFile.skips)
        }

        @Test func entriesWithoutBlankLinesBetweenThem() throws {
            let text = "msgid \"a\"\nmsgstr \"가\"\n#, fuzzy\nmsgid \"b\"\nmsgstr \"나\"\nmsgid \"c\"\nmsgstr \"다\"\n"
            let result = try MemoryReadResult.read(.po, text: text)
            #expect(result.pairs == [["가", "a"], ["다", "c"]])
            #expect(result.skips == [SkippedUnit(line: 3, reason: "fuzzy", message: "fuzzy entry", isError: false)])
        }

        @Test func syntaxErrorsSpoilOnlyTheirEntry() throws {
            let text = """
                msgid "a"
                msgstr "가"
                msgfoo "x"

                msgid "b" trailing
                msgstr "나"
                msgid "c"
                msgstr "다"

                "orphan"
                msgid "d"
                msgstr "라\\q"

                msgstr "no msgid"

                msgid "e"

                msgid "f"
                msgstr[0] "바"
                """
            let result = try MemoryReadResult.read(.po, text: text)
            #expect(result.pairs == [["가", "a"], ["다", "c"], ["바", "f"]])
            #expect(
                result.skips == [
                    SkippedUnit(line: 3, reason: "bad_entry", message: "unknown keyword 'msgfoo'", isError: true),
                    SkippedUnit(line: 5, reason: "bad_entry", message: "text after the closing quote", isError: true),
                    SkippedUnit(line: 10, reason: "bad_entry", message: "a string continuation without a keyword", isError: true),
                    SkippedUnit(line: 11, reason: "bad_entry", message: "an unknown or incomplete escape sequence (line 12)", isError: true),
                    SkippedUnit(line: 14, reason: "bad_entry", message: "msgstr without msgid", isError: true),
                    SkippedUnit(line: 16, reason: "bad_entry", message: "msgid without msgstr", isError: true),
                ])
        }

        @Test func escapesThatSpellInvalidUTF8SpoilTheEntry() throws {
            let result = try MemoryReadResult.read(.po, text: "msgid \"a\"\nmsgstr \"\\xff\"\n")
            #expect(result.units.isEmpty)
            #expect(result.skips == [SkippedUnit(line: 1, reason: "bad_entry", message: "the escape sequences spell invalid UTF-8", isError: true)])
        }

        @Test func allCEscapes() throws {
            let text = #"msgid "\a\b\f\v\r\t\n\'\?\"\\\x41\101\0101"\#nmsgstr "가""#
            let result = try MemoryReadResult.read(.po, text: text)
            #expect(result.units.first?.en == "\u{7}\u{8}\u{C}\u{B}\r\t\n'?\"\\AA\u{8}1".trimmed)
        }

        @Test func invalidUTF8IsABadFileWithTheLine() throws {
            var bytes = Array("msgid \"a\"\nmsgstr \"가\"\n\nmsgid \"b\"\nmsgstr \"".utf8)
            bytes += [0xC7, 0xD1, UInt8(ascii: "\""), UInt8(ascii: "\n")]  // EUC-KR, not UTF-8
            #expect(throws: TMError.badFile(name: "euc-kr.po", line: 5, message: "invalid UTF-8 at byte 9 of the line")) {
                try MemoryReadResult.read(.po, .bytes(bytes, name: "euc-kr.po"))
            }
        }
    }
}
