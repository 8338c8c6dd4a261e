/// Titles, honorifics and role nouns that follow a person's name in Korean news (조국 장관, 공유 씨, 장면 전 총리).
///
/// A Korean name of two syllables is also a common word more often than not — 장면 "scene", 조국 "homeland", 공유
/// "sharing" — so recognition takes such a name only when one of these comes right after it, as a separate word or
/// as the word's tail (조국씨는).
enum KoreanTitles {
    static let titles: Set<String> = [
        // Honorifics and former office.
        "씨", "님", "군", "양", "옹", "여사", "전", "前", "현",
        // Offices.
        "대통령", "총리", "국무총리", "장관", "차관", "의원", "국회의원", "의장", "대표", "위원장", "위원", "비서실장", "실장",
        "청장", "처장", "원장", "총장", "지사", "시장", "군수", "구청장", "대사", "총영사", "특사", "대변인", "후보", "당선인",
        "당선자", "총재", "부총리", "수석", "비서관", "판사", "검사", "검찰총장", "대법원장", "국장", "부장", "주석", "서기",
        // Professions.
        "교수", "박사", "감독", "선수", "배우", "가수", "작가", "기자", "회장", "사장", "대표이사", "변호사", "목사", "신부", "스님",
    ]

    static let longestTitle = titles.map(\.count).max() ?? 1

    /// Whether a title follows the name ending at `end`: as the rest of its word (조국씨는) or as the next word.
    static func follows(_ scalars: [Unicode.Scalar], after end: Int) -> Bool {
        wordFollows(scalars, after: end, from: titles, longest: longestTitle)
    }

    /// Whether one of `words` follows `end`: as the rest of the word there or as the next word.
    static func wordFollows(_ scalars: [Unicode.Scalar], after end: Int, from words: Set<String>, longest: Int) -> Bool {
        if end < scalars.count, Hangul.isSyllable(scalars[end]) { return starts(scalars, at: end, with: words, longest: longest) }
        var next = end
        while next < scalars.count, scalars[next] == " " || scalars[next] == "\u{00A0}" { next += 1 }
        return next > end && starts(scalars, at: next, with: words, longest: longest)
    }

    /// Whether `scalars` at `index` start with one of `words` (followed by the end of the word or particles).
    private static func starts(_ scalars: [Unicode.Scalar], at index: Int, with words: Set<String>, longest: Int) -> Bool {
        var wordEnd = index
        while wordEnd < scalars.count, Hangul.isSyllable(scalars[wordEnd]) { wordEnd += 1 }
        guard wordEnd > index else { return false }
        for length in 1...min(longest, wordEnd - index) {
            let head = String(String.UnicodeScalarView(scalars[index..<(index + length)]))
            if words.contains(head), KoreanParticles.isParticleTail(scalars[(index + length)..<wordEnd]) { return true }
        }
        return false
    }
}
