/// Splits text into Hangul words (runs of precomposed syllables, after composing conjoining jamo), lone jamo and the rest,
/// so that a whole sentence can be romanized while numbers, Latin, punctuation and spaces pass through.
enum HangulText {
    enum Segment: Sendable, Equatable {
        case hangul([Unicode.Scalar])
        case other([Unicode.Scalar])
        case loneJamo(Unicode.Scalar)
    }

    static func segments(_ text: String) -> [Segment] {
        let scalars = Hangul.composed(Array(text.unicodeScalars))
        var segments: [Segment] = []
        var run: [Unicode.Scalar] = []
        var runIsHangul = false
        func flush() {
            guard !run.isEmpty else { return }
            segments.append(runIsHangul ? .hangul(run) : .other(run))
            run.removeAll(keepingCapacity: true)
        }
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if Hangul.syllable(scalar) != nil {
                if !runIsHangul { flush() }
                runIsHangul = true
                run.append(scalar)
            } else if isConjoiningJamo(scalar) {
                // A run of conjoining jamo that did not compose: old Hangul (ᄒᆞᆫ) stays as written, modern letters are romanized.
                var end = index
                while end < scalars.count, isConjoiningJamo(scalars[end]) { end += 1 }
                let jamo = scalars[index..<end]
                if jamo.contains(where: { LoneJamo($0) == nil }) {
                    if runIsHangul { flush() }
                    runIsHangul = false
                    run.append(contentsOf: jamo)
                } else {
                    flush()
                    segments.append(contentsOf: jamo.map(Segment.loneJamo))
                }
                index = end
                continue
            } else if isJamo(scalar) {
                flush()
                segments.append(.loneJamo(scalar))
            } else {
                if runIsHangul { flush() }
                runIsHangul = false
                run.append(scalar)
            }
            index += 1
        }
        flush()
        return segments
    }

    /// Conjoining jamo (modern and old) and their extensions A and B.
    static func isConjoiningJamo(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x11FF, 0xA960...0xA97F, 0xD7B0...0xD7FF: return true
        default: return false
        }
    }

    /// Conjoining jamo (modern and old), their extensions, compatibility and half-width jamo.
    static func isJamo(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x11FF, 0x3131...0x318E, 0xA960...0xA97F, 0xD7B0...0xD7FF, 0xFFA0...0xFFDC: return true
        default: return false
        }
    }
}

/// A jamo standing alone, as the letter it is: modern consonants and vowels are romanized by the tables, old ones pass through.
enum LoneJamo: Equatable {
    case consonant(Character)
    case vowel(UInt8)

    init?(_ scalar: Unicode.Scalar) {
        let value = scalar.value
        switch value {
        case 0x1100...0x1112:
            self = .consonant(Hangul.leadLetters[Int(value - 0x1100)])
        case 0x1161...0x1175:
            self = .vowel(UInt8(value - 0x1161))
        case 0x11A8...0x11C2:
            self = .consonant(Hangul.tailLetters[Int(value - 0x11A8)])
        case 0x3131...0x314E:
            self = .consonant(Character(scalar))
        case 0x314F...0x3163:
            self = .vowel(UInt8(value - 0x314F))
        default:
            return nil
        }
    }
}
