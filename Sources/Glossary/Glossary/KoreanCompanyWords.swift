/// Words that follow a company's short name in Korean news (현대 측, 한화 그룹, 대우 회장).
///
/// A company named with a common word — 현대 "modern", 기아 "hunger", 대우 "treatment", 한화 "Korean money" — is
/// that word more often than the company, so recognition takes such a name only with one of these after it, as a
/// separate word or as the word's tail (현대그룹은). Its full names (현대자동차, Hyundai) need nothing.
enum KoreanCompanyWords {
    static let words: Set<String> = [
        "그룹", "계열", "계열사", "측", "회장", "명예회장", "부회장", "사장", "총수", "일가", "오너", "창업주", "경영진", "임직원", "직원",
        "노조", "본사", "주가", "주식", "지주사", "브랜드", "공장", "매장",
    ]

    static let longestWord = words.map(\.count).max() ?? 1

    /// Whether a company word follows the name ending at `end`: as the rest of its word or as the next word.
    static func follows(_ scalars: [Unicode.Scalar], after end: Int) -> Bool {
        KoreanTitles.wordFollows(scalars, after: end, from: words, longest: longestWord)
    }
}
