/// The consonant outline of a word, in classes that survive borrowing between English and Korean: 러시아
/// (romanized "reosia") and "Russia" both give R S, 블라디보스토크 and "Vladivostok" both give B R D B S D G.
///
/// Vowels go because Korean adds them (스 "seu" for s) and changes them; l/r, p/b/f/v, t/d, k/g and j/ch/z
/// merge because Korean has one letter for each group. English r after a vowel is silent in Korean loans.
enum PhoneticSkeleton {
    /// The skeleton of a Latin-letter word (English, or the romanization of a Hangul word).
    static func of(_ word: String) -> [UInt8] {
        let letters = word.utf8.compactMap { byte -> UInt8? in
            switch byte {
            case 65...90: byte + 32
            case 97...122: byte
            default: nil
            }
        }
        var skeleton: [UInt8] = []
        var index = 0
        while index < letters.count {
            let letter = letters[index]
            let next = index + 1 < letters.count ? letters[index + 1] : nil
            var classes: [UInt8] = []
            switch letter {
            case ascii("p"):
                classes = [ascii("B")]
                if next == ascii("h") { index += 1 }
            case ascii("b"), ascii("f"), ascii("v"): classes = [ascii("B")]
            case ascii("t"), ascii("d"):
                classes = [ascii("D")]
                if letter == ascii("t"), next == ascii("h") { index += 1 }
            case ascii("c"):
                if next == ascii("h") {
                    classes = [ascii("J")]
                    index += 1
                } else if let next, isSoftening(next) {
                    classes = [ascii("S")]
                } else {
                    classes = [ascii("G")]
                }
            case ascii("k"), ascii("q"): classes = [ascii("G")]
            case ascii("g"):
                if next == ascii("h") {
                    index += 1
                } else {
                    classes = [ascii("G")]
                }
            case ascii("x"): classes = [ascii("G"), ascii("S")]
            case ascii("s"):
                classes = [ascii("S")]
                if next == ascii("h") { index += 1 }
            case ascii("j"), ascii("z"): classes = [ascii("J")]
            case ascii("l"): classes = [ascii("R")]
            case ascii("r"):
                let afterVowel = index > 0 && isVowel(letters[index - 1])
                let beforeVowel = next.map(isVowel) ?? false
                if !afterVowel || beforeVowel { classes = [ascii("R")] }
            case ascii("m"): classes = [ascii("M")]
            case ascii("n"): classes = [ascii("N")]
            default: break  // vowels, h, w, y
            }
            for symbol in classes where skeleton.last != symbol { skeleton.append(symbol) }
            index += 1
        }
        return skeleton
    }

    /// Whether two skeletons are close enough to be one name: equal when short, else within one edit per four
    /// classes.
    static func resemble(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        let longer = max(a.count, b.count)
        guard min(a.count, b.count) >= 2 else { return false }
        if longer <= 3 { return a == b }
        return distance(a, b) <= longer / 4
    }

    /// Levenshtein distance over short byte strings.
    private static func distance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for (i, x) in a.enumerated() {
            current[0] = i + 1
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j] + (x == y ? 0 : 1), previous[j + 1] + 1, current[j] + 1)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    private static func isVowel(_ letter: UInt8) -> Bool {
        "aeiouy".utf8.contains(letter)
    }

    private static func isSoftening(_ letter: UInt8) -> Bool {
        letter == ascii("e") || letter == ascii("i") || letter == ascii("y")
    }

    private static func ascii(_ character: Unicode.Scalar) -> UInt8 {
        UInt8(truncatingIfNeeded: character.value)
    }
}
