/// Place names (RR 3-5, 3-6): capitalized; an administrative unit goes after a hyphen with no sound change across it
/// (종로구 Jongno-gu, 노근리 Nogeun-ri, 제주도 Jeju-do); natural features and buildings take no hyphen (한라산 Hallasan);
/// a numbered unit reads its number (종로 2가 Jongno 2(i)-ga, 봉천1동 Bongcheon 1(il)-dong).
///
/// Where the rules leave a choice, tm follows the official English of Statistics Korea's boundary data (KOSTAT
/// 2018): 특별시, 광역시 and 특별자치시 are left out (대구광역시 Daegu), 특별자치도 is "-do" (제주특별자치도 Jeju-do); the
/// name before a numbered unit is one word, its last syllable no unit (평리3동 Pyeongni 3(sam)-dong, 반구1동 Bangu
/// 1(il)-dong); several numbers are written as they stand, unread (송림3·5동 Songnim3·5-dong), and a numbered 가동 as
/// KOSTAT writes it (종로1·2·3·4가동 Jongno1·2·3·4Gadong); a city's district runs together (수원시권선구
/// Suwonsigwonseongu).
public enum PlaceRomanizer {
    public static func romanize(_ text: String, system: RomanizationSystem = .rr, plain: Bool = false) -> String {
        var out: [UInt8] = []
        let segments = HangulText.segments(text)
        var index = 0
        var previousWasHangul = false
        while index < segments.count {
            let start = out.count
            switch segments[index] {
            case .hangul(let word):
                // Right before a number (평리3동), the word is the name of the numbered unit: no unit of its own.
                if index + 1 < segments.count, case .other(let next) = segments[index + 1], let first = next.first, (48...57).contains(first.value) {
                    WordRomanizer.appendWord(word, system: system, capitalized: true, noun: true, to: &out)
                } else {
                    appendPlace(word, system: system, to: &out)
                }
                previousWasHangul = true
            case .other(let scalars):
                let digits = scalars.reversed().prefix { (48...57).contains($0.value) }.count
                if digits > 0, index + 1 < segments.count, case .hangul(let next) = segments[index + 1],
                    let unit = next.first, AdministrativeUnits.units.contains(unit)
                {
                    let prefix = Array(scalars.dropLast(digits))
                    let rest = Array(next.dropFirst())
                    if AdministrativeUnits.numberSeparators.contains(where: prefix.contains) {
                        // Several numbers (3·5동, 1·2·3·4가동): written as they stand, then the unit.
                        Latin.append(scalars, to: &out)
                        if unit == "가", rest == ["동"] {
                            out.append(contentsOf: Array("Gadong".utf8))
                        } else {
                            out.append(UInt8(ascii: "-"))
                            appendUnit(unit, system: system, to: &out)
                            if !rest.isEmpty { appendPlace(rest, system: system, to: &out) }
                        }
                    } else {
                        Latin.append(prefix, to: &out)
                        if prefix.isEmpty, previousWasHangul { out.append(UInt8(ascii: " ")) }
                        appendNumberedUnit(Array(scalars.suffix(digits)), unit: unit, system: system, to: &out)
                        if !rest.isEmpty { appendPlace(rest, system: system, to: &out) }
                    }
                    index += 1
                    previousWasHangul = true
                } else {
                    Latin.append(scalars, to: &out)
                    previousWasHangul = false
                }
            case .loneJamo(let scalar):
                WordRomanizer.appendLoneJamo(scalar, system: system, to: &out)
                previousWasHangul = false
            }
            if plain { Latin.dropDiacritics(&out, from: start) }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// One place word: the name, capitalized, then "-unit" if it ends in an administrative unit.
    static func appendPlace(_ word: [Unicode.Scalar], system: RomanizationSystem, to out: inout [UInt8]) {
        if let (long, written) = AdministrativeUnits.longUnit(ending: word) {
            WordRomanizer.appendWord(Array(word.dropLast(long)), system: system, capitalized: true, noun: true, to: &out)
            if let written { out.append(contentsOf: Array(written.utf8)) }
            return
        }
        guard let unit = AdministrativeUnits.unit(endingPlace: word), !AdministrativeUnits.isCityDistrict(word) else {
            WordRomanizer.appendWord(word, system: system, capitalized: true, noun: true, to: &out)
            return
        }
        let name = Array(word.dropLast())
        WordRomanizer.appendWord(name, system: system, capitalized: true, noun: true, to: &out)
        out.append(UInt8(ascii: "-"))
        // MR and the DPRK write the sound change into the unit 리 (노근리 Nogŭn-ni, 평리 Pyŏng-ni); RR does not.
        if system == .mr || system == .dprk, unit == "리", let last = name.last.flatMap(Hangul.syllable),
            let written = AdministrativeUnits.riAfterCoda[last.tail]
        {
            out.append(contentsOf: Array(written.utf8))
            return
        }
        appendUnit(unit, system: system, to: &out)
    }

    /// "2가" → "2(i)-ga": the digits, their Sino-Korean reading in parentheses, the unit.
    static func appendNumberedUnit(_ digits: [Unicode.Scalar], unit: Unicode.Scalar, system: RomanizationSystem, to out: inout [UInt8]) {
        Latin.append(digits, to: &out)
        let value = digits.reduce(0) { $0 * 10 + Int($1.value - 48) }
        if let reading = SinoKoreanNumber.hangul(value) {
            out.append(UInt8(ascii: "("))
            WordRomanizer.appendWord(Array(reading.unicodeScalars), system: system, capitalized: false, to: &out)
            out.append(UInt8(ascii: ")"))
        }
        out.append(UInt8(ascii: "-"))
        appendUnit(unit, system: system, to: &out)
    }

    /// A unit is read as after a vowel (voiced in MR/DPRK: -do, -gun), as it is written after the hyphen.
    static func appendUnit(_ unit: Unicode.Scalar, system: RomanizationSystem, to out: inout [UInt8]) {
        if system == .translit {
            Transliteration.append([unit], to: &out)
        } else if let syllable = Pronunciation.pronounceAlone(unit) {
            system.alphabet.append(syllable, at: .afterVowel, to: &out)
        }
    }
}

/// Administrative units and the place names that only look as if they ended in one.
enum AdministrativeUnits {
    /// RR 3-5: 도 시 군 구 읍 면 리 동 가 (가 only after a number, 종로 2가).
    static let units: Set<Unicode.Scalar> = ["도", "시", "군", "구", "읍", "면", "리", "동", "가"]

    /// 도 is a province only after these names; otherwise it is an island and part of the name (독도 Dokdo, 울릉도 Ulleungdo).
    static let provinces: Set<[Unicode.Scalar]> = Set(
        [
            "경기", "강원", "충청", "충청북", "충청남", "전라", "전라북", "전라남", "경상", "경상북", "경상남", "제주", "황해", "황해북", "황해남",
            "평안", "평안북", "평안남", "함경", "함경북", "함경남", "자강", "양강",
        ].map { Array($0.unicodeScalars) })

    /// Names whose last syllable belongs to the name (구리 Guri, 대구 Daegu, 안동 Andong, 왕십리 Wangsimni).
    static let wholeNames: Set<[Unicode.Scalar]> = Set(
        [
            "구리", "대구", "안동", "영동", "왕십리", "상왕십리", "답십리", "청량리", "미아리",
        ].map { Array($0.unicodeScalars) })

    /// The units of the top level that KOSTAT's English leaves out or shortens, longest first: (unit, what is written).
    static let longUnits: [(unit: [Unicode.Scalar], written: String?)] = [
        ("특별자치시", nil), ("특별자치도", "-do"), ("특별시", nil), ("광역시", nil),
    ].map { (Array($0.0.unicodeScalars), $0.1) }

    /// 리 after a nasal is [니], after ㄹ [리 → li] (SPR 19, 20), as MR writes place units; by the name's last tail.
    static let riAfterCoda: [UInt8: String] = [Tail.nieun: "ni", Tail.mieum: "ni", Tail.ieung: "ni", Tail.rieul: "li"]

    /// Separators between several numbers of one unit (송림3·5동).
    static let numberSeparators: Set<Unicode.Scalar> = ["·", "・", ",", "."]

    /// A city's district written as one word (수원시권선구): KOSTAT's English runs it together, Suwonsigwonseongu.
    static func isCityDistrict(_ word: [Unicode.Scalar]) -> Bool {
        guard word.count >= 5, word.last == "구" else { return false }
        return word[2..<(word.count - 2)].contains("시")
    }

    /// The long unit ending `word` after a name of two syllables or more: how many scalars it takes, what is written.
    static func longUnit(ending word: [Unicode.Scalar]) -> (Int, String?)? {
        for long in longUnits where word.count >= long.unit.count + 2 && Array(word.suffix(long.unit.count)) == long.unit {
            return (long.unit.count, long.written)
        }
        return nil
    }

    static func unit(endingPlace word: [Unicode.Scalar]) -> Unicode.Scalar? {
        guard word.count >= 2, let last = word.last, units.contains(last), last != "가", !wholeNames.contains(word) else { return nil }
        if last == "도" { return provinces.contains(Array(word.dropLast())) ? last : nil }
        return last
    }
}

/// Sino-Korean number words (일 이 삼 … 십 백 천), for numbered units.
enum SinoKoreanNumber {
    private static let digits: [String] = ["영", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구"]
    private static let powers: [String] = ["", "십", "백", "천"]

    static func hangul(_ value: Int) -> String? {
        guard value >= 0, value < 10_000 else { return nil }
        if value == 0 { return digits[0] }
        var result = ""
        for power in stride(from: 3, through: 0, by: -1) {
            var divisor = 1
            for _ in 0..<power { divisor *= 10 }
            let digit = value / divisor % 10
            guard digit > 0 else { continue }
            if digit > 1 || power == 0 { result += digits[digit] }
            result += powers[power]
        }
        return result
    }
}
