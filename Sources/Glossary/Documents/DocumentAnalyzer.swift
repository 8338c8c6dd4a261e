/// Article-level work over the memory and the glossary: analysis (`analyze`), pre-translation (`DocumentAnalyzer+Draft`)
/// and bilingual QA (`BilingualQA`). The CLI and the server call these; they hold no logic of their own.
public struct DocumentAnalyzer: Sendable {
    let memory: TranslationMemory
    let glossary: TermGlossary?

    /// The longest article analyzed in one call, in characters.
    public static let maximumLength = 200_000

    public init(memory: TranslationMemory, glossary: TermGlossary?) {
        self.memory = memory
        self.glossary = glossary
    }

    /// Splits `text` into sentences (in its dominant language) and analyzes each: up to `matchLimit` memory matches
    /// scoring at least `minScore` (default 50, the lowest band), terms, name guesses and numbers.
    public func analyze(_ text: String, minScore: Int = 50, matchLimit: Int = 3) throws(TMError) -> DocumentAnalysis {
        try TextField.check(text, field: "text")
        guard !text.trimmed.isEmpty else { throw .invalidInput(field: "text", message: "the article is empty") }
        guard text.unicodeScalars.count <= Self.maximumLength else {
            throw .invalidInput(field: "text", message: "the article is longer than \(Self.maximumLength) characters")
        }
        let language = Language.of(text)
        var sentences: [SentenceAnalysis] = []
        for (index, sentence) in SentenceSplitter(language: language).sentences(in: text).enumerated() {
            sentences.append(try analyze(sentence: sentence.text, index: index, language: language, minScore: minScore, matchLimit: matchLimit))
        }
        var counts: [MatchBand: (sentences: Int, words: Int, characters: Int)] = [:]
        for sentence in sentences {
            var count = counts[sentence.band, default: (0, 0, 0)]
            count.sentences += 1
            count.words += sentence.words
            count.characters += sentence.characters
            counts[sentence.band] = count
        }
        let bands = MatchBand.allCases.map { band in
            let count = counts[band, default: (0, 0, 0)]
            return BandCount(band: band.rawValue, sentences: count.sentences, words: count.words, characters: count.characters)
        }
        let total = BandCount(
            band: "total", sentences: sentences.count, words: sentences.reduce(0) { $0 + $1.words },
            characters: sentences.reduce(0) { $0 + $1.characters })
        return DocumentAnalysis(language: language, sentences: sentences, bands: bands, total: total)
    }

    func analyze(sentence: String, index: Int, language: Language, minScore: Int, matchLimit: Int) throws(TMError) -> SentenceAnalysis {
        let found = try matches(of: sentence, from: language, minScore: minScore, limit: matchLimit)
        let matches = found.map { match in
            let source = language == .ko ? match.ko : match.en
            return AnalyzedMatch(
                id: match.id, score: match.score, source: source, target: language == .ko ? match.en : match.ko, origin: match.origin,
                diff: WordDiff(from: source, to: sentence))
        }
        return SentenceAnalysis(
            index: index, text: sentence, band: MatchBand(score: matches.first?.score), matches: matches, terms: try terms(in: sentence),
            numbers: language == .ko ? KoreanNumberExpression.find(in: sentence) : [],
            words: sentence.split(whereSeparator: \.isWhitespace).count,
            characters: sentence.unicodeScalars.filter { !$0.properties.isWhitespace }.count)
    }

    /// A sentence's memory matches; a "sentence" too long to match (a text without sentence marks) has none, rather
    /// than failing the whole article.
    func matches(of sentence: String, from language: Language, minScore: Int, limit: Int) throws(TMError) -> [MemoryMatch] {
        guard sentence.unicodeScalars.count <= Self.longestMatchedSentence else { return [] }
        do {
            return try memory.search(sentence, from: language, minScore: minScore, limit: limit).matches
        } catch .tooBroad {
            return []
        }
    }

    /// Sentences longer than this (in characters) are not matched against the memory.
    static let longestMatchedSentence = 2_000

    /// The glossary's terms in a sentence, then guesses for the names it lacks: a Hangul word of two to four syllables
    /// before a title (김철수 의원은, 루덴코 차관은) that no term covers.
    func terms(in sentence: String) throws(TMError) -> [AnalyzedTerm] {
        var terms: [AnalyzedTerm] = []
        for term in try glossary?.recognize(sentence) ?? [] {
            guard let best = term.matches.first else { continue }
            let entry = try glossary?.term(id: best.id)
            terms.append(
                AnalyzedTerm(
                    start: term.start, end: term.end, text: term.text, hangul: best.hangul, english: best.english, kind: best.kind,
                    generated: false, note: entry?.note ?? ""))
        }
        let scalars = Array(sentence.unicodeScalars)
        var index = 0
        while index < scalars.count {
            guard Hangul.isSyllable(scalars[index]), index == 0 || !Hangul.isSyllable(scalars[index - 1]) else {
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, Hangul.isSyllable(scalars[end]) { end += 1 }
            let word = Array(scalars[index..<end])
            let covered = terms.contains { $0.start < end && index < $0.end }
            if !covered, (2...4).contains(word.count), end < scalars.count, scalars[end] == " ", KoreanTitles.follows(scalars, after: end),
                KoreanName.looksLikeKoreanName(String(String.UnicodeScalarView(word))) || KoreanName.looksForeign(word),
                let guess = GlossaryIndex.generatedEntry(for: String(String.UnicodeScalarView(word)))
            {
                terms.append(
                    AnalyzedTerm(
                        start: index, end: end, text: guess.hangul, hangul: guess.hangul, english: guess.english, kind: guess.kind,
                        generated: true, note: guess.note))
            }
            index = end
        }
        return terms.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }
}
