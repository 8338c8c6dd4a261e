/// RR transliteration (RR 3-8): letter by letter so that the Hangul can be restored. ㄱㄷㅂㄹ are always g d b l;
/// the silent ㅇ is a hyphen except at the start of a word, and a hyphen also separates a coda from an onset whose
/// letters could be split another way (없었습니다 eobs-eoss-seubnida).
enum Transliteration {
    /// Leads in Unicode order.
    static let leads: [[UInt8]] = Latin.letters("g kk n d tt l m b pp s ss - j jj ch k t p h")
    /// Tails in Unicode order, index 0 = none.
    static let tails: [[UInt8]] = Latin.letters("- g kk gs n nj nh d l lg lm lb ls lt lp lh m b bs s ss ng j ch k t p h")

    /// (tail, lead) pairs whose letters read the same as another pair with a coda (ㅆ+ㅅ "sss" = ㅅ+ㅆ), so they take a hyphen.
    /// After an open syllable a doubled letter is read as a tense onset (아빠 appa), so those pairs are not counted.
    static let ambiguousPairs: Set<Int> = {
        var readings: [[UInt8]: [Int]] = [:]
        for tail in 1..<28 {
            for lead in 0..<19 where lead != Int(Lead.ieung) {
                readings[tails[tail] + leads[lead], default: []].append(tail * 19 + lead)
            }
        }
        return Set(readings.values.filter { $0.count > 1 }.joined())
    }()

    static func append(_ word: [Unicode.Scalar], to out: inout [UInt8]) {
        var previousTail: UInt8?
        for scalar in word {
            guard let syllable = Hangul.syllable(scalar) else { continue }
            if let previousTail, syllable.lead == Lead.ieung || ambiguousPairs.contains(Int(previousTail) * 19 + Int(syllable.lead)) {
                out.append(UInt8(ascii: "-"))
            }
            out.append(contentsOf: leads[Int(syllable.lead)])
            out.append(contentsOf: PhoneticAlphabet.revised.vowels[Int(syllable.vowel)])
            out.append(contentsOf: tails[Int(syllable.tail)])
            previousTail = syllable.tail
        }
    }

}
