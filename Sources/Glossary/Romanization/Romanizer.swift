/// The romanization systems: Revised Romanization by pronunciation (`rr`) or letter by letter (`translit`, RR 3-8),
/// McCune–Reischauer (`mr`) and the DPRK's own 1992 system as printed in news without breves (`dprk`).
public enum RomanizationSystem: String, Sendable, CaseIterable, Codable {
    case rr, translit, mr, dprk
}

/// What the text is: a common word (lower case), a personal name (surname + hyphenated given name; a word that reads
/// as foreign gets the loanword guess), a place (capitalized, administrative units after a hyphen), or a foreign word
/// in Hangul (`foreign`: always the loanword guess, 부탄 Butan).
public enum RomanizationKind: String, Sendable, CaseIterable, Codable {
    case word, name, place, foreign
}

/// How a personal name's surname is spelled: its usual spelling (`conventional`: Kim, Lee, Park), the system's own
/// (`strict`: Gim, I, Bak in RR; Kim, Yi, Pak in MR), AP style (no hyphen: Hong Gil Dong), or North Korean (`dprk`: Ri, Rim).
public enum NameStyle: String, Sendable, CaseIterable, Codable {
    case conventional, strict, ap, dprk
}

public struct RomanizationOptions: Sendable, Hashable {
    public var system: RomanizationSystem
    public var kind: RomanizationKind
    public var style: NameStyle
    /// Drop breves and apostrophes from the output (P'yŏngyang → Pyongyang).
    public var plain: Bool

    public init(system: RomanizationSystem = .rr, kind: RomanizationKind = .word, style: NameStyle = .conventional, plain: Bool = false) {
        self.system = system
        self.kind = kind
        self.style = style
        self.plain = plain
    }
}

/// One spelling a name is likely to appear in, and how it was made (`rr`, `mr`, `dprk`, `ap`, `surname:Yi`, `wire:eo>u` …).
public struct RomanizedVariant: Sendable, Hashable, Codable {
    public let form: String
    public let system: String

    public init(form: String, system: String) {
        self.form = form
        self.system = system
    }
}

/// The single entry point: romanizes Hangul in any text, leaving everything else as it is.
public enum Romanizer {
    public static func romanize(_ text: String, _ options: RomanizationOptions = .init()) -> String {
        switch options.kind {
        case .word: return WordRomanizer.romanize(text, system: options.system, plain: options.plain, capitalized: false)
        case .place: return PlaceRomanizer.romanize(text, system: options.system, plain: options.plain)
        case .name: return NameRomanizer.romanize(text, system: options.system, style: options.style, plain: options.plain)
        case .foreign: return LoanwordRomanizer.romanizeText(text)
        }
    }

    /// The spellings a personal name is likely to appear in; the first is the conventional form.
    public static func variants(ofName hangul: String) -> [RomanizedVariant] {
        NameVariants.variants(of: hangul)
    }
}

/// Romanizes text word by word in one system: each Hangul run is a word; other text passes through.
enum WordRomanizer {
    static func romanize(_ text: String, system: RomanizationSystem, plain: Bool, capitalized: Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count * 2)
        for segment in HangulText.segments(text) {
            switch segment {
            case .hangul(let word):
                let start = out.count
                if system != .translit, let parts = CompoundDivision.divide(word) {
                    for (index, part) in parts.enumerated() {
                        if index > 0 { out.append(UInt8(ascii: " ")) }
                        appendWord(part, system: system, capitalized: capitalized, to: &out)
                    }
                } else {
                    appendWord(word, system: system, capitalized: capitalized, to: &out)
                }
                if plain { Latin.dropDiacritics(&out, from: start) }
            case .other(let scalars):
                Latin.append(scalars, to: &out)
            case .loneJamo(let scalar):
                let start = out.count
                appendLoneJamo(scalar, system: system, to: &out)
                if plain { Latin.dropDiacritics(&out, from: start) }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// One word; fixed expressions written as several words (대한민국 → Daehan Minguk) are split first.
    static func appendWord(_ word: [Unicode.Scalar], system: RomanizationSystem, capitalized: Bool, noun: Bool = false, to out: inout [UInt8]) {
        if word.count >= 4, let parts = spacedCompounds[word] {
            for (index, part) in parts.enumerated() {
                if index > 0 { out.append(UInt8(ascii: " ")) }
                appendWord(part, system: system, capitalized: capitalized, noun: noun, to: &out)
            }
            return
        }
        let start = out.count
        switch system {
        case .rr: PhoneticAlphabet.revised.append(word: Pronunciation.pronounce(word, noun: noun), to: &out)
        case .translit: Transliteration.append(word, to: &out)
        case .mr:
            PhoneticAlphabet.mccuneReischauer.append(word: Pronunciation.pronounce(word, mergingAspiration: false, noun: noun), to: &out)
            McCuneReischauerSpelling.apply(to: &out, from: start)
        case .dprk: PhoneticAlphabet.dprk.append(word: Pronunciation.pronounce(word, mergingAspiration: false, noun: noun), to: &out)
        }
        if capitalized { Latin.capitalize(&out, from: start) }
    }

    /// MR's spelling conventions over its letters: ㄹ before ㅎ is r (발해 Parhae, 말하다 marhada), and a stop before its
    /// own tense letter is not written twice (만석꾼 mansŏkkun, not mansŏkkkun). In MR's letters "lh" and a tripled
    /// k, t or p arise only there.
    enum McCuneReischauerSpelling {
        static let rewrites: [(from: [UInt8], to: [UInt8])] = [
            (Array("lh".utf8), Array("rh".utf8)), (Array("kkk".utf8), Array("kk".utf8)), (Array("ttt".utf8), Array("tt".utf8)),
            (Array("ppp".utf8), Array("pp".utf8)),
        ]

        static func apply(to out: inout [UInt8], from start: Int) {
            for rewrite in rewrites {
                var index = start
                while index + rewrite.from.count <= out.count {
                    if out[index..<(index + rewrite.from.count)].elementsEqual(rewrite.from) {
                        out.replaceSubrange(index..<(index + rewrite.from.count), with: rewrite.to)
                        index += rewrite.to.count
                    } else {
                        index += 1
                    }
                }
            }
        }
    }

    /// A lone modern jamo by the system's table (ㄱ g, ㅏ a; clusters letter by letter); old jamo pass through.
    static func appendLoneJamo(_ scalar: Unicode.Scalar, system: RomanizationSystem, to out: inout [UInt8]) {
        let alphabet = system.alphabet
        switch LoneJamo(scalar) {
        case .vowel(let vowel):
            out.append(contentsOf: alphabet.vowels[Int(vowel)])
        case .consonant(let letter):
            if letter == "ㅇ" {
                out.append(contentsOf: alphabet.codas[Int(Tail.ieung)])
            } else if let lead = Hangul.leadIndex(letter) {
                out.append(contentsOf: system == .translit && lead == Lead.rieul ? Array("l".utf8) : alphabet.onset(lead, .wordInitial))
            } else if let tail = Hangul.tailIndex(letter) {
                out.append(contentsOf: Transliteration.tails[Int(tail)])
            }
        case nil:
            Latin.append([scalar], to: &out)
        }
    }

    private static let spacedCompounds: [[Unicode.Scalar]: [[Unicode.Scalar]]] = {
        var table: [[Unicode.Scalar]: [[Unicode.Scalar]]] = [:]
        for (word, spaced) in PronunciationLexicon.spacedCompounds {
            table[Array(word.unicodeScalars)] = spaced.split(separator: " ").map { Array($0.unicodeScalars) }
        }
        return table
    }()
}

extension RomanizationSystem {
    var alphabet: PhoneticAlphabet {
        switch self {
        case .rr, .translit: return .revised
        case .mr: return .mccuneReischauer
        case .dprk: return .dprk
        }
    }
}
