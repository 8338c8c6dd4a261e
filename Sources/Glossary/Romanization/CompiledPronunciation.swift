/// The rule table and lexicon compiled into flat lookups, built once, so a boundary costs a few array reads.
struct CompiledPronunciation: Sendable {
    struct Change: Sendable {
        let coda: UInt8
        let onset: UInt8
    }

    static let unchanged: UInt8 = 255
    static let shared = CompiledPronunciation()

    /// `changes[context][coda * 19 + onset]`.
    private let changes: [[Change?]]
    /// Raw tail index → the coda sound it is pronounced as before a consonant or at the end (SPR 9-11).
    let neutralized: [UInt8]
    private let insertionEntries: [UInt64: [(syllables: [Unicode.Scalar], boundary: Int)]]
    private let insertingElements: [Unicode.Scalar: [[Unicode.Scalar]]]
    private let nasalEntries: [UInt64: [(syllables: [Unicode.Scalar], boundary: Int)]]
    private let nounsWithH: Set<UInt64>
    private let tensifiedEntries: [UInt64: [(syllables: [Unicode.Scalar], boundary: Int)]]

    /// Letters in the tables that are not jamo of their kind, by row ("SPR 18: ㅋx is not a coda"): empty for the bundled
    /// tables (a test holds it), so that a mistyped row is an error, not a rule silently left out.
    let problems: [String]
    private let insertionVowels: [Bool]
    private let lateralInsertionCodas: [Bool]

    private init() {
        self.init(
            rules: Pronunciation.rules, neutralization: Pronunciation.codaNeutralization,
            insertionVowels: Pronunciation.insertionVowels, lateralInsertionCodas: Pronunciation.lateralInsertionCodas)
    }

    init(
        rules: [PronunciationRule], neutralization: [(codas: String, sound: String, article: String)],
        insertionVowels: String, lateralInsertionCodas: String
    ) {
        var problems: [String] = []
        func tails(_ letters: String, _ article: String) -> [UInt8] {
            letters.compactMap { letter in
                if let tail = Hangul.tailIndex(letter) { return tail }
                problems.append("\(article): \(letter) in \"\(letters)\" is not a coda")
                return nil
            }
        }
        func leads(_ letters: String, _ article: String) -> [UInt8] {
            letters.compactMap { letter in
                if let lead = Hangul.leadIndex(letter) { return lead }
                problems.append("\(article): \(letter) in \"\(letters)\" is not an onset")
                return nil
            }
        }
        var changes = [[Change?]](repeating: [Change?](repeating: nil, count: 28 * 19), count: BoundaryContext.allCases.count)
        for rule in rules {
            let newCoda = rule.newCoda.map { $0.isEmpty ? 0 : (tails($0, rule.article).first ?? 0) } ?? Self.unchanged
            let newOnset = rule.newOnset.map { leads($0, rule.article).first ?? Self.unchanged } ?? Self.unchanged
            for coda in tails(rule.codas, rule.article) {
                for onset in leads(rule.onsets, rule.article) {
                    for context in rule.context {
                        changes[context.rawValue][Int(coda) * 19 + Int(onset)] = Change(coda: newCoda, onset: newOnset)
                    }
                }
            }
        }
        self.changes = changes
        var neutralized = [UInt8](repeating: 0, count: 28)
        for row in neutralization {
            let sound = tails(row.sound, row.article).first ?? 0
            for tail in tails(row.codas, row.article) { neutralized[Int(tail)] = sound }
        }
        self.neutralized = neutralized
        var vowels = [Bool](repeating: false, count: 21)
        for letter in insertionVowels {
            if let vowel = Hangul.vowelIndex(letter) { vowels[Int(vowel)] = true } else { problems.append("SPR 29: \(letter) is not a vowel") }
        }
        self.insertionVowels = vowels
        var lateral = [Bool](repeating: false, count: 28)
        for tail in tails(lateralInsertionCodas, "SPR 29 note 1") { lateral[Int(tail)] = true }
        self.lateralInsertionCodas = lateral
        for entry in PronunciationLexicon.insertionCompounds + PronunciationLexicon.nasalSuffixCompounds + PronunciationLexicon.tensifiedCompounds {
            let parts = entry.split(separator: "+", omittingEmptySubsequences: false)
            if parts.count != 2 || parts.contains(where: { $0.isEmpty || !$0.unicodeScalars.allSatisfy(Hangul.isSyllable) }) {
                problems.append("lexicon: \"\(entry)\" is not two runs of Hangul syllables around one +")
            }
        }
        for word in PronunciationLexicon.nounsWithH where word.unicodeScalars.count != 2 || !word.unicodeScalars.allSatisfy(Hangul.isSyllable) {
            problems.append("lexicon: \"\(word)\" in nounsWithH is not two Hangul syllables")
        }
        self.problems = problems
        insertionEntries = Self.boundaryEntries(PronunciationLexicon.insertionCompounds)
        nasalEntries = Self.boundaryEntries(PronunciationLexicon.nasalSuffixCompounds)
        tensifiedEntries = Self.boundaryEntries(PronunciationLexicon.tensifiedCompounds)
        var elements: [Unicode.Scalar: [[Unicode.Scalar]]] = [:]
        for element in PronunciationLexicon.insertingElements {
            let scalars = Array(element.unicodeScalars)
            if let first = scalars.first { elements[first, default: []].append(scalars) }
        }
        insertingElements = elements
        nounsWithH = Set(
            PronunciationLexicon.nounsWithH.compactMap { word in
                let scalars = Array(word.unicodeScalars)
                return scalars.count == 2 ? Self.pairKey(scalars[0], scalars[1]) : nil
            })
    }

    /// Whether [ㄴ] can be inserted before this vowel (SPR 29).
    func takesInsertion(vowel: UInt8) -> Bool { insertionVowels[Int(vowel)] }

    /// Whether the inserted sound after this coda is [ㄹ] (SPR 29 note 1).
    func insertsLateral(after coda: UInt8) -> Bool { lateralInsertionCodas[Int(coda)] }

    func change(_ context: BoundaryContext, coda: UInt8, onset: UInt8) -> Change? {
        let slot = Int(coda) * 19 + Int(onset)
        return changes[context.rawValue][slot] ?? (context == .anywhere ? nil : changes[0][slot])
    }

    /// Which lexical context the boundary after `index` stands in; only the onset decides which question is asked.
    func context(in word: [Unicode.Scalar], after index: Int, coda: UInt8, onset: UInt8, nextVowel: UInt8) -> BoundaryContext {
        switch onset {
        case Lead.ieung:
            return nextVowel == Vowel.i ? .beforeVowelI : .anywhere
        case Lead.hieut:
            if nounsWithH.contains(Self.pairKey(word[index], word[index + 1])) { return .anywhere }
            if PronunciationLexicon.passiveSuffixH.contains(word[index + 1]) { return .passiveSuffixH }
            return PronunciationLexicon.verbSuffixH.contains(word[index + 1]) ? .verbSuffixH : .anywhere
        case Lead.rieul where coda == Tail.nieun:
            if index >= 1, PronunciationLexicon.nasalSuffixes.contains(word[index + 1]) { return .nasalSuffix }
            return Self.matches(nasalEntries, in: word, after: index) ? .nasalSuffix : .anywhere
        case Lead.giyeok where coda == Tail.rieulGiyeok:
            return PronunciationLexicon.nounStemsWithRG.contains(word[index]) ? .nounStem : .anywhere
        default:
            return .anywhere
        }
    }

    /// Whether a ㄴ/ㄹ is inserted at the boundary after `index` (SPR 29).
    func insertsConsonant(in word: [Unicode.Scalar], after index: Int) -> Bool {
        if let elements = insertingElements[word[index + 1]] {
            for element in elements where Self.occurs(element, in: word, at: index + 1) { return true }
        }
        return Self.matches(insertionEntries, in: word, after: index)
    }

    /// Whether the onset after `index` is pronounced tense though not written so (SPR 28, and Sino-Korean usage).
    func tensifies(in word: [Unicode.Scalar], after index: Int) -> Bool {
        Self.matches(tensifiedEntries, in: word, after: index)
    }

    private static func matches(
        _ entries: [UInt64: [(syllables: [Unicode.Scalar], boundary: Int)]],
        in word: [Unicode.Scalar], after index: Int
    ) -> Bool {
        guard let candidates = entries[pairKey(word[index], word[index + 1])] else { return false }
        for candidate in candidates where index >= candidate.boundary {
            if occurs(candidate.syllables, in: word, at: index - candidate.boundary) { return true }
        }
        return false
    }

    private static func occurs(_ part: [Unicode.Scalar], in word: [Unicode.Scalar], at start: Int) -> Bool {
        guard start >= 0, start + part.count <= word.count else { return false }
        for offset in 0..<part.count where word[start + offset] != part[offset] { return false }
        return true
    }

    private static func pairKey(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> UInt64 {
        UInt64(first.value) << 32 | UInt64(second.value)
    }

    /// "앞+뒤" entries keyed by the two syllables around the "+".
    private static func boundaryEntries(_ entries: [String]) -> [UInt64: [(syllables: [Unicode.Scalar], boundary: Int)]] {
        var result: [UInt64: [(syllables: [Unicode.Scalar], boundary: Int)]] = [:]
        for entry in entries {
            let parts = entry.split(separator: "+", omittingEmptySubsequences: false)
            guard parts.count == 2, let before = parts.first, let after = parts.last,
                let last = before.unicodeScalars.last, let first = after.unicodeScalars.first
            else { continue }
            let syllables = Array(before.unicodeScalars) + Array(after.unicodeScalars)
            result[pairKey(last, first), default: []].append((syllables, before.unicodeScalars.count - 1))
        }
        return result
    }
}
