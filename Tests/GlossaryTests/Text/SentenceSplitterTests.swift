import Testing

@testable import Glossary

@Suite struct SentenceSplitterTests {
    private let english = SentenceSplitter(language: .en)
    private let korean = SentenceSplitter(language: .ko)

    /// The sentences plus the white space between them give back the input.
    private func reassembles(_ text: String, _ sentences: [SentenceSplitter.Sentence]) -> Bool {
        var cursor = text.startIndex
        for sentence in sentences {
            guard text[cursor..<sentence.range.lowerBound].allSatisfy(\.isWhitespace) else { return false }
            guard text[sentence.range] == sentence.text else { return false }
            cursor = sentence.range.upperBound
        }
        return text[cursor...].allSatisfy(\.isWhitespace)
    }

    @Test func englishKeepsAbbreviationsTogether() {
        let text = "Mr. Kim met U.S. Sen. Smith on Monday. They discussed Russia. Did it help? Nobody knows!"
        let sentences = english.sentences(in: text)
        #expect(
            sentences.map(\.text) == [
                "Mr. Kim met U.S. Sen. Smith on Monday.", "They discussed Russia.", "Did it help?", "Nobody knows!",
            ])
        #expect(reassembles(text, sentences))
    }

    @Test func koreanSentences() {
        let text = "김정은 국무위원장이 5월 러시아를 방문할 가능성이 있다. 러시아 외무차관은 27일 이같이 밝혔다.\n\n“방문 일정을 협의 중”이라고 말했다."
        let sentences = korean.sentences(in: text)
        #expect(
            sentences.map(\.text) == [
                "김정은 국무위원장이 5월 러시아를 방문할 가능성이 있다.", "러시아 외무차관은 27일 이같이 밝혔다.", "“방문 일정을 협의 중”이라고 말했다.",
            ])
        #expect(reassembles(text, sentences))
    }

    /// News Korean often sets a quotative ending off with a space after the closing quotation mark; ICU ends a
    /// sentence there, but the quotation belongs to the sentence that reports it. (From align-dev 025 and 045.)
    @Test func koreanQuotativeEndingStaysWithItsQuotation() {
        let text = "그는 “전혀 사실이 아니다.” 고 강하게 부인했다. 고등학교는 문을 닫았다. “집에 가고 싶다.” 라고 그녀는 말했다."
        let sentences = korean.sentences(in: text)
        #expect(
            sentences.map(\.text) == [
                "그는 “전혀 사실이 아니다.” 고 강하게 부인했다.", "고등학교는 문을 닫았다.", "“집에 가고 싶다.” 라고 그녀는 말했다.",
            ])
        #expect(reassembles(text, sentences))
    }

    @Test func mixedScriptSentence() {
        let text = "CNN은 U.S. 관리를 인용해 보도했다. North Korea’s leader Kim Jong-un met Putin."
        let sentences = korean.sentences(in: text)
        #expect(sentences.count == 2)
        #expect(sentences.first?.text == "CNN은 U.S. 관리를 인용해 보도했다.")
        #expect(reassembles(text, sentences))
    }

    @Test func lineBreaksEndHeadlines() {
        let text = "Russia Confirms 2025 Visit Plans\nOn March 27, Rudenko spoke."
        #expect(english.sentences(in: text).map(\.text) == ["Russia Confirms 2025 Visit Plans", "On March 27, Rudenko spoke."])
        // An initialism at the end of a line still ends it (align-dev 040 breaks a line after "U.S.").
        let broken = "Watchers predicted a furor like the one that followed U.S.\n\nSecretary of State Rice spoke."
        #expect(
            english.sentences(in: broken).map(\.text) == [
                "Watchers predicted a furor like the one that followed U.S.", "Secretary of State Rice spoke.",
            ])
    }

    @Test(arguments: ["", "   ", "\n\n\t "])
    func emptyAndWhitespaceOnlyGiveNoSentences(text: String) {
        #expect(english.sentences(in: text).isEmpty)
        #expect(korean.sentences(in: text).isEmpty)
    }

    @Test func rangesPointIntoTheInput() {
        let text = "  첫 문장이다.   둘째 문장이다.  "
        let sentences = korean.sentences(in: text)
        #expect(sentences.map { String(text[$0.range]) } == ["첫 문장이다.", "둘째 문장이다."])
        #expect(reassembles(text, sentences))
    }

    @Test func veryLongInputLosesNothing() {
        let paragraph = "Kim Jong-un may visit Russia in May. The date is not final! “We are negotiating,” Rudenko said.\n\n"
        let text = String(repeating: paragraph, count: 3_000)
        let sentences = english.sentences(in: text)
        #expect(sentences.count == 9_000)
        #expect(reassembles(text, sentences))
    }
}
