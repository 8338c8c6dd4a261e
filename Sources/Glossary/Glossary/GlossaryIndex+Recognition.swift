extension GlossaryIndex {
    /// Every glossary term in a Korean or English text (or a mix), longest match first, in text order.
    ///
    /// Hangul: a term starts a word and is followed by the end of the word or by particles only
    /// (김정은이, 평양에서는). Latin: any spelling on word boundaries, compared by match key, so case,
    /// dash and quote styles do not matter — except for spellings that are acronyms or ordinary words, which match
    /// in their exact case only; and never inside a longer name (a capitalized word that is not an ordinary English
    /// word right beside the match, or a piece joined by an apostrophe: "Saeed Hasan", "Xi'an"). Then each sentence's
    /// countries choose between homonyms and set aside Korean bodies in news about elsewhere (`inSentenceContext`).
    func recognize(_ text: String) -> [RecognizedTerm] {
        let scalars = Array(text.unicodeScalars)
        let hangul = recognizeHangul(scalars)
        let latin = recognizeLatin(scalars)
        return inSentenceContext((hangul + latin).sorted { ($0.start, $0.end) < ($1.start, $1.end) }, scalars)
    }

    private func recognizeHangul(_ scalars: [Unicode.Scalar]) -> [RecognizedTerm] {
        guard longestHangulForm > 0 else { return [] }
        var found: [RecognizedTerm] = []
        var index = 0
        // The foreign place just found, and where its word ends: "이스라엘 국방부" is Israel's defense ministry.
        var foreignPlace: (entry: Entry, wordEnd: Int)?
        while index < scalars.count {
            guard Hangul.isSyllable(scalars[index]), Self.startsHangulWord(scalars, at: index) else {
                index += 1
                continue
            }
            if let (end, ids) = longestHangulTerm(in: scalars, at: index) {
                var meant = ids.filter { id in
                    guard let entry = entries[id] else { return false }
                    if entry.needsTitle { return KoreanTitles.follows(scalars, after: end) }
                    if entry.needsCompanyWord { return KoreanCompanyWords.follows(scalars, after: end) }
                    return true
                }
                if let place = foreignPlace, scalars[place.wordEnd..<index].allSatisfy({ $0 == " " || $0 == "\u{00A0}" }) {
                    meant = meant.filter { !isAnotherCountrysBody($0, after: place.entry) }
                }
                if !meant.isEmpty { found.append(recognized(scalars, index..<end, ids: meant)) }
                var wordEnd = end
                while wordEnd < scalars.count, Hangul.isSyllable(scalars[wordEnd]) { wordEnd += 1 }
                let best = meant.first.flatMap { entries[$0] }
                // Only a bare place name modifies the next noun (이스라엘 국방부); with a particle (캄보디아가 유엔
                // 안보리에) the next name is its own.
                foreignPlace = best.flatMap { $0.isForeignPlace && wordEnd == end ? ($0, wordEnd) : nil }
                index = end
            } else {
                index += 1
            }
        }
        return found
    }

    /// An organization right after a foreign place (미국 민주당, 일본 기상청) is that country's body, not the glossary's
    /// entry — unless the entry's own English names the place (the U.S. Department of State after 미국).
    private func isAnotherCountrysBody(_ id: Int64, after place: Entry) -> Bool {
        guard let entry = entries[id], entry.term.kind == .organization else { return false }
        let own = ([entry.term.english] + entry.term.aliases).map { " " + $0.lowercased() + " " }
        let placeNames = ([place.term.english] + place.term.aliases + place.term.variants).map { " " + $0.lowercased() + " " }
        return !own.contains { name in placeNames.contains { name.contains($0) } }
    }

    /// Whether a Hangul word starts at `index`: not inside a word, and not right after a closing quote or bracket,
    /// where Hangul is the particle or suffix of what was quoted (‘옥(獄)’이란 is "the word 옥", not Iran).
    private static func startsHangulWord(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index > 0 else { return true }
        let previous = scalars[index - 1]
        if Hangul.isSyllable(previous) || closingMarks.contains(previous) || previous.properties.isIdeographic { return false }
        // A straight quote closes when something other than white space comes before it.
        if previous == "'" || previous == "\"" { return index < 2 || scalars[index - 2].properties.isWhitespace }
        return true
    }

    private static let closingMarks: Set<Unicode.Scalar> = [
        "\u{2019}", "\u{201D}", ")", "]", "\u{300D}", "\u{300F}", "\u{3009}", "\u{300B}", "\u{FF09}",
    ]

    /// The longest Hangul term at `start` that ends its word or is followed by particles only.
    private func longestHangulTerm(in scalars: [Unicode.Scalar], at start: Int) -> (Int, [Int64])? {
        let limit = min(scalars.count, start + longestHangulForm)
        var end = limit
        while end > start {
            let candidate = String(String.UnicodeScalarView(scalars[start..<end]))
            if let ids = termsByHangul[candidate], Hangul.isSyllable(scalars[end - 1]) {
                var wordEnd = end
                while wordEnd < scalars.count, Hangul.isSyllable(scalars[wordEnd]) { wordEnd += 1 }
                // A Han character right after continues the word (워싱턴州 is Washington State).
                let continued = wordEnd < scalars.count && scalars[wordEnd].properties.isIdeographic
                if !continued, KoreanParticles.isParticleTail(scalars[end..<wordEnd]) { return (end, ids) }
            }
            end -= 1
        }
        return nil
    }

    private func recognizeLatin(_ scalars: [Unicode.Scalar]) -> [RecognizedTerm] {
        guard mostLatinWords > 0 else { return [] }
        let words = LatinWordSpans.spans(in: scalars).filter { span in !span.contains { Hangul.isSyllable(scalars[$0]) } }
        var found: [RecognizedTerm] = []
        var wordIndex = 0
        while wordIndex < words.count {
            guard latinFirstWords.contains(Self.spanKey(scalars[words[wordIndex]])) else {
                wordIndex += 1
                continue
            }
            var matched: (Int, [Int64])?
            var last = min(words.count, wordIndex + mostLatinWords) - 1
            while last >= wordIndex {
                let span = words[wordIndex].lowerBound..<words[last].upperBound
                let key = Self.spanKey(scalars[span])
                if Self.isPlainSpan(scalars[span]), let ids = termsByLatinKey[key] {
                    let text = String(String.UnicodeScalarView(scalars[span]))
                    let named = ids.filter { id in
                        entries[id]?.forms.contains { $0.key == key && (!$0.exactCase || Self.spaced($0.text) == Self.spaced(text)) } ?? false
                    }
                    if !named.isEmpty, !Self.isInsideLongerName(scalars, span, words: words, first: wordIndex, last: last) {
                        matched = (last, named)
                        break
                    }
                }
                last -= 1
            }
            if let (lastWord, ids) = matched {
                found.append(recognized(scalars, words[wordIndex].lowerBound..<words[lastWord].upperBound, ids: ids))
                wordIndex = lastWord + 1
            } else {
                wordIndex += 1
            }
        }
        return found
    }

    /// The match key of a span of words, without building a String of scalars when the span is ASCII (most of an
    /// English draft): the bytes go to `Normalizer.asciiKey`'s rules directly. A test checks it against `key`.
    static func spanKey(_ span: ArraySlice<Unicode.Scalar>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(span.count)
        for scalar in span {
            guard scalar.isASCII else { return Normalizer.key(String(String.UnicodeScalarView(span))) }
            bytes.append(UInt8(scalar.value))
        }
        return Normalizer.asciiKey(bytes)
    }

    private func recognized(_ scalars: [Unicode.Scalar], _ span: Range<Int>, ids: [Int64]) -> RecognizedTerm {
        let text = String(String.UnicodeScalarView(scalars[span]))
        let key = Normalizer.key(text)
        let candidates = ids.compactMap { id -> (RecognizedTerm.Candidate, Int)? in
            guard let entry = entries[id] else { return nil }
            let via = entry.forms.filter { $0.key == key || Self.spaced($0.text) == text }.map(\.via).min { $0.rank < $1.rank } ?? .variant
            return (.init(id: id, hangul: entry.term.hangul, english: entry.term.english, kind: entry.term.kind, via: via), via.rank)
        }
        let ranked = candidates.sorted { ($0.1, $0.0.id) < ($1.1, $1.0.id) }.map(\.0)
        return RecognizedTerm(start: span.lowerBound, end: span.upperBound, text: text, matches: ranked)
    }

    /// A span of several words may be joined by spaces, hyphens, apostrophes and one line break (a name wrapped at
    /// the end of a line), never across a sentence's punctuation or a paragraph break.
    private static func isPlainSpan(_ span: ArraySlice<Unicode.Scalar>) -> Bool {
        var lineBreaks = 0
        for scalar in span {
            if scalar == "\n" {
                lineBreaks += 1
                if lineBreaks > 1 { return false }
            } else if !(LatinWordSpans.isWordScalar(scalar) || scalar == " " || scalar == "\u{00A0}" || scalar == "\r" || joiners.contains(scalar)) {
                return false
            }
        }
        return true
    }

    /// Whether the words `first...last` (the span) sit inside a longer name: a capitalized word that is not an
    /// ordinary English word right before or after them, with only spaces between, or a piece joined by an
    /// apostrophe (a possessive 's excepted), or a dollar sign after (US$). Titles and sentence words ("President",
    /// "In") are ordinary words.
    private static func isInsideLongerName(
        _ scalars: [Unicode.Scalar], _ span: Range<Int>, words: [Range<Int>], first: Int, last: Int
    ) -> Bool {
        // A currency code (US$, HK$) names money, not the country.
        if span.upperBound < scalars.count, scalars[span.upperBound] == "$" { return true }
        if span.upperBound < scalars.count, apostrophes.contains(scalars[span.upperBound]) {
            let piece = scalars[(span.upperBound + 1)...].prefix(while: LatinWordSpans.isWordScalar)
            if !piece.isEmpty, !(piece.count == 1 && (piece.first == "s" || piece.first == "S")) { return true }
        }
        if span.lowerBound >= 2, apostrophes.contains(scalars[span.lowerBound - 1]), LatinWordSpans.isWordScalar(scalars[span.lowerBound - 2]) {
            return true
        }
        func isNameWord(_ word: Range<Int>) -> Bool {
            guard let initial = scalars[word].first, initial.properties.isUppercase else { return false }
            return !EnglishDictionary.contains(String(String.UnicodeScalarView(scalars[word])))
        }
        func onlySpaces(_ gap: Range<Int>) -> Bool {
            !gap.isEmpty && scalars[gap].allSatisfy { $0 == " " || $0 == "\u{00A0}" }
        }
        if first > 0, onlySpaces(words[first - 1].upperBound..<span.lowerBound), isNameWord(words[first - 1]) { return true }
        if last + 1 < words.count, onlySpaces(span.upperBound..<words[last + 1].lowerBound), isNameWord(words[last + 1]) { return true }
        return false
    }

    private static let apostrophes: Set<Unicode.Scalar> = ["'", "\u{2019}", "\u{02BC}"]

    private static let joiners: Set<Unicode.Scalar> = ["-", "'", "\u{2019}", "\u{2018}", "\u{02BC}", "\u{2010}", "\u{2011}", "\u{2013}", "."]
}
