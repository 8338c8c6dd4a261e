/// What the aligner knows about Korean and English words before it sees a document: the glossary's terms
/// (김정은 / Kim Jong-un) and a small dictionary learned from sentence pairs already in the memory.
///
/// Built once per aligner and shared by every alignment it makes.
struct AlignmentLexicon: Sendable {
    /// Korean forms without spaces → glossary term indices.
    private(set) var koreanTerms: [String: [Int]] = [:]
    /// The first two scalars of every Korean form, with the longest form that starts with them: most word
    /// starts are rejected with one lookup, and the others try only lengths that exist.
    private(set) var koreanTermPrefixes: [String: Int] = [:]
    private(set) var longestKoreanTerm = 0
    /// English forms as lower-cased word sequences, by their first word.
    private(set) var englishTerms: [String: [(words: [String], term: Int)]] = [:]
    /// Korean word stem → English words that translate it in the memory, with their association strength in 0...1.
    private(set) var translations: [String: [(word: String, strength: Double)]] = [:]

    /// At most this many memory pairs are read: enough for a dictionary, and building stays fast.
    static let memoryLimit = 50_000

    init(terms: [Term], memory: [(ko: String, en: String)]) {
        for (index, term) in terms.enumerated() {
            addKorean(term.hangul, term: index)
            for form in [term.english] + term.variants {
                let words = EnglishWords.tokens(form).map { $0.lowercased() }
                guard let first = words.first else { continue }
                englishTerms[first, default: []].append((words, index))
            }
        }
        if !memory.isEmpty { learnTranslations(from: memory.prefix(Self.memoryLimit)) }
    }

    private mutating func addKorean(_ hangul: String, term: Int) {
        let form = String(String.UnicodeScalarView(hangul.unicodeScalars.filter { !$0.properties.isWhitespace }))
        let scalars = Array(form.unicodeScalars)
        guard scalars.count >= 2 else { return }
        koreanTerms[form, default: []].append(term)
        let prefix = String(String.UnicodeScalarView(scalars[0..<2]))
        koreanTermPrefixes[prefix] = max(koreanTermPrefixes[prefix] ?? 0, scalars.count)
        longestKoreanTerm = max(longestKoreanTerm, scalars.count)
    }

    /// The glossary terms in a Korean sentence: at each word start, the longest form found (spaces ignored,
    /// so "러시아 외무부" matches however it is spaced).
    func koreanTermMatches(_ text: String) -> [Int] {
        guard longestKoreanTerm > 0 else { return [] }
        var scalars: [Unicode.Scalar] = []
        var wordStarts: [Int] = []
        var previousWasSpace = true
        for scalar in text.unicodeScalars {
            if scalar == " " || (scalar.value >= 0x80 || scalar.value < 0x20) && scalar.properties.isWhitespace {
                previousWasSpace = true
                continue
            }
            if previousWasSpace { wordStarts.append(scalars.count) }
            previousWasSpace = false
            scalars.append(scalar)
        }
        var found: [Int] = []
        for start in wordStarts where start + 2 <= scalars.count {
            guard let longest = koreanTermPrefixes[String(String.UnicodeScalarView(scalars[start..<start + 2]))] else { continue }
            var length = min(longest, scalars.count - start)
            while length >= 2 {
                if let terms = koreanTerms[String(String.UnicodeScalarView(scalars[start..<start + length]))] {
                    found += terms
                    break
                }
                length -= 1
            }
        }
        return found
    }

    /// The glossary terms in an English sentence, given its lower-cased words.
    func englishTermMatches(_ words: [String]) -> [Int] {
        guard !englishTerms.isEmpty else { return [] }
        var found: [Int] = []
        for start in words.indices {
            guard let candidates = englishTerms[words[start]] else { continue }
            for candidate in candidates where start + candidate.words.count <= words.count {
                if words[start..<start + candidate.words.count].elementsEqual(candidate.words) { found.append(candidate.term) }
            }
        }
        return found
    }

    /// Learns which English words translate which Korean stems: Dice coefficient of co-occurrence in the pairs,
    /// kept when the pair co-occurs at least twice and Dice reaches 0.3, at most three words per stem.
    private mutating func learnTranslations(from memory: ArraySlice<(ko: String, en: String)>) {
        var koreanIDs: [String: Int] = [:]
        var englishIDs: [String: Int] = [:]
        var koreanCounts: [Int] = []
        var englishCounts: [Int] = []
        var pairCounts: [Int: Int] = [:]
        for pair in memory {
            var korean: Set<Int> = []
            for stem in Set(KoreanWords.stems(pair.ko)) {
                let id = koreanIDs[stem] ?? koreanIDs.count
                if id == koreanIDs.count {
                    koreanIDs[stem] = id
                    koreanCounts.append(0)
                }
                koreanCounts[id] += 1
                korean.insert(id)
            }
            var english: Set<Int> = []
            for word in Set(EnglishWords.tokens(pair.en).map { $0.lowercased() }) where EnglishWords.isContentWord(word) {
                let id = englishIDs[word] ?? englishIDs.count
                if id == englishIDs.count {
                    englishIDs[word] = id
                    englishCounts.append(0)
                }
                englishCounts[id] += 1
                english.insert(id)
            }
            for k in korean {
                for e in english { pairCounts[k << 32 | e, default: 0] += 1 }
            }
        }
        let koreanWords = Dictionary(uniqueKeysWithValues: koreanIDs.map { ($1, $0) })
        let englishWords = Dictionary(uniqueKeysWithValues: englishIDs.map { ($1, $0) })
        var best: [Int: [(word: String, strength: Double)]] = [:]
        for (key, count) in pairCounts where count >= 2 {
            let k = key >> 32
            let e = key & 0xFFFF_FFFF
            let dice = 2 * Double(count) / Double(koreanCounts[k] + englishCounts[e])
            guard dice >= 0.3, let word = englishWords[e] else { continue }
            best[k, default: []].append((word, dice))
        }
        for (k, candidates) in best {
            guard let stem = koreanWords[k] else { continue }
            translations[stem] = Array(candidates.sorted { $0.strength > $1.strength || $0.strength == $1.strength && $0.word < $1.word }.prefix(3))
        }
    }
}
