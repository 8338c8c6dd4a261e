/// Hangul syllable ⇄ jamo arithmetic (Unicode §3.12), done by hand so the romanizer needs neither ICU nor Foundation.
public enum Hangul {
    /// A modern syllable as indices into the Unicode lead (19), vowel (21) and tail (28, 0 = none) tables.
    public struct Syllable: Hashable, Sendable {
        public let lead: UInt8
        public let vowel: UInt8
        public let tail: UInt8

        public init(lead: UInt8, vowel: UInt8, tail: UInt8 = 0) {
            self.lead = lead
            self.vowel = vowel
            self.tail = tail
        }
    }

    static let syllableBase: UInt32 = 0xAC00
    static let syllableLast: UInt32 = 0xD7A3
    static let leadBase: UInt32 = 0x1100
    static let vowelBase: UInt32 = 0x1161
    static let tailBase: UInt32 = 0x11A7
    static let leadCount: UInt32 = 19
    static let vowelCount: UInt32 = 21
    static let tailCount: UInt32 = 28

    /// The lead consonants in Unicode order, as compatibility letters so that tables read like the official text.
    static let leadLetters: [Character] = Array("ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ")
    /// The vowels in Unicode order.
    static let vowelLetters: [Character] = Array("ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ")
    /// The tail consonants in Unicode order; tail index = position + 1 (0 means no tail).
    static let tailLetters: [Character] = Array("ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ")

    /// Whether a scalar is a precomposed Hangul syllable (가–힣).
    static func isSyllable(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= syllableBase && scalar.value <= syllableLast
    }

    /// The syllable a precomposed scalar (U+AC00…U+D7A3) stands for, or nil.
    public static func syllable(_ scalar: Unicode.Scalar) -> Syllable? {
        let value = scalar.value
        guard value >= syllableBase, value <= syllableLast else { return nil }
        let offset = value - syllableBase
        return Syllable(
            lead: UInt8(offset / (vowelCount * tailCount)),
            vowel: UInt8((offset % (vowelCount * tailCount)) / tailCount),
            tail: UInt8(offset % tailCount)
        )
    }

    /// The precomposed scalar of a syllable.
    public static func scalar(_ syllable: Syllable) -> Unicode.Scalar {
        let value = syllableBase + (UInt32(syllable.lead) * vowelCount + UInt32(syllable.vowel)) * tailCount + UInt32(syllable.tail)
        return Unicode.Scalar(value) ?? "?"
    }

    /// The syllables of a string made only of precomposed Hangul; other scalars are skipped.
    public static func syllables(_ text: String) -> [Syllable] {
        composed(Array(text.unicodeScalars)).compactMap(syllable)
    }

    /// A string from syllables.
    public static func string(_ syllables: [Syllable]) -> String {
        var text = String.UnicodeScalarView()
        text.append(contentsOf: syllables.map(scalar))
        return String(text)
    }

    /// The index of a letter the code names (a constant, not input): a letter outside the table is a programming error.
    static func lead(_ letter: Character) -> UInt8 {
        guard let index = leadIndex(letter) else { preconditionFailure("\(letter) is not a lead consonant") }
        return index
    }

    static func vowel(_ letter: Character) -> UInt8 {
        guard let index = vowelIndex(letter) else { preconditionFailure("\(letter) is not a vowel") }
        return index
    }

    static func tail(_ letter: Character) -> UInt8 {
        guard let index = tailIndex(letter) else { preconditionFailure("\(letter) is not a tail consonant") }
        return index
    }

    static func leadIndex(_ letter: Character) -> UInt8? {
        leadLetters.firstIndex(of: letter).map { UInt8($0) }
    }

    static func vowelIndex(_ letter: Character) -> UInt8? {
        vowelLetters.firstIndex(of: letter).map { UInt8($0) }
    }

    static func tailIndex(_ letter: Character) -> UInt8? {
        tailLetters.firstIndex(of: letter).map { UInt8($0 + 1) }
    }

    /// Composes conjoining jamo sequences L V (T), and precomposed LV + T, into precomposed syllables (Unicode §3.12).
    /// Sequences that cannot compose (old jamo, a lead without a vowel) are left as they are.
    public static func composed(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard scalars.contains(where: { $0.value >= leadBase && $0.value < 0x1200 }) else { return scalars }
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(scalars.count)
        var index = 0
        while index < scalars.count {
            let value = scalars[index].value
            if value >= leadBase, value < leadBase + leadCount, index + 1 < scalars.count,
                let vowel = modernVowel(scalars[index + 1])
            {
                var syllable = Syllable(lead: UInt8(value - leadBase), vowel: vowel)
                index += 2
                if index < scalars.count, let tail = modernTail(scalars[index]) {
                    syllable = Syllable(lead: syllable.lead, vowel: syllable.vowel, tail: tail)
                    index += 1
                }
                result.append(scalar(syllable))
            } else if let open = syllable(scalars[index]), open.tail == 0, index + 1 < scalars.count,
                let tail = modernTail(scalars[index + 1])
            {
                result.append(scalar(Syllable(lead: open.lead, vowel: open.vowel, tail: tail)))
                index += 2
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return result
    }

    private static func modernVowel(_ scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        return value >= vowelBase && value < vowelBase + vowelCount ? UInt8(value - vowelBase) : nil
    }

    private static func modernTail(_ scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        return value > tailBase && value < tailBase + tailCount ? UInt8(value - tailBase) : nil
    }
}
