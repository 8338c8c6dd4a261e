import Foundation

/// How long an English translation of a Korean text is: the log of English characters over Korean jamo is
/// roughly normal.
///
/// Korean is counted in jamo (a syllable with a final consonant is three letters, without one two) because a
/// syllable packs a variable amount of sound; jamo track English letters more closely than syllables do.
struct LengthModel: Sendable, Hashable {
    /// Mean of log(English characters / Korean jamo).
    var mean: Double
    /// Standard deviation of that log ratio.
    var deviation: Double

    /// The length of a Korean sentence in jamo; other non-space characters count one each.
    static func koreanLength(_ text: String) -> Int {
        var length = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xAC00...0xD7A3: length += (scalar.value - 0xAC00) % 28 == 0 ? 2 : 3
            case 0x21..<0x7F: length += 1
            case 0x09...0x0D, 0x20: break
            default: if !scalar.properties.isWhitespace { length += 1 }
            }
        }
        return length
    }

    /// The length of an English sentence in characters, spaces included (as Gale and Church count).
    static func englishLength(_ text: String) -> Int {
        text.unicodeScalars.count
    }

    /// The cost (a negative log-likelihood up to a constant) of `koLength` jamo translating as `enLength` characters.
    ///
    /// Zero for the expected ratio; a small additive constant keeps headlines and fragments from dominating.
    func cost(koLength: Int, enLength: Int) -> Double {
        cost(logRatio: log((Double(enLength) + 8) / (Double(koLength) + 8)))
    }

    /// The same cost from log((English + 8) / (Korean + 8)), for callers that keep a table of logarithms.
    func cost(logRatio: Double) -> Double {
        let deviationInSigmas = (logRatio - mean) / deviation
        return 0.5 * deviationInSigmas * deviationInSigmas
    }

    /// log(length + 8) for every length up to `maximum`.
    static func logTable(upTo maximum: Int) -> [Double] {
        (0...max(0, maximum)).map { log(Double($0) + 8) }
    }
}
