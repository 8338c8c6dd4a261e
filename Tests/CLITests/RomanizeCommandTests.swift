import Foundation
import Testing

@Suite struct RomanizeCommandTests {
    @Test func romanizesArguments() throws {
        let result = try TMProcess.run(["romanize", "종로", "신라", "왕십리"])
        #expect(result.status == 0)
        #expect(result.stdout == "jongno\nsilla\nwangsimni\n")
    }

    /// Ten thousand lines in, ten thousand results out, in order, from one process.
    @Test func readsStandardInputLineByLine() throws {
        let words = ["종로", "신라", "압구정", "해돋이", "같이"]
        let expected = ["jongno", "silla", "apgujeong", "haedoji", "gachi"]
        let input = (0..<10_000).map { words[$0 % words.count] }.joined(separator: "\n") + "\n"
        let result = try TMProcess.run(["romanize"], stdin: input)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 10_000)
        #expect(lines.enumerated().allSatisfy { $0.element == expected[$0.offset % expected.count] })
    }

    @Test func jsonWithVariants() throws {
        let result = try TMProcess.run(["romanize", "--kind", "name", "--style", "dprk", "--system", "dprk", "--variants", "--json", "김여정"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["input"] as? String == "김여정")
        #expect(object["output"] as? String == "Kim Yo Jong")
        #expect(object["system"] as? String == "dprk")
        #expect(object["kind"] as? String == "name")
        let variants = try #require(object["variants"] as? [[String: String]])
        #expect(variants.contains { $0["form"] == "Kim Yeo-jeong" && $0["system"] != nil })
    }

    @Test func unknownSystemFailsWithAMessage() throws {
        let result = try TMProcess.run(["romanize", "--system", "klingon", "가"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("klingon"))
        #expect(result.stdout.isEmpty)
    }

    /// A blank line still gets its one result, so output stays line for line with the input.
    @Test func blankLinesKeepTheirPlace() throws {
        let plain = try TMProcess.run(["romanize"], stdin: "종로\n\n신라\n")
        #expect(plain.stdout == "jongno\n\nsilla\n")
        let json = try TMProcess.run(["romanize", "--json"], stdin: "종로\n\n신라\n")
        let outputs = try json.stdout.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])["output"] as? String
        }
        #expect(outputs == ["jongno", "", "silla"])
    }

    @Test func overlongInputFailsWithAMessage() throws {
        let result = try TMProcess.run(["romanize", "--json"], stdin: String(repeating: "가", count: 10_001) + "\n")
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("tm: text: the text is longer than 10000 characters"))
    }
}
