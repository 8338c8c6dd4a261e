/// The anchors of one sentence: sorted unique keys with the weight each carries as evidence, and the
/// phonetic skeletons of the words that may be names (by index into the document's `SkeletonTable`).
struct SentenceAnchors: Sendable {
    var keys: [AnchorKey] = []
    var weights: [Double] = []
    var skeletons: [Int] = []
    /// How many distinct numbers of 10 or more the sentence holds: a translation keeps them, so a pair that
    /// leaves them unmatched is suspect.
    var numberCount = 0
    /// For a Korean sentence, the name candidates that resemble some English skeleton of the document
    /// (`soundSkeletons`, sorted) and, for each, the English skeletons it resembles (`soundMatches`, sorted).
    var soundSkeletons: [Int] = []
    var soundMatches: [[Int]] = []
    /// Whether each of `soundSkeletons` has four classes or more: a long name that sounds alike is near proof.
    var soundIsLong: [Bool] = []

    /// Keeps the strongest weight of each key.
    init(weightedKeys: [(AnchorKey, Double)], skeletons: [Int]) {
        var strongest: [AnchorKey: Double] = [:]
        for (key, weight) in weightedKeys { strongest[key] = max(strongest[key] ?? 0, weight) }
        keys = strongest.keys.sorted()
        weights = keys.map { strongest[$0] ?? 0 }
        self.skeletons = Array(Set(skeletons)).sorted()
        numberCount = keys.count(where: { $0.kind == .number })
    }

    /// The anchors of `self` that `other` has too, with the weights of `self`: what two neighbouring sentences
    /// share, so that a bead holding both does not count it twice.
    func overlap(_ other: SentenceAnchors) -> SentenceAnchors {
        var result = SentenceAnchors(weightedKeys: [], skeletons: [])
        let otherKeys = Set(other.keys)
        for (key, weight) in zip(keys, weights) where otherKeys.contains(key) {
            result.keys.append(key)
            result.weights.append(weight)
        }
        let otherSkeletons = Set(other.skeletons)
        result.skeletons = skeletons.filter { otherSkeletons.contains($0) }
        for (index, skeleton) in soundSkeletons.enumerated() where otherSkeletons.contains(skeleton) {
            result.soundSkeletons.append(skeleton)
            result.soundMatches.append(soundMatches[index])
            result.soundIsLong.append(soundIsLong[index])
        }
        result.numberCount = result.keys.count(where: { $0.kind == .number })
        return result
    }

    /// For a Korean sentence, its Latin words and its name candidates that sound like an English word of the
    /// document: a translation would keep them.
    var nameCount: Int { soundSkeletons.count + keys.count(where: { $0.kind == .word || $0.kind == .acronym }) }

    /// Whether there is nothing to share.
    var isEmpty: Bool { keys.isEmpty && skeletons.isEmpty }
}

/// The distinct skeletons of one document, numbered, and which Korean ones resemble which English ones.
struct SkeletonTable {
    private var ids: [[UInt8]: Int] = [:]
    private(set) var forms: [[UInt8]] = []

    mutating func id(of skeleton: [UInt8]) -> Int {
        if let id = ids[skeleton] { return id }
        ids[skeleton] = forms.count
        forms.append(skeleton)
        return forms.count - 1
    }

    /// For each of `korean`, the sorted English skeletons that resemble it (`PhoneticSkeleton.resemble`).
    /// Candidates come from an index of each English skeleton with up to two classes deleted:
    /// two skeletons within two edits share such a form; longer pairs, rare, are compared directly.
    func resemblances(korean: Set<Int>, english: Set<Int>) -> [Int: [Int]] {
        var index: [UInt64: [Int]] = [:]
        var long: [Int] = []
        for id in english.sorted() {
            let form = forms[id]
            if form.count >= 9 { long.append(id) }
            guard form.count >= 2, form.count <= 11 else { continue }
            for key in Self.deletionKeys(form) { index[key, default: []].append(id) }
        }
        var result: [Int: [Int]] = [:]
        for id in korean {
            let form = forms[id]
            var found: Set<Int> = []
            if form.count >= 2, form.count <= 11 {
                for key in Self.deletionKeys(form) {
                    for candidate in index[key] ?? [] where PhoneticSkeleton.resemble(form, forms[candidate]) { found.insert(candidate) }
                }
            }
            if form.count >= 9 {
                for candidate in long where max(form.count, forms[candidate].count) >= 12 && PhoneticSkeleton.resemble(form, forms[candidate]) {
                    found.insert(candidate)
                }
            }
            if !found.isEmpty { result[id] = found.sorted() }
        }
        return result
    }

    /// The packed forms of `skeleton` with zero, one or two classes deleted (five bits a class, at most 11 classes).
    private static func deletionKeys(_ skeleton: [UInt8]) -> Set<UInt64> {
        let codes = skeleton.map { UInt64($0 &- 64) & 0x1F }  // the classes are capitals, so never zero
        func pack(skipping a: Int, _ b: Int) -> UInt64 {
            var key: UInt64 = 0
            for (position, code) in codes.enumerated() where position != a && position != b { key = key << 5 | code }
            return key
        }
        var keys: Set<UInt64> = [pack(skipping: -1, -1)]
        for a in codes.indices {
            keys.insert(pack(skipping: a, -1))
            for b in codes.indices where b > a { keys.insert(pack(skipping: a, b)) }
        }
        return keys
    }
}

/// Finds the anchors of Korean and English sentences with the aligner's lexicon.
struct AnchorExtractor {
    let lexicon: AlignmentLexicon

    /// How much one shared anchor of each kind counts. Long numbers and names are near proof; small numbers
    /// and quotation marks are common enough to be only a hint.
    static func weight(of kind: AnchorKey.Kind) -> Double {
        switch kind {
        case .number: 1.0
        case .smallNumber: 0.4
        case .month: 0.6
        case .word, .acronym: 1.0
        case .term: 1.2
        case .quotation: 0.3
        }
    }

    func korean(_ sentences: [String], skeletons table: inout SkeletonTable) -> [SentenceAnchors] {
        var romanizations: [String: Int] = [:]
        return sentences.map { text in
            var keys: [(AnchorKey, Double)] = NumberAnchors.korean(text).map { ($0, Self.weight(of: $0.kind)) }
            for word in KoreanWords.latinWords(text) {
                if let key = AnchorKey.latinWord(word), EnglishWords.isContentWord(word.lowercased()) || key.kind == .acronym {
                    keys.append((key, Self.weight(of: key.kind)))
                }
            }
            keys += lexicon.koreanTermMatches(text).map { (AnchorKey.term($0), Self.weight(of: .term)) }
            if Self.hasQuotation(text) { keys.append((.quotation, Self.weight(of: .quotation))) }
            var skeletons: [Int] = []
            for stem in KoreanWords.nameCandidates(text) {
                if let id = romanizations[stem] {
                    skeletons.append(id)
                    continue
                }
                let romanized = Romanizer.romanize(stem, RomanizationOptions(system: .rr, kind: .word, plain: true))
                let id = table.id(of: PhoneticSkeleton.of(romanized))
                romanizations[stem] = id
                skeletons.append(id)
            }
            if !lexicon.translations.isEmpty {
                for stem in KoreanWords.stems(text) {
                    for translation in lexicon.translations[stem] ?? [] {
                        keys.append((.translation(translation.word), translation.strength))
                    }
                }
            }
            return SentenceAnchors(weightedKeys: keys, skeletons: skeletons)
        }
    }

    func english(_ sentences: [String], skeletons table: inout SkeletonTable) -> [SentenceAnchors] {
        sentences.map { text in
            let words = EnglishWords.tokens(text)
            let lowercased = words.map { $0.lowercased() }
            var keys: [(AnchorKey, Double)] = NumberAnchors.english(text).map { ($0, 1) }
            var skeletons: [Int] = []
            for (word, lower) in zip(words, lowercased) {
                guard let key = AnchorKey.latinWord(word) else { continue }
                let isContent = EnglishWords.isContentWord(lower)
                if isContent || key.kind == .acronym { keys.append((key, 1)) }
                // Only capitalized words are compared by sound: names are what Korean transliterates.
                if isContent, word.unicodeScalars.first?.properties.isUppercase == true {
                    skeletons.append(table.id(of: PhoneticSkeleton.of(word)))
                }
            }
            keys += lexicon.englishTermMatches(lowercased).map { (AnchorKey.term($0), 1) }
            if Self.hasQuotation(text) { keys.append((.quotation, 1)) }
            return SentenceAnchors(weightedKeys: keys, skeletons: skeletons)
        }
    }

    /// The evidence that a Korean and an English sentence translate each other: the weights of the Korean
    /// anchors the English one shares, plus `soundWeight` for each Korean name candidate that sounds like an
    /// English capitalized word; how many numbers of 10 or more they share, and how many Latin words and
    /// sound-alike names.
    static func shared(_ korean: SentenceAnchors, _ english: SentenceAnchors, soundWeight: Double) -> (
        weight: Double, numbers: Int, names: Int
    ) {
        var total = 0.0
        var numbers = 0
        var names = 0
        var i = 0
        var j = 0
        while i < korean.keys.count && j < english.keys.count {
            if korean.keys[i] == english.keys[j] {
                total += korean.weights[i]
                switch korean.keys[i].kind {
                case .number: numbers += 1
                case .word, .acronym: names += 1
                default: break
                }
                i += 1
                j += 1
            } else if korean.keys[i] < english.keys[j] {
                i += 1
            } else {
                j += 1
            }
        }
        for (index, matches) in korean.soundMatches.enumerated() where intersects(matches, english.skeletons) {
            total += korean.soundIsLong[index] ? 1 : soundWeight
            names += 1
        }
        return (total, numbers, names)
    }

    /// Whether two sorted arrays share an element.
    private static func intersects(_ a: [Int], _ b: [Int]) -> Bool {
        var i = 0
        var j = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { return true }
            if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return false
    }

    private static func hasQuotation(_ text: String) -> Bool {
        text.unicodeScalars.contains { "\"“”˝„".unicodeScalars.contains($0) }
    }
}
