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

    /// Whether `scalars` at `index` start with a title (followed by the end of the word or particles).
    static func startsWithTitle(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        var wordEnd = index
        while wordEnd < scalars.count, Hangul.isSyllable(scalars[wordEnd]) { wordEnd += 1 }
        guard wordEnd > index else { return false }
        for length in 1...min(longestTitle, wordEnd - index) {
            let head = String(String.UnicodeScalarView(scalars[index..<(index + length)]))
            if titles.contains(head), KoreanParticles.isParticleTail(scalars[(index + length)..<wordEnd]) { return true }
        }
        return false
    }
}
