/// Long compound nouns written as separate words, as McCune–Reischauer (ALA-LC word division) and RR (3-1, by word)
/// print them: 조선민주주의인민공화국 → Chosŏn Minjujuŭi Inmin Konghwaguk. Korean writes such names without spaces, so the
/// division comes from a dictionary: each part is a two-syllable Sino-Korean word (`SinoKoreanWords`), optionally with
/// one Sino-Korean suffix syllable (공화+국, 위원+회) or an attached suffix word (민주+주의). DPRK spellings are looked
/// up by their Southern form (로동 as 노동: the initial-sound law, 두음 법칙).
enum CompoundDivision {
    /// Shorter words are left whole: a five-syllable name is as often a person's name and a title (김일성광장) as a compound.
    static let minimumSyllables = 6

    /// Suffix words that stay with the word before them (ALA-LC: -chuŭi "-ism" is not written apart).
    static let attachedSuffixes: Set<[Unicode.Scalar]> = Set(["주의", "주의자"].map { Array($0.unicodeScalars) })

    /// Suffix syllables that make a noun of the word before them (-국 country, -당 party, -회 committee, -부 ministry …).
    static let suffixSyllables: Set<Unicode.Scalar> = [
        "국", "당", "회", "부", "청", "원", "군", "단", "관", "장", "소", "사", "학", "법", "권", "론", "력", "적", "성", "화", "자", "가", "인",
        "계", "층", "측", "제", "대", "실", "과", "처", "주", "도", "시", "구", "궁", "문", "산", "강", "항", "역", "탑", "비", "전", "선",
    ]

    /// The initial-sound law (한글 맞춤법 10-12): a word-initial ㄹ is ㄴ, and silent before these vowels (리 → 이, 력 → 역).
    static let initialSoundLawSilentBefore: Set<UInt8> = Set("ㅑㅕㅖㅛㅠㅣ".map(Hangul.vowel))

    /// The Southern spellings of a DPRK initial ㄹ (로동 → 노동, 리론 → 이론, 력사 → 역사), the word itself first.
    static func dictionaryForms(_ pair: ArraySlice<Unicode.Scalar>) -> [String] {
        var forms = [String(String.UnicodeScalarView(pair))]
        if let first = pair.first.flatMap(Hangul.syllable), first.lead == Lead.rieul {
            let lead = initialSoundLawSilentBefore.contains(first.vowel) ? Lead.ieung : Lead.nieun
            var southern = String.UnicodeScalarView()
            southern.append(Hangul.scalar(Hangul.Syllable(lead: lead, vowel: first.vowel, tail: first.tail)))
            southern.append(contentsOf: pair.dropFirst())
            forms.append(String(southern))
        }
        return forms
    }

    /// The parts of `word`, or nil when it is short or cannot be covered by dictionary words.
    static func divide(_ word: [Unicode.Scalar]) -> [[Unicode.Scalar]]? {
        guard word.count >= minimumSyllables, word.allSatisfy(Hangul.isSyllable) else { return nil }
        let count = word.count
        // cost[i]: (parts, single suffix syllables) of the best division of word[0..<i]; fewer parts first.
        var cost = [(parts: Int, singles: Int)?](repeating: nil, count: count + 1)
        var start = [Int](repeating: -1, count: count + 1)
        cost[0] = (0, 0)
        for index in 0..<count {
            guard let here = cost[index], index + 2 <= count, dictionaryForms(word[index..<(index + 2)]).contains(where: SinoKoreanWords.contains)
            else { continue }
            var ends: [(end: Int, singles: Int)] = [(index + 2, 0)]
            if index + 3 <= count, suffixSyllables.contains(word[index + 2]) { ends.append((index + 3, 1)) }
            for suffix in attachedSuffixes where index + 2 + suffix.count <= count && Array(word[(index + 2)..<(index + 2 + suffix.count)]) == suffix
            {
                ends.append((index + 2 + suffix.count, 0))
            }
            for (end, singles) in ends {
                let candidate = (parts: here.parts + 1, singles: here.singles + singles)
                if let best = cost[end], (best.parts, best.singles) <= (candidate.parts, candidate.singles) { continue }
                cost[end] = candidate
                start[end] = index
            }
        }
        guard cost[count] != nil else { return nil }
        var parts: [[Unicode.Scalar]] = []
        var end = count
        while end > 0 {
            let begin = start[end]
            parts.append(Array(word[begin..<end]))
            end = begin
        }
        return parts.count > 1 ? parts.reversed() : nil
    }
}
