import Foundation
import Testing

@testable import Glossary

@Suite struct SentenceAlignerTests {
    let aligner = SentenceAligner()

    /// Beads as (Korean indices, English indices), for comparing with expectations.
    private func pairs(_ beads: [AlignmentBead]) -> [[[Int]]] { beads.map { [$0.ko, $0.en] } }

    /// 1–1, 1–2, 2–1 and 1–0 beads, found by numbers, names, Latin words and lengths.
    @Test func oneToOneSplitMergeAndUnmatchedKorean() {
        let korean = """
            러시아의 푸틴 대통령이 3월 27일 블라디보스토크를 방문했다. 그는 현지에서 1,200명의 학생들과 만났다. \
            정부는 올해 예산을 12조3천억 원으로 늘리고, 국방비를 15% 증액하기로 했다. 이 결정은 1992년 이후 처음이다. \
            날씨는 매우 추웠고 바람이 많이 불어서 행사장에 모인 사람들은 모두 두꺼운 외투를 입고 있었다. \
            서울에서는 450명이 시위에 참가했다. 경찰은 그 가운데 30명을 체포했다. CNN은 이번 방문이 중요하다고 보도했다.
            """
        let english = """
            Russian President Vladimir Putin visited Vladivostok on March 27. He met 1,200 students there. \
            The government raised this year's budget to 12.3 trillion won. It also increased defense spending by 15 percent. \
            It is the first such decision since 1992. \
            In Seoul, about 450 people joined a protest, and police arrested 30 of them. CNN reported that the visit was important.
            """
        let alignment = SentenceAligner(terms: [Term(hangul: "푸틴", english: "Vladimir Putin", kind: .person)]).align(korean: korean, english: english)
        #expect(alignment.koSentences.count == 8)
        #expect(alignment.enSentences.count == 7)
        #expect(alignment.koSentences[0] == "러시아의 푸틴 대통령이 3월 27일 블라디보스토크를 방문했다.")
        #expect(
            pairs(alignment.beads) == [
                [[0], [0]], [[1], [1]], [[2], [2, 3]], [[3], [4]], [[4], []], [[5, 6], [5]], [[7], [6]],
            ])
    }

    @Test func unmatchedEnglishSentence() {
        let korean = "정부는 예산을 12조3천억 원으로 늘렸다. 이 결정은 1992년 이후 처음이다. CNN은 이번 결정이 중요하다고 보도했다."
        let english = """
            The government raised the budget to 12.3 trillion won. It is the first such decision since 1992. \
            Opposition lawmakers, who had long demanded deep cuts to public spending, walked out of the chamber in protest. \
            CNN reported that the decision was important.
            """
        #expect(pairs(aligner.align(korean: korean, english: english).beads) == [[[0], [0]], [[1], [1]], [[], [2]], [[2], [3]]])
    }

    @Test func emptySidesGiveOneSidedBeads() {
        let koreanOnly = aligner.align(korean: "첫 문장이다. 둘째 문장이다.", english: "  \n ")
        #expect(pairs(koreanOnly.beads) == [[[0], []], [[1], []]])
        let englishOnly = aligner.align(korean: "", english: "One. Two. Three.")
        #expect(pairs(englishOnly.beads) == [[[], [0]], [[], [1]], [[], [2]]])
        #expect(aligner.align(korean: "", english: "").beads.isEmpty)
        #expect(aligner.align(koSentences: [], enSentences: ["Only English."]).map(\.en) == [[0]])
    }

    @Test func paragraphsAreReadFromBlankLines() {
        let (sentences, paragraphs) = SentenceAligner.sentences(of: "첫 문장. 둘째 문장.\n\n셋째 문장.\n넷째 문장.\n\n\n다섯째.", language: .ko)
        #expect(sentences == ["첫 문장.", "둘째 문장.", "셋째 문장.", "넷째 문장.", "다섯째."])
        #expect(paragraphs == [0, 0, 1, 1, 2])
    }

    /// Lengths alone would pair the long Korean sentence with both English sentences of the first paragraph and
    /// leave the short one for the second; the paragraph break says otherwise.
    @Test func piecesOfOneSentenceAreRecognized() {
        let english = ["He told Australian Broadcasting Corp.", "Radio that he heard a noise.", "It was loud.", "\"", "Next."]
        #expect(SentencePieces.continuations(english, sameLine: [true, true, true, true], language: .en) == [true, false, true, false])
        #expect(SentencePieces.continuations(english, sameLine: [false, true, true, true], language: .en) == [false, false, true, false])
        let korean = ["그는 “전혀 사실이 아니다.”", "”", "고등학교는 문을 닫았다."]
        #expect(SentencePieces.continuations(korean, sameLine: [true, true], language: .ko) == [true, false])
        #expect(SentenceAligner.split("첫 문장. 둘째 문장.\n셋째 문장.", language: .ko).sameLine == [true, false])
    }

    /// The first Korean sentence joins two clauses with "-고," and faces two English sentences; the paragraph
    /// break then holds the rest one to one.
    @Test func beadsKeepToParagraphs() {
        let korean = """
            정부는 새로운 정책을 발표했고, 경제 성장과 일자리 창출을 위해 여러 가지 조치를 취하겠다고 밝혔다.

            야당은 즉각 반발했다. 그들은 정책이 충분하지 않다고 주장했다.
            """
        let english = """
            The government announced a new policy. It said it would take several steps for growth and jobs.

            The opposition objected at once. They argued that the policy did not go far enough.
            """
        let withParagraphs = aligner.align(korean: korean, english: english)
        #expect(pairs(withParagraphs.beads) == [[[0], [0, 1]], [[1], [2]], [[2], [3]]])
        let (_, koParagraphs) = SentenceAligner.sentences(of: korean, language: .ko)
        let (_, enParagraphs) = SentenceAligner.sentences(of: english, language: .en)
        for bead in withParagraphs.beads {
            let paragraphs = Set(bead.ko.map { koParagraphs[$0] } + bead.en.map { enParagraphs[$0] })
            #expect(paragraphs.count == 1, "bead \(bead.ko)–\(bead.en) crosses a paragraph break")
        }
    }

    /// Issue #16: a sentence with no counterpart showed 79–98 % confidence and was never flagged for review.
    @Test func aSentenceWithNoCounterpartIsAlwaysFlagged() throws {
        let korean = "그는 1,200명의 학생들과 만났다. 날씨가 추웠다. CNN은 보도했다."
        let english = "He met 1,200 students. CNN reported it."
        let alignment = try DocumentAligner(glossary: nil, memory: nil).align(korean: korean, english: english, minConfidence: 0)
        let oneSided = alignment.beads.filter { $0.ko.isEmpty || $0.en.isEmpty }
        #expect(!oneSided.isEmpty)
        #expect(oneSided.allSatisfy { $0.flagged })
        #expect(alignment.beads.filter { !$0.ko.isEmpty && !$0.en.isEmpty }.allSatisfy { !$0.flagged })
    }

    @Test func confidenceIsAProbabilityAndFlagsFollowTheThreshold() {
        let korean = "그는 1,200명의 학생들과 만났다. 날씨가 추웠다. CNN은 보도했다."
        let english = "He met 1,200 students. CNN reported it."
        let strict = SentenceAligner(minConfidence: 1.01).align(korean: korean, english: english)
        let lenient = SentenceAligner(minConfidence: 0).align(korean: korean, english: english)
        #expect(strict.beads.allSatisfy { $0.flagged && (0...1).contains($0.confidence) })
        #expect(lenient.beads.allSatisfy { !$0.flagged })
        #expect(strict.beads.map(\.confidence) == lenient.beads.map(\.confidence))
        #expect(strict.beads.first?.confidence ?? 0 > 0.5)
    }

    @Test func everySentenceIsInExactlyOneBeadInOrder() {
        let korean = (1...40).map { "문장 번호 \($0)번은 여기에 있다." }.joined(separator: " ")
        let english = (1...37).map { "Sentence number \($0) is here." }.joined(separator: " ")
        let alignment = aligner.align(korean: korean, english: english)
        #expect(alignment.beads.flatMap(\.ko) == Array(0..<alignment.koSentences.count))
        #expect(alignment.beads.flatMap(\.en) == Array(0..<alignment.enSentences.count))
        #expect(alignment.beads.allSatisfy { !$0.ko.isEmpty || !$0.en.isEmpty })
    }

    /// Forty unmatched English sentences at the start put the path far from the diagonal: the search widens its
    /// band until the path fits.
    @Test func bandWidensForPathsFarFromTheDiagonal() {
        let korean = (1...150).map { "문장 번호 \($0)번은 여기에 있다." }
        let english = Array(repeating: "This line has no counterpart at all.", count: 40) + (1...150).map { "Sentence number \($0) is here." }
        let beads = aligner.align(koSentences: korean, enSentences: english)
        #expect(beads.flatMap(\.en) == Array(english.indices))
        #expect(beads.first { $0.ko == [99] }?.en == [139])
        #expect(beads.first { $0.ko == [149] }?.en == [189])
    }

    @Test func jsonUsesSnakeCaseKeys() throws {
        let alignment = Alignment(
            koSentences: ["가."], enSentences: ["A."], beads: [AlignmentBead(ko: [0], en: [0], confidence: 0.75, flagged: false)])
        let json = String(decoding: try JSONEncoder().encode(alignment), as: UTF8.self)
        #expect(json.contains("\"ko_sentences\":[\"가.\"]"))
        #expect(json.contains("\"en_sentences\":[\"A.\"]"))
        #expect(json.contains("\"confidence\":0.75"))
        #expect(json.contains("\"flagged\":false"))
        let decoded = try JSONDecoder().decode(Alignment.self, from: Data(json.utf8))
        #expect(decoded.beads == alignment.beads)
    }
}
