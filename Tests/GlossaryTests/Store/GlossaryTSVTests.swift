import Testing

@testable import Glossary

@Suite struct GlossaryTSVTests {
    @Test func parsesRowsWithCRLFAndBlankLines() throws {
        let text =
            "hangul\tenglish\tkind\tvariants\tnote\tsource\r\n김정은\tKim Jong-un\tperson\tKim Jong Un|Kim Jong-eun\tleader\tKCNA\r\n\r\n평양\tPyongyang\tplace\t\t\t\n"
        let terms = try GlossaryTSV.parse(text, fileName: "t.tsv")
        #expect(terms.map(\.english) == ["Kim Jong-un", "Pyongyang"])
        #expect(terms[0].variants == ["Kim Jong Un", "Kim Jong-eun"])
        #expect(terms[1].variants.isEmpty)
    }

    @Test func roundTrip() throws {
        let terms = [Term(hangul: "최선희", english: "Choe Son-hui", kind: .person, variants: ["Choe Son Hui"], note: "FM", source: "KCNA")]
        #expect(try GlossaryTSV.parse(GlossaryTSV.render(terms), fileName: "t.tsv") == terms)
    }

    @Test(arguments: [
        ("hangul\tenglish\n", 1, "expected the header"),
        ("hangul\tenglish\tkind\tvariants\tnote\tsource\n김정은\tKim Jong-un\tperson\n", 2, "expected 6 tab-separated fields, found 3"),
        ("hangul\tenglish\tkind\tvariants\tnote\tsource\n김정은\tKim Jong-un\tleader\t\t\t\n", 2, "unknown kind 'leader'"),
        ("hangul\tenglish\tkind\tvariants\tnote\tsource\n\tKim Jong-un\tperson\t\t\t\n", 2, "the hangul field is empty"),
    ])
    func badRowsNameTheirLine(text: String, line: Int, message: String) {
        #expect {
            _ = try GlossaryTSV.parse(text, fileName: "bad.tsv")
        } throws: { error in
            guard case .badFile(let name, let errorLine, let errorMessage) = error as? TMError else { return false }
            return name == "bad.tsv" && errorLine == line && errorMessage.hasPrefix(message)
        }
    }
}
