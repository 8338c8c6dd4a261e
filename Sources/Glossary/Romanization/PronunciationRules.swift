/// Where in a word a (coda, onset) pair stands, as far as the sound-change table cares.
/// Most pairs change the same way everywhere (`.anywhere`); a few rules of the Standard Pronunciation (SPR)
/// depend on the morphemes around the boundary, which the lexicon decides (see `PronunciationLexicon`).
enum BoundaryContext: Int, CaseIterable, Sendable {
    /// No lexical condition.
    case anywhere
    /// Onset ㅇ followed by the vowel ㅣ (a suffix 이): palatalization, SPR 17.
    case beforeVowelI
    /// Onset ㅎ of a passive/causative suffix 히/혀…: aspiration written and ㄷ palatalized (SPR 12-1 note 1, SPR 17 note; RR 3-1.4).
    case passiveSuffixH
    /// Onset ㅎ of a 하다-verb form 하/해/했: aspiration written (SPR 12-1 note 1; RR 3-1.4).
    case verbSuffixH
    /// ㄴ + ㄹ before a Sino-Korean suffix such as 란 량 론 력: [ㄴㄴ] (SPR 20 proviso).
    case nasalSuffix
    /// ㄺ before ㄱ in a noun (닭고기): the ㄱ is kept, not the ㄹ (SPR 11 proviso applies to verb stems only).
    case nounStem
}

/// One row of the sound-change table: the codas and onsets it applies to, what they become, and the article it implements.
/// `coda`/`onset` of the result are compatibility letters; `""` means "no coda" and `nil` means "unchanged".
struct PronunciationRule: Sendable {
    let codas: String
    let onsets: String
    let context: [BoundaryContext]
    let newCoda: String?
    let newOnset: String?
    let article: String

    init(
        _ codas: String, _ onsets: String, _ context: [BoundaryContext] = [.anywhere],
        coda newCoda: String? = nil, onset newOnset: String? = nil, _ article: String
    ) {
        self.codas = codas
        self.onsets = onsets
        self.context = context
        self.newCoda = newCoda
        self.newOnset = newOnset
        self.article = article
    }
}

extension Pronunciation {
    /// The sound changes between a syllable's coda and the next syllable's onset, after the Standard Pronunciation rules
    /// (표준 발음법, NIKL 1988/2017) as used by the Revised Romanization (2000, rev. 2014), article 3-1.
    /// Rows are read in order and a later row overrides an earlier one for the same (coda, onset, context).
    /// Codas left unchanged are neutralized afterwards by `codaNeutralization` (SPR 9-11); tensification (SPR 23-28) is
    /// never written in RR, so it has no row; MR and DPRK render it from the context (see `PhoneticAlphabet`).
    static let rules: [PronunciationRule] = [
        // Liaison (연음): a coda before a vowel moves to the onset; of a cluster only the second letter moves.
        .init("ㄱ", "ㅇ", coda: "", onset: "ㄱ", "SPR 13"),
        .init("ㄲ", "ㅇ", coda: "", onset: "ㄲ", "SPR 13"),
        .init("ㄴ", "ㅇ", coda: "", onset: "ㄴ", "SPR 13"),
        .init("ㄷ", "ㅇ", coda: "", onset: "ㄷ", "SPR 13"),
        .init("ㄹ", "ㅇ", coda: "", onset: "ㄹ", "SPR 13"),
        .init("ㅁ", "ㅇ", coda: "", onset: "ㅁ", "SPR 13"),
        .init("ㅂ", "ㅇ", coda: "", onset: "ㅂ", "SPR 13"),
        .init("ㅅ", "ㅇ", coda: "", onset: "ㅅ", "SPR 13"),
        .init("ㅆ", "ㅇ", coda: "", onset: "ㅆ", "SPR 13"),
        .init("ㅈ", "ㅇ", coda: "", onset: "ㅈ", "SPR 13"),
        .init("ㅊ", "ㅇ", coda: "", onset: "ㅊ", "SPR 13"),
        .init("ㅋ", "ㅇ", coda: "", onset: "ㅋ", "SPR 13"),
        .init("ㅌ", "ㅇ", coda: "", onset: "ㅌ", "SPR 13"),
        .init("ㅍ", "ㅇ", coda: "", onset: "ㅍ", "SPR 13"),
        .init("ㄳ", "ㅇ", coda: "ㄱ", onset: "ㅅ", "SPR 14 (ㅅ pronounced tense, written s)"),
        .init("ㄵ", "ㅇ", coda: "ㄴ", onset: "ㅈ", "SPR 14"),
        .init("ㄺ", "ㅇ", coda: "ㄹ", onset: "ㄱ", "SPR 14"),
        .init("ㄻ", "ㅇ", coda: "ㄹ", onset: "ㅁ", "SPR 14"),
        .init("ㄼ", "ㅇ", coda: "ㄹ", onset: "ㅂ", "SPR 14"),
        .init("ㄽ", "ㅇ", coda: "ㄹ", onset: "ㅅ", "SPR 14"),
        .init("ㄾ", "ㅇ", coda: "ㄹ", onset: "ㅌ", "SPR 14"),
        .init("ㄿ", "ㅇ", coda: "ㄹ", onset: "ㅍ", "SPR 14"),
        .init("ㅄ", "ㅇ", coda: "ㅂ", onset: "ㅅ", "SPR 14"),
        // ㅎ deletion (ㅎ 탈락): 좋아 [조아], 많아 [마나], 싫어 [시러].
        .init("ㅎ", "ㅇ", coda: "", "SPR 12-4"),
        .init("ㄶ", "ㅇ", coda: "", onset: "ㄴ", "SPR 12-4"),
        .init("ㅀ", "ㅇ", coda: "", onset: "ㄹ", "SPR 12-4"),
        // Palatalization (구개음화) before the suffix 이: 해돋이 [해도지], 같이 [가치], 핥이다 [할치다].
        .init("ㄷ", "ㅇ", [.beforeVowelI], coda: "", onset: "ㅈ", "SPR 17; RR 3-1.3"),
        .init("ㅌ", "ㅇ", [.beforeVowelI], coda: "", onset: "ㅊ", "SPR 17; RR 3-1.3"),
        .init("ㄾ", "ㅇ", [.beforeVowelI], coda: "ㄹ", onset: "ㅊ", "SPR 17; RR 3-1.3"),
        // Aspiration (거센소리되기) of ㄱㄷㅈ after ㅎ: 좋고 [조코], 놓다 [노타], 않던 [안턴], 앓고 [알코].
        .init("ㅎ", "ㄱ", coda: "", onset: "ㅋ", "SPR 12-1; RR 3-1.4"),
        .init("ㅎ", "ㄷ", coda: "", onset: "ㅌ", "SPR 12-1; RR 3-1.4"),
        .init("ㅎ", "ㅈ", coda: "", onset: "ㅊ", "SPR 12-1; RR 3-1.4"),
        .init("ㄶ", "ㄱ", coda: "ㄴ", onset: "ㅋ", "SPR 12-1; RR 3-1.4"),
        .init("ㄶ", "ㄷ", coda: "ㄴ", onset: "ㅌ", "SPR 12-1; RR 3-1.4"),
        .init("ㄶ", "ㅈ", coda: "ㄴ", onset: "ㅊ", "SPR 12-1; RR 3-1.4"),
        .init("ㅀ", "ㄱ", coda: "ㄹ", onset: "ㅋ", "SPR 12-1; RR 3-1.4"),
        .init("ㅀ", "ㄷ", coda: "ㄹ", onset: "ㅌ", "SPR 12-1; RR 3-1.4"),
        .init("ㅀ", "ㅈ", coda: "ㄹ", onset: "ㅊ", "SPR 12-1; RR 3-1.4"),
        // ㅎ + ㅅ → [ㅆ], written s: 좋소 [조쏘].
        .init("ㅎ", "ㅅ", coda: "", "SPR 12-2"),
        .init("ㄶ", "ㅅ", coda: "ㄴ", "SPR 12-2"),
        .init("ㅀ", "ㅅ", coda: "ㄹ", "SPR 12-2"),
        // ㅎ + ㄴ → [ㄴㄴ]: 놓는 [논는], 않네 [안네]; ㅀ + ㄴ → [ㄹㄹ]: 뚫는 [뚤른].
        .init("ㅎ", "ㄴ", coda: "ㄴ", "SPR 12-3"),
        .init("ㄶ", "ㄴ", coda: "ㄴ", "SPR 12-3"),
        .init("ㅀ", "ㄴ", coda: "ㄹ", onset: "ㄹ", "SPR 12-3 note; SPR 20"),
        // Aspiration with a following ㅎ: written in verbs (잡혀 japyeo, 밝히다 balkida), not in nouns (묵호 Mukho), RR 3-1.4 proviso.
        .init("ㄱㄲㅋㄳ", "ㅎ", [.passiveSuffixH, .verbSuffixH], coda: "", onset: "ㅋ", "SPR 12-1 note 1; RR 3-1.4"),
        .init("ㄺ", "ㅎ", [.passiveSuffixH, .verbSuffixH], coda: "ㄹ", onset: "ㅋ", "SPR 12-1 note 1; RR 3-1.4"),
        .init("ㅂㅍㅄ", "ㅎ", [.passiveSuffixH, .verbSuffixH], coda: "", onset: "ㅍ", "SPR 12-1 note 1; RR 3-1.4"),
        .init("ㄼ", "ㅎ", [.passiveSuffixH, .verbSuffixH], coda: "ㄹ", onset: "ㅍ", "SPR 12-1 note 1; RR 3-1.4"),
        .init("ㄷㅅㅆㅌ", "ㅎ", [.verbSuffixH], coda: "", onset: "ㅌ", "SPR 12-1 note 1 (깨끗해 [깨끄태])"),
        .init("ㅈㅊ", "ㅎ", [.passiveSuffixH, .verbSuffixH], coda: "", onset: "ㅊ", "SPR 12-1 note 1 (맞히다 [마치다])"),
        .init("ㄷㅌ", "ㅎ", [.passiveSuffixH], coda: "", onset: "ㅊ", "SPR 17 note (굳히다 [구치다]); RR 3-1.3"),
        .init("ㄵ", "ㅎ", [.passiveSuffixH, .verbSuffixH], coda: "ㄴ", onset: "ㅊ", "SPR 12-1 note 1 (앉히다 [안치다])"),
        // Nasalization (비음화) of obstruent codas before ㄴ ㅁ: 백마 [뱅마], 깎는 [깡는], 있는 [인는], 읊는 [음는].
        .init("ㄱㄲㅋㄳㄺ", "ㄴㅁ", coda: "ㅇ", "SPR 18; RR 3-1.1"),
        .init("ㄷㅅㅆㅈㅊㅌ", "ㄴㅁ", coda: "ㄴ", "SPR 18; RR 3-1.1"),
        .init("ㅂㅍㅄㄿ", "ㄴㅁ", coda: "ㅁ", "SPR 18; RR 3-1.1"),
        .init("ㅎ", "ㅁ", coda: "ㄴ", "SPR 18 (ㅎ is [ㄷ] before a consonant)"),
        // ㄹ after ㅁ ㅇ is [ㄴ]: 침략 [침냑], 종로 [종노], 대통령 [대통녕].
        .init("ㅁㅇㄻ", "ㄹ", onset: "ㄴ", "SPR 19; RR 3-1.1"),
        // ㄹ after an obstruent is [ㄴ], which then nasalizes the obstruent: 국립 [궁닙], 십리 [심니], 협력 [혐녁].
        .init("ㄱㄲㅋㄳㄺ", "ㄹ", coda: "ㅇ", onset: "ㄴ", "SPR 19 note; SPR 18; RR 3-1.1"),
        .init("ㅂㅍㅄㄿ", "ㄹ", coda: "ㅁ", onset: "ㄴ", "SPR 19 note; SPR 18; RR 3-1.1"),
        .init("ㄷㅅㅆㅈㅊㅌ", "ㄹ", coda: "ㄴ", onset: "ㄴ", "SPR 19 note; SPR 18"),
        // Lateralization (유음화): 신라 [실라], 난로 [날로], 별내 [별래], 핥네 [할레].
        .init("ㄴ", "ㄹ", coda: "ㄹ", onset: "ㄹ", "SPR 20; RR 3-1.1"),
        .init("ㄹㄽㄾㄼ", "ㄴ", coda: "ㄹ", onset: "ㄹ", "SPR 20; RR 3-1.1"),
        // …except before Sino-Korean suffixes, where ㄴ + ㄹ is [ㄴㄴ]: 의견란 [의견난], 생산량 [생산냥].
        .init("ㄴ", "ㄹ", [.nasalSuffix], coda: "ㄴ", onset: "ㄴ", "SPR 20 proviso"),
        .init("ㄵ", "ㄹ", coda: "ㄴ", onset: "ㄴ", "SPR 20 proviso (cluster simplified to ㄴ first)"),
        // Cluster ㄺ before ㄱ is [ㄹ] in verb stems (읽고 [일꼬], 맑게 [말께]); nouns keep [ㄱ] (닭고기 [닥꼬기]).
        .init("ㄺ", "ㄱ", coda: "ㄹ", "SPR 11 proviso"),
        .init("ㄺ", "ㄱ", [.nounStem], coda: "ㄱ", "SPR 11"),
    ]

    /// ㄴ insertion (SPR 29): the vowels of a second element before which [ㄴ] is inserted (이 야 여 요 유).
    static let insertionVowels = "ㅣㅑㅕㅛㅠ"
    /// …and the codas after which the inserted sound is [ㄹ] instead (SPR 29 note 1: 솔잎 [솔립], 물약 [물략]).
    static let lateralInsertionCodas = "ㄹㄼㄽㄾㅀ"

    /// Coda neutralization and cluster simplification: what a coda sounds like before a consonant or at the end.
    static let codaNeutralization: [(codas: String, sound: String, article: String)] = [
        ("ㄱㄲㅋㄳㄺ", "ㄱ", "SPR 9, 10, 11 (닭 [닥], 넋 [넉])"),
        ("ㄴㄵㄶ", "ㄴ", "SPR 10 (앉다 [안따])"),
        ("ㄷㅅㅆㅈㅊㅌㅎ", "ㄷ", "SPR 9 (꽃 [꼳], 있다 [읻따])"),
        ("ㄹㄼㄽㄾㅀ", "ㄹ", "SPR 10 (여덟 [여덜])"),
        ("ㅁㄻ", "ㅁ", "SPR 11 (삶 [삼])"),
        ("ㅂㅍㅄㄿ", "ㅂ", "SPR 9, 10, 11 (값 [갑], 읊다 [읍따])"),
        ("ㅇ", "ㅇ", "SPR 8"),
    ]
}
