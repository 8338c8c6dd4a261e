import Testing

@testable import Glossary

@Suite struct TermRecognitionTests {
    let glossary = BundledGlossaryFixture.glossary

    private func slice(_ text: String, _ term: RecognizedTerm) -> String {
        String(String.UnicodeScalarView(Array(text.unicodeScalars)[term.start..<term.end]))
    }

    @Test func koreanParagraphWithParticles() throws {
        let text = "김정은 국무위원장이 5월 러시아를 방문할 가능성이 있다고 모스크바가 밝혔다. 루덴코 외무차관은 평양에서 최선희 외무상을 만났으며, 라브로프 장관의 방북도 논의했다."
        let terms = try glossary.recognize(text)
        #expect(terms.map(\.text) == ["김정은", "국무위원장", "러시아", "모스크바", "루덴코", "평양", "최선희", "라브로프"])
        #expect(
            terms.map { $0.matches.first?.english ?? "" } == [
                "Kim Jong-un", "President of the State Affairs", "Russia", "Moscow", "Andrei Rudenko", "Pyongyang", "Choe Son-hui",
                "Sergey Lavrov",
            ])
        for term in terms { #expect(slice(text, term) == term.text) }
    }

    @Test func koreanNameInsideAnotherWordIsNotAName() throws {
        // 평양냉면 is a dish, 러시아어 a language: neither is followed by particles only.
        #expect(try glossary.recognize("평양냉면과 러시아어").isEmpty)
    }

    @Test func englishParagraphAnySpellingOnWordBoundaries() throws {
        let text = """
            North Korean leader Kim Jong Un, right, and Russian President Vladimir Putin met at the Kumsusan State Guest House \
            in Pyongyang. Kim Jong-un's foreign minister, Choe Sun Hui, met Lavrov; TASS and YONHAP reported it.
            """
        let terms = try glossary.recognize(text)
        let found = terms.map(\.text)
        #expect(found.contains("Kim Jong Un"))
        #expect(found.contains("Vladimir Putin"))
        #expect(found.contains("Kumsusan State Guest House"))
        #expect(found.contains("Pyongyang"))
        #expect(found.contains("Kim Jong-un"))
        #expect(found.contains("Choe Sun Hui"))
        #expect(found.contains("Lavrov"))
        #expect(found.contains("TASS"))
        #expect(found.contains("YONHAP"))
        for term in terms { #expect(slice(text, term) == term.text) }
        #expect(!found.contains("Kim"), "a surname alone is not a name")
    }

    @Test func offsetsCountUnicodeScalars() throws {
        let text = "🇰🇵 Kim Jong Un"
        let term = try #require(try glossary.recognize(text).first)
        #expect(term.start == 3)  // two regional indicators and a space
        #expect(term.end == 14)
    }
}
