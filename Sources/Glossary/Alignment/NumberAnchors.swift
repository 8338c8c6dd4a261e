/// Numbers and months written the Korean way (12조3천억, 1992년, 3월 27일) and the English way (12.3 trillion,
/// 1992, March 27), read to the same values so that a sentence and its translation share them.
///
/// Numbers are the most reliable anchors in news: translators keep them, only in another notation.
enum NumberAnchors {
    /// The number and month anchors of a Korean sentence.
    static func korean(_ text: String) -> [AnchorKey] {
        let scalars = Array(text.unicodeScalars)
        var anchors: [AnchorKey] = []
        var index = 0
        while index < scalars.count {
            guard isDigit(scalars[index]), index == 0 || !isDigit(scalars[index - 1]) else {
                index += 1
                continue
            }
            let value = koreanValue(scalars, from: &index)
            if index < scalars.count, scalars[index] == "월", let month = monthNumber(value) {
                anchors.append(.month(month))
            } else {
                anchors.append(.number(value))
            }
        }
        return anchors
    }

    /// The number and month anchors of an English sentence.
    static func english(_ text: String) -> [AnchorKey] {
        let words = EnglishWords.tokens(text)
        var anchors: [AnchorKey] = []
        var position = 0
        while position < words.count {
            let word = words[position]
            var value: Double?
            if let digits = leadingNumber(word) {
                value = digits * suffixScale(word)
            } else if let spelled = numberWords[word.lowercased()] {
                value = spelled
            } else if let month = months[word], isMonth(word, at: position, in: words) {
                anchors.append(.month(month))
            }
            if var number = value {
                if position + 1 < words.count, let scale = scales[words[position + 1].lowercased()] {
                    number *= scale
                    position += 1
                }
                anchors.append(.number(number))
            }
            position += 1
        }
        return anchors
    }

    /// A Korean numeral from `index`: digit groups joined by the units 십 백 천 (inside a group of four places)
    /// and 만 억 조 (that close a group). Leaves `index` after the numeral.
    static func koreanValue(_ scalars: [Unicode.Scalar], from index: inout Int) -> Double {
        var total = 0.0
        var group = 0.0
        var pending: Double? = digitValue(scalars, from: &index)
        while index < scalars.count {
            let scalar = scalars[index]
            if let unit = smallUnits[scalar] {
                group += (pending ?? 1) * unit
            } else if let unit = largeUnits[scalar] {
                total += (group + (pending ?? 0)) * unit
                group = 0
            } else {
                break
            }
            pending = nil
            index += 1
            if index < scalars.count, isDigit(scalars[index]) { pending = digitValue(scalars, from: &index) }
        }
        return total + group + (pending ?? 0)
    }

    /// Digits with thousands commas and a decimal point ("8,192", "12.3"); leaves `index` after them.
    private static func digitValue(_ scalars: [Unicode.Scalar], from index: inout Int) -> Double {
        var integer = 0.0
        var fraction = 0.0
        var scale = 1.0
        var inFraction = false
        while index < scalars.count {
            let scalar = scalars[index]
            if isDigit(scalar) {
                let digit = Double(scalar.value - 48)
                if inFraction {
                    scale /= 10
                    fraction += digit * scale
                } else {
                    integer = integer * 10 + digit
                }
            } else if (scalar == "," && !inFraction) || (scalar == "." && !inFraction) {
                // A comma or point counts only between digits: "1992." ends a sentence.
                guard index + 1 < scalars.count, isDigit(scalars[index + 1]) else { break }
                if scalar == "." { inFraction = true }
            } else {
                break
            }
            index += 1
        }
        return integer + fraction
    }

    /// The number a word starts with: "1992", "8,192", "27th", "1990s", "$110", "30%".
    private static func leadingNumber(_ word: String) -> Double? {
        var scalars = Array(word.unicodeScalars)
        if let first = scalars.first, first == "$" || first == "€" || first == "£" { scalars.removeFirst() }
        guard let first = scalars.first, isDigit(first) else { return nil }
        var index = 0
        return digitValue(scalars, from: &index)
    }

    /// The scale a number word ends with: "10bn", "$2tn", and "m" for million only after a currency sign ("$5m",
    /// not "300m" meters).
    private static func suffixScale(_ word: String) -> Double {
        let letters = String(word.unicodeScalars.reversed().prefix { $0.properties.isAlphabetic }.reversed().map(Character.init))
        switch letters.lowercased() {
        case "bn": return 1e9
        case "tn": return 1e12
        case "m" where word.first == "$" || word.first == "€" || word.first == "£": return 1e6
        default: return 1
        }
    }

    /// "May" and "March" are months only beside a number ("May 5", "in March 2008") or capitalized mid-text.
    private static func isMonth(_ word: String, at position: Int, in words: [String]) -> Bool {
        guard word.first?.isUppercase == true else { return false }
        let nextIsNumber = position + 1 < words.count && leadingNumber(words[position + 1]) != nil
        let previousIsNumber = position > 0 && leadingNumber(words[position - 1]) != nil
        switch word {
        case "May": return nextIsNumber || previousIsNumber
        case "March": return nextIsNumber || previousIsNumber || position > 0
        default: return true
        }
    }

    static func monthNumber(_ value: Double) -> Int? {
        value >= 1 && value <= 12 && value == value.rounded() ? Int(value) : nil
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 48 && scalar.value <= 57
    }

    private static let smallUnits: [Unicode.Scalar: Double] = ["십": 10, "백": 100, "천": 1_000]
    private static let largeUnits: [Unicode.Scalar: Double] = ["만": 1e4, "억": 1e8, "조": 1e12]
    private static let scales: [String: Double] = [
        "hundred": 100, "thousand": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9, "billions": 1e9, "trillion": 1e12,
    ]
    private static let numberWords: [String: Double] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
        "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
    ]
    private static let months: [String: Int] = [
        "January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6, "July": 7, "August": 8, "September": 9,
        "October": 10, "November": 11, "December": 12, "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8,
        "Sep": 9, "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12,
    ]
}
