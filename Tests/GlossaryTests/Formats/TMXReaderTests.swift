import Foundation
import Testing

@testable import Glossary

extension Formats {
    @Suite struct TMXReaderTests {
        @Test func englishSourceWithRegionalCodesAndInlineCodes() throws {
            let result = try MemoryReadResult.readFixture("srclang-en.tmx")
            #expect(
                result.pairs == [
                    ["회의는 오전 9시에 시작합니다.", "The meeting starts at 9 a.m."],
                    // bpt/ept/ph hold the HTML of the original: dropped.
                    ["저장을 지금 누르십시오.", "Press Save now."],
                    // hi is text: kept; it is a code: dropped; the ends are trimmed, inner spaces kept.
                    ["자세한 내용은 설명서를 참조하십시오.", "See the manual for details."],
                    // Several tuv of one language: the first.
                    ["첫 번째 영어.", "First English."],
                    ["A & B <회사>", "A & B <Company>"],
                ])
            #expect(result.units.map(\.line) == [10, 14, 19, 27, 33])
            #expect(result.skips == [SkippedUnit(line: 23, reason: "missing_language", message: "tu without both ko and en", isError: false)])
        }

        @Test func koreanSourceKeepsInnerLineBreaks() throws {
            let result = try MemoryReadResult.readFixture("srclang-ko.tmx")
            #expect(
                result.pairs == [
                    ["안녕하세요.", "Hello."],
                    ["번역 메모리는\n여러 줄일 수 있습니다.", "A translation memory\ncan span lines."],
                ])
            #expect(result.skips.map(\.reason) == ["missing_language"])
            #expect(result.skips.allSatisfy { !$0.isError })
        }

        @Test func tmx11LangAttribute() throws {
            let result = try MemoryReadResult.readFixture("tmx11-lang.tmx")
            #expect(result.pairs == [["감사합니다.", "Thank you."]])
        }

        @Test(arguments: ["ko", "KO", "ko-KR", "ko_KR", "ko-Kore-KR", "kor"])
        func koreanLanguageCodes(code: String) throws {
            let result = try MemoryReadResult.read(
                .tmx, text: tmx(#"<tu><tuv xml:lang="\#(code)"><seg>가</seg></tuv><tuv xml:lang="en-US"><seg>a</seg></tuv></tu>"#))
            #expect(result.pairs == [["가", "a"]])
        }

        @Test func otherLanguagesAreNotTakenForKoreanOrEnglish() throws {
            let body = #"<tu><tuv xml:lang="kok"><seg>x</seg></tuv><tuv xml:lang="eno"><seg>y</seg></tuv></tu>"#
            let result = try MemoryReadResult.read(.tmx, text: tmx(body))
            #expect(result.units.isEmpty)
            #expect(result.skips.count == 1)
        }

        @Test func malformedXMLIsABadFileWithTheLine() throws {
            let url = try MemoryReadResult.fixtureURL("malformed.tmx")
            let error = try #require(throws: TMError.self) { try MemoryFormat.tmx.read(.file(url), unit: { _ in }, skip: { _ in }) }
            guard case .badFile(let name, let line, let message) = error else {
                Issue.record("expected badFile, got \(error)")
                return
            }
            #expect(name == "malformed.tmx")
            #expect(line == 11)
            #expect(message.contains("not well-formed"))
        }

        @Test func unclosedDocumentIsABadFile() throws {
            #expect(throws: TMError.self) { try MemoryReadResult.read(.tmx, text: "<tmx version=\"1.4\"><body><tu>") }
        }

        @Test func otherRootIsABadFile() throws {
            #expect(throws: TMError.badFile(name: "body", line: nil, message: "not a TMX document (no tmx root)")) {
                try MemoryReadResult.read(.tmx, text: "<?xml version=\"1.0\"?><martif/>")
            }
        }

        @Test(arguments: ["billion-laughs.tmx", "external-entity.tmx"])
        func entityDeclarationsAreRefused(fixture: String) throws {
            let url = try MemoryReadResult.fixtureURL(fixture)
            for source in [MemorySource.file(url), .bytes(Array(try Data(contentsOf: url)), name: fixture)] {
                var units = 0
                let error = try #require(throws: TMError.self) { try MemoryFormat.tmx.read(source, unit: { _ in units += 1 }, skip: { _ in }) }
                #expect(error.description.contains("entities"))
                #expect(units == 0)
            }
        }

        @Test func entityDeclarationInAnyLetterCaseIsRefused() throws {
            let text = "<?xml version=\"1.0\"?><!DOCTYPE tmx [ <!eNtItY x \"y\"> ]>" + tmx("")
            #expect(throws: TMError.self) { try MemoryReadResult.read(.tmx, text: text) }
        }

        /// A `<tmx` inside a DOCTYPE's system literal does not end the scan: the DOCTYPE is followed to its end.
        @Test func entityHiddenBehindAFakeRootIsRefused() throws {
            let text =
                #"<?xml version="1.0"?><!DOCTYPE tmx SYSTEM "<tmx x" [ <!ENTITY x "y"> ]>"#
                + tmx(#"<tu><tuv xml:lang="ko"><seg>&x;</seg></tuv><tuv xml:lang="en"><seg>&x;</seg></tuv></tu>"#)
            var units = 0
            let error = try #require(throws: TMError.self) {
                try MemoryFormat.tmx.read(.bytes(Array(text.utf8), name: "b"), unit: { _ in units += 1 }, skip: { _ in })
            }
            #expect(error == .badFile(name: "b", line: 1, message: TMXReader.entityRefusal))
            #expect(units == 0)
        }

        @Test func aTmxInsideACommentDoesNotEndTheScan() throws {
            let text = "<?xml version=\"1.0\"?><!-- <tmx> --><!DOCTYPE tmx [ <!ENTITY x \"y\"> ]>" + tmx("")
            let error = try #require(throws: TMError.self) { try MemoryReadResult.read(.tmx, text: text) }
            #expect(error == .badFile(name: "body", line: 1, message: TMXReader.entityRefusal))
        }

        @Test func aDoctypeWithoutEntitiesIsRead() throws {
            let text =
                "<?xml version=\"1.0\"?><!DOCTYPE tmx SYSTEM \"tmx14.dtd\">"
                + tmx(#"<tu><tuv xml:lang="ko"><seg>가</seg></tuv><tuv xml:lang="en"><seg>a</seg></tuv></tu>"#)
            #expect(try MemoryReadResult.read(.tmx, text: text).pairs == [["가", "a"]])
        }

        /// An apostrophe in a comment inside the subset must not hide a later declaration from the scan.
        @Test func quotesInSubsetCommentsDoNotConfuseTheScan() throws {
            let text = "<?xml version=\"1.0\"?><!DOCTYPE tmx [ <!-- don't --> <!ENTITY x \"y\"> ]>" + tmx("")
            #expect(throws: TMError.badFile(name: "body", line: 1, message: TMXReader.entityRefusal)) {
                try MemoryReadResult.read(.tmx, text: text)
            }
        }

        /// A prolog longer than the scanned prefix cannot be checked, so such a file is refused.
        @Test func rootBeyondTheScannedPrefixIsRefused() throws {
            let padding = "<!-- " + String(repeating: "x", count: TMXReader.prologLimit) + " -->\n"
            let file = try TemporaryFile(name: "padded.tmx", contents: Data(("<?xml version=\"1.0\"?>" + padding + tmx("")).utf8))
            let error = try #require(throws: TMError.self) { try MemoryFormat.tmx.read(.file(file.url), unit: { _ in }, skip: { _ in }) }
            #expect(error.description.contains("no root element within the first 1 MiB"))
        }

        @Test func callbackErrorsPropagateAndStopTheParse() throws {
            struct Stop: Error {}
            var seen = 0
            #expect(throws: Stop.self) {
                try MemoryFormat.tmx.read(
                    .file(try MemoryReadResult.fixtureURL("srclang-en.tmx")),
                    unit: { _ in
                        seen += 1
                        if seen == 2 { throw Stop() }
                    }, skip: { _ in })
            }
            #expect(seen == 2)
        }

        /// 20,000 units through a temporary file: the streaming (InputStream) path, not bytes in memory.
        @Test func largeFileIsStreamed() throws {
            let count = 20_000
            var text = TMXWriter.prologue
            for index in 0..<count {
                text += "<tu tuid=\"\(index)\"><tuv xml:lang=\"en-US\"><seg>Sentence \(index) &amp; more.</seg></tuv>"
                text += "<tuv xml:lang=\"ko-KR\"><seg>문장 \(index)</seg></tuv></tu>\n"
                if index % 1000 == 0 { text += "<tu><tuv xml:lang=\"ko\"><seg>짝 없음</seg></tuv></tu>\n" }
            }
            text += TMXWriter.epilogue
            let file = try TemporaryFile(name: "large.tmx", contents: Data(text.utf8))
            var units = 0
            var last: ImportedUnit?
            var skips = 0
            try MemoryFormat.tmx.read(
                .file(file.url),
                unit: {
                    units += 1
                    last = $0
                }, skip: { _ in skips += 1 })
            #expect(units == count)
            #expect(skips == count / 1000)
            #expect(last?.ko == "문장 \(count - 1)")
            #expect(last?.en == "Sentence \(count - 1) & more.")
        }

        @Test func missingFileIsABadFile() throws {
            let url = URL(fileURLWithPath: "/nonexistent/tm-formats/missing.tmx")
            let error = try #require(throws: TMError.self) { try MemoryFormat.tmx.read(.file(url), unit: { _ in }, skip: { _ in }) }
            #expect(error.code == "bad_file")
        }

        private func tmx(_ body: String) -> String {
            #"<tmx version="1.4"><header srclang="ko" adminlang="en" datatype="plaintext" segtype="sentence" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>"#
                + body + "</body></tmx>"
        }
    }
}
