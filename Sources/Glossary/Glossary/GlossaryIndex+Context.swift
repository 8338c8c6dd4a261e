extension GlossaryIndex {
    /// The countries one sentence names through the people and places recognized in it.
    struct SentenceCountries {
        /// Their ISO codes, where the entries say.
        var codes: Set<String> = []
        var namesKorea = false
        var namesElsewhere = false

        /// A sentence about elsewhere only: 이스라엘 국방부는…, 오바마 민주당 후보는….
        var isAboutElsewhere: Bool { namesElsewhere && !namesKorea }
    }

    /// The recognized terms with each sentence's countries applied (see `recognize`):
    /// - a Korean body or term whose Hangul names no place (국방부, 기상청, 민주당, 성분) is not meant in a sentence
    ///   whose people and places are all from elsewhere;
    /// - of homonyms, those whose country the sentence names win (민주당 of the US beside 오바마, 강원도 of the North
    ///   beside 북한); those on the sentence's side of the border come next; the rest are dropped once one wins. When
    ///   the sentence does not decide, every candidate stays (the check then reports the span as ambiguous).
    func inSentenceContext(_ terms: [RecognizedTerm], _ scalars: [Unicode.Scalar]) -> [RecognizedTerm] {
        guard !terms.isEmpty else { return terms }
        let ends = Self.sentenceEnds(scalars)
        var result: [RecognizedTerm] = []
        result.reserveCapacity(terms.count)
        var first = 0
        var sentence = 0
        while first < terms.count {
            while sentence < ends.count, ends[sentence] <= terms[first].start { sentence += 1 }
            let limit = sentence < ends.count ? ends[sentence] : Int.max
            var last = first
            while last + 1 < terms.count, terms[last + 1].start < limit { last += 1 }
            let group = terms[first...last]
            let countries = self.countries(of: group)
            for term in group {
                if let kept = applying(countries, to: term) { result.append(kept) }
            }
            first = last + 1
        }
        return result
    }

    private func countries(of terms: ArraySlice<RecognizedTerm>) -> SentenceCountries {
        var countries = SentenceCountries()
        for term in terms {
            // A homonym of two countries says nothing until the sentence has chosen between them.
            let candidates = term.matches.compactMap { entries[$0.id] }
            guard let entry = candidates.first, entry.term.kind == .person || entry.term.kind == .place, let korean = entry.isKorean,
                candidates.allSatisfy({ $0.term.country == entry.term.country && $0.isKorean == korean })
            else { continue }
            if !entry.term.country.isEmpty { countries.codes.insert(entry.term.country) }
            if korean { countries.namesKorea = true } else { countries.namesElsewhere = true }
        }
        return countries
    }

    private func applying(_ countries: SentenceCountries, to term: RecognizedTerm) -> RecognizedTerm? {
        var matches = term.matches
        if countries.isAboutElsewhere {
            matches.removeAll { candidate in
                guard let entry = entries[candidate.id] else { return false }
                return (entry.term.kind == .organization || entry.term.kind == .term) && entry.isKorean == true && !namesAPlace(entry.term.hangul)
            }
        }
        guard !matches.isEmpty else { return nil }
        if matches.count > 1 {
            // 0: its country is named; 1: on the sentence's side; 2: neither.
            func rank(_ candidate: RecognizedTerm.Candidate) -> Int {
                guard let entry = entries[candidate.id] else { return 2 }
                if !entry.term.country.isEmpty, countries.codes.contains(entry.term.country) { return 0 }
                switch entry.isKorean {
                case true?: return countries.namesKorea ? 1 : 2
                case false?: return countries.namesElsewhere ? 1 : 2
                case nil: return 2
                }
            }
            let ranked = matches.enumerated().map { (rank($0.element), $0.offset, $0.element) }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
            if let best = ranked.first?.0, ranked.contains(where: { $0.0 != best }) {
                matches = ranked.filter { $0.0 == best }.map(\.2)
            }
        }
        return RecognizedTerm(start: term.start, end: term.end, text: term.text, matches: matches)
    }

    /// Whether a Hangul name contains a place's name (한국은행, 서울대): then it is no generic body of any country.
    private func namesAPlace(_ hangul: String) -> Bool {
        let scalars = Array(hangul.unicodeScalars)
        guard scalars.count >= 2 else { return false }
        for start in 0..<(scalars.count - 1) {
            for end in (start + 2)...scalars.count {
                let piece = String(String.UnicodeScalarView(scalars[start..<end]))
                if termsByHangul[piece]?.contains(where: { entries[$0]?.term.kind == .place }) == true { return true }
            }
        }
        return false
    }

    /// Where sentences end, in scalar offsets: after . ? ! (and their full-width forms) before white space or the
    /// end — not after an initial (W. Bush, U.S.) or inside a number (3.5) — and at a blank line.
    static func sentenceEnds(_ scalars: [Unicode.Scalar]) -> [Int] {
        var ends: [Int] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            if scalar == "\n", next == "\n" || next == "\r" {
                ends.append(index + 1)
            } else if sentenceMarks.contains(scalar), next.map({ $0.properties.isWhitespace || closingMarks.contains($0) }) ?? true {
                let isInitial =
                    scalar == "." && index >= 1 && scalars[index - 1].properties.isUppercase
                    && (index < 2 || !LatinWordSpans.isWordScalar(scalars[index - 2]))
                if !isInitial { ends.append(index + 1) }
            }
            index += 1
        }
        return ends
    }

    private static let sentenceMarks: Set<Unicode.Scalar> = [".", "?", "!", "\u{3002}", "\u{FF1F}", "\u{FF01}"]
    private static let closingMarks: Set<Unicode.Scalar> = ["\"", "'", "\u{201D}", "\u{2019}", ")", "\u{300D}", "\u{300F}"]
}
