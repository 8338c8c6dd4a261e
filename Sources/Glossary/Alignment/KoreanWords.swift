/// The words of a Korean sentence as the aligner compares them: Hangul stems with their trailing particle
/// removed (푸틴은 → 푸틴, 블라디보스토크에서 → 블라디보스토크), and the Latin words quoted inside (CNN, U.S).
enum KoreanWords {
    /// The Hangul words of `text`, each stripped of one trailing particle; words under two syllables are left out.
    static func stems(_ text: String) -> [String] {
        hangulRuns(text).compactMap { run in
            let stem = withoutParticle(run)
            return stem.count >= 2 ? String(String.UnicodeScalarView(stem)) : nil
        }
    }

    /// The stems worth comparing with English names by sound: not verb forms (말했다, 밝히고), at most eight syllables.
    static func nameCandidates(_ text: String) -> [String] {
        hangulRuns(text).compactMap { run in
            let stem = withoutParticle(run)
            guard stem.count >= 2, stem.count <= 8, let last = stem.last, !verbEndings.contains(last) else { return nil }
            return String(String.UnicodeScalarView(stem))
        }
    }

    /// Whether a sentence joins two clauses with the connective -고 and a comma before more text (밝혔고, …): a
    /// sentence that often stands for two English ones.
    static func hasJoinedClauses(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > 4 else { return false }
        for index in 1..<scalars.count - 3 where scalars[index] == "고" && scalars[index + 1] == "," {
            let previous = scalars[index - 1].value
            if previous >= 0xAC00 && previous <= 0xD7A3 { return true }
        }
        return false
    }

    /// Latin words inside Korean text ("ASCI White로" → ASCI, White); Hangul and Han characters separate words.
    static func latinWords(_ text: String) -> [String] {
        let latinOnly = String(
            String.UnicodeScalarView(text.unicodeScalars.map { isOtherLetter($0) ? " " : $0 }))
        return EnglishWords.tokens(latinOnly).filter { $0.unicodeScalars.contains(where: isLatin) }
    }

    /// Runs of Hangul syllables.
    private static func hangulRuns(_ text: String) -> [[Unicode.Scalar]] {
        var runs: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            if scalar.value >= 0xAC00 && scalar.value <= 0xD7A3 {
                current.append(scalar)
            } else if !current.isEmpty {
                runs.append(current)
                current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    /// `word` less its longest trailing particle, when at least two syllables remain.
    static func withoutParticle(_ word: [Unicode.Scalar]) -> [Unicode.Scalar] {
        for particle in particles where word.count >= particle.count + 2 && word.suffix(particle.count).elementsEqual(particle) {
            return Array(word.dropLast(particle.count))
        }
        return word
    }

    /// A letter of another script than Latin (Hangul, Han …).
    private static func isOtherLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x80: false
        case 0xAC00...0xD7A3: true
        default: scalar.properties.isAlphabetic && !isLatin(scalar)
        }
    }

    private static func isLatin(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value >= 65 && scalar.value <= 90) || (scalar.value >= 97 && scalar.value <= 122) || (scalar.value >= 0xC0 && scalar.value <= 0x24F)
    }

    /// Case particles and a few postpositions and suffixes, longest first so that 에서는 goes before 는.
    private static let particles: [[Unicode.Scalar]] = [
        "에서는", "에게서", "으로는", "으로서", "으로써", "에서도", "이라는", "이라고", "에서의", "에게는", "이었다",
        "에서", "에게", "으로", "까지", "부터", "처럼", "보다", "에는", "와의", "과의", "라는", "라고", "이다", "들이", "들은", "들을", "들의",
        "와", "과", "의", "은", "는", "이", "가", "을", "를", "에", "도", "로", "만", "들", "측", "씨",
    ].map { Array($0.unicodeScalars) }

    /// Final syllables of verb and adjective forms, which are never names.
    private static let verbEndings: Set<Unicode.Scalar> = [
        "다", "고", "며", "면", "서", "게", "던", "된", "될", "했", "할", "한", "됐", "져", "해", "지", "록", "니", "요", "는", "은", "을",
    ]
}
