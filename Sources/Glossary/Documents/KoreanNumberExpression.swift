import Foundation

/// A number, amount or date in Korean text with the English a news desk writes for it: 3천 명 → 3,000,
/// 1억1천만달러 → $110 million, 3월 27일 → March 27, 1992년 → 1992, 12.5% → 12.5%.
///
/// The numerals are read as the aligner reads them (`NumberAnchors`); the unit after them decides the English.
public struct KoreanNumberExpression: Sendable, Codable, Equatable {
    /// Unicode scalar offsets of the expression (numeral and unit) in the sentence.
    public let start: Int
    public let end: Int
    public let text: String
    public let value: Double
    public let english: String
    /// The unit written after the numeral (달러, 년, km …), empty for a bare number or a date.
    public let unit: String
    /// A day of the month on its own (28일): English news writes the weekday instead.
    public let isDayOfMonth: Bool

    private enum CodingKeys: String, CodingKey {
        case start, end, text, value, english, unit
        case isDayOfMonth = "is_day_of_month"
    }

    /// Units written after a numeral, longest first, and how the English writes the amount (`#` is the number).
    static let units: [(hangul: String, english: String)] = [
        ("달러", "$#"), ("유로", "€#"), ("엔", "¥#"), ("파운드", "£#"), ("원", "# won"), ("퍼센트", "#%"), ("%", "#%"),
        ("개국", "# countries"), ("년", "#"), ("km", "# km"), ("킬로미터", "# km"),
    ]

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]

    /// Every numeral of `text` with its English.
    public static func find(in text: String) -> [KoreanNumberExpression] {
        let scalars = Array(text.unicodeScalars)
        var found: [KoreanNumberExpression] = []
        var index = 0
        while index < scalars.count {
            guard NumberAnchors.isDigit(scalars[index]), index == 0 || !NumberAnchors.isDigit(scalars[index - 1]) else {
                index += 1
                continue
            }
            let start = index
            let value = NumberAnchors.koreanValue(scalars, from: &index)
            var end = index
            var english = amount(value)
            var unitWord = ""
            var dayOfMonth = false
            var unitStart = index
            while unitStart < scalars.count, scalars[unitStart] == " " { unitStart += 1 }
            if let month = NumberAnchors.monthNumber(value), starts(scalars, at: index, with: "월") {
                // 3월 27일 → March 27; 3월 → March.
                end = index + 1
                english = monthNames[month - 1]
                var day = end
                while day < scalars.count, scalars[day] == " " { day += 1 }
                if day < scalars.count, NumberAnchors.isDigit(scalars[day]) {
                    var after = day
                    let dayValue = NumberAnchors.koreanValue(scalars, from: &after)
                    if starts(scalars, at: after, with: "일"), dayValue >= 1, dayValue <= 31 {
                        english += " \(Int(dayValue))"
                        end = after + 1
                    }
                }
            } else if value >= 1, value <= 31, value == value.rounded(), starts(scalars, at: index, with: "일") || beginsDayRange(scalars, at: index) {
                end = starts(scalars, at: index, with: "일") ? index + 1 : index
                english = "the \(Int(value))\(ordinalSuffix(Int(value)))"
                dayOfMonth = true
            } else if let unit = units.first(where: { starts(scalars, at: unitStart, with: $0.hangul) }) {
                end = unitStart + unit.hangul.unicodeScalars.count
                unitWord = unit.hangul == "킬로미터" ? "km" : unit.hangul
                if unit.hangul == "년" {
                    // A calendar year (1992년 → 1992); a smaller number counts years (1년 동안 → 1 year).
                    english = value >= 1000 ? plain(value) : "\(plain(value)) year\(value == 1 ? "" : "s")"
                } else {
                    english = unit.english.replacingOccurrences(of: "#", with: amount(value))
                }
            } else if value < 10 {
                // A bare small number (6개, 2명) is a word in English as often as a figure: nothing to tell the desk.
                index = max(end, index)
                continue
            }
            found.append(
                KoreanNumberExpression(
                    start: start, end: end, text: String(String.UnicodeScalarView(scalars[start..<end])), value: value, english: english,
                    unit: unitWord, isDayOfMonth: dayOfMonth))
            index = max(end, index)
        }
        return found
    }

    /// "24~26일": the first number of a range of days is a day too.
    static func beginsDayRange(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index < scalars.count, rangeMarks.contains(scalars[index]) else { return false }
        var after = index + 1
        guard after < scalars.count, NumberAnchors.isDigit(scalars[after]) else { return false }
        _ = NumberAnchors.koreanValue(scalars, from: &after)
        return starts(scalars, at: after, with: "일")
    }

    static let rangeMarks: Set<Unicode.Scalar> = ["~", "∼", "～", "-", "–"]

    static func ordinalSuffix(_ day: Int) -> String {
        if (11...13).contains(day % 100) { return "th" }
        switch day % 10 {
        case 1: return "st"
        case 2: return "nd"
        case 3: return "rd"
        default: return "th"
        }
    }

    /// News style for an amount: 3,000; 250,000; 110 million; 1.2 billion; 3.5 trillion.
    static func amount(_ value: Double) -> String {
        for (scale, word) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] where value >= scale {
            let scaled = value / scale
            let rounded = (scaled * 100).rounded() / 100
            if abs(rounded - scaled) < 1e-9 { return "\(trimmed(rounded)) \(word)" }
        }
        return grouped(value)
    }

    /// A year or other plain figure: digits only.
    static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : trimmed(value)
    }

    private static func grouped(_ value: Double) -> String {
        guard value == value.rounded(), abs(value) < 1e15 else { return trimmed(value) }
        let digits = String(Int64(value))
        var out = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return out
    }

    private static func trimmed(_ value: Double) -> String {
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    private static func starts(_ scalars: [Unicode.Scalar], at index: Int, with word: String) -> Bool {
        let letters = Array(word.unicodeScalars)
        guard index + letters.count <= scalars.count else { return false }
        return Array(scalars[index..<(index + letters.count)]) == letters
    }
}
