/// The word-level knowledge the sound-change table needs: which boundaries are compounds, suffixes or verb endings.
/// Each list is data a linguist can extend; "+" marks the morpheme boundary the entry is about.
enum PronunciationLexicon {
    /// ㄴ/ㄹ insertion (ㄴ 첨가): in compounds and derivations whose second part starts with 이 야 여 요 유, a [ㄴ] is
    /// inserted after a consonant ([ㄹ] after ㄹ). Lexical, so listed: SPR 29 examples plus RR 3-1.2 (학여울, 알약).
    static let insertionCompounds: [String] = [
        // SPR 29, [ㄴ]
        "솜+이불", "홑+이불", "막+일", "삯+일", "맨+입", "꽃+잎", "내복+약", "한+여름", "남존+여비", "신+여성", "색+연필",
        "직행+열차", "늑막+염", "콩+엿", "담+요", "눈+요기", "영업+용", "식용+유", "국민+윤리", "밤+윷",
        // SPR 29 note 1, [ㄹ] after ㄹ
        "들+일", "솔+잎", "설+익다", "물+약", "불+여우", "서울+역", "물+엿", "휘발+유", "유들+유들", "별+일",
        // RR 3-1.2 examples
        "학+여울", "알+약",
        // common compounds of the same kind
        "깻+잎", "나뭇+잎", "부엌+일", "집+일", "논+일", "밭+일", "앞+일", "뒷+일", "옛+일",
    ]

    /// Second elements that insert [ㄴ] after any consonant (잎 "leaf" and 엿 "taffy" are always separate morphemes).
    static let insertingElements: [String] = ["잎", "엿"]

    /// SPR 20 proviso: after a stem of two or more syllables, these Sino-Korean suffixes keep ㄴ + ㄹ as [ㄴㄴ]
    /// (의견란 [의견난], 임진란, 생산량, 횡단로, 신문로, 이원론, 결단력, 공권력, 입원료, 구근류).
    /// 령 (嶺, 대관령 [대괄령]) and 례 are left out: they are not reliably suffixes; see `nasalSuffixCompounds`.
    static let nasalSuffixes: Set<Unicode.Scalar> = ["란", "량", "로", "론", "력", "료", "류"]

    /// SPR 20 proviso words that the suffix rule does not catch.
    static let nasalSuffixCompounds: [String] = ["동원+령", "상견+례"]

    /// ㅎ-syllables that begin a passive/causative suffix (-히-) of a verb: aspiration is written (RR 3-1.4) and ㄷ + 히 is [치].
    static let passiveSuffixH: Set<Unicode.Scalar> = ["히", "혀", "혔", "힌", "힐", "힘", "힙"]

    /// ㅎ-syllables that begin a form of 하다 (하, 해, 했): aspiration is written (착하다 chakada, 깨끗해 kkaekkeutae).
    static let verbSuffixH: Set<Unicode.Scalar> = ["하", "해", "했"]

    /// Nouns whose ㅎ-syllable looks like a verb suffix but is a noun root, so aspiration is not written (RR 3-1.4 proviso).
    static let nounsWithH: [String] = ["북해", "흑해", "백해", "육하", "백하", "국학", "북학"]

    /// SPR 11 proviso applies to verb stems only: these nouns keep [ㄱ] of ㄺ before ㄱ (닭고기 [닥꼬기]).
    static let nounStemsWithRG: Set<Unicode.Scalar> = ["닭", "흙", "칡"]

    /// SPR 10 proviso: the stem 밟- is pronounced with [ㅂ] before a consonant (밟다 [밥따], 밟는 [밤는]).
    static let stemsPronouncedWithB: Set<Unicode.Scalar> = ["밟"]

    /// Tensification (경음화) that the spelling does not show, which McCune–Reischauer and the DPRK system write as a voiceless
    /// consonant and RR ignores (RR 3-1 note): 태권도 [태꿘도] MR t'aekwŏndo. SPR 28: the unwritten 사이시옷 of compound nouns
    /// (문고리 [문꼬리], 길가 [길까], 눈동자 [눈똥자], 강가, 등불, 손재주, 술잔, 바람결, 그믐달, 아침밥); Sino-Korean words
    /// whose second syllable is tense by usage (SPR 26 covers only ㄹ + ㄷㅅㅈ, which the alphabets write already):
    /// 사건 [사껀], 조건, 성격 [성껵], 인격, 한자 [한짜], 문자, 물가 [물까], 평가, 인기 [인끼], 효과 [효꽈], 성과, 내과,
    /// 외과, 헌법 [헌뻡], 문법, 불법, 김밥 [김빱].
    static let tensifiedCompounds: [String] = [
        // SPR 28 examples
        "문+고리", "눈+동자", "신+바람", "손+재주", "길+가", "물+동이", "발+바닥", "술+잔", "바람+결", "그믐+달", "아침+밥",
        "강+가", "초승+달", "등+불", "강+줄기",
        // the same kind, common in news
        "보름+달", "물+고기", "산+길", "물+길", "밤+길", "봄+비", "안+방", "비빔+밥", "김+밥",
        // Sino-Korean, tense by usage (표준국어대사전 pronunciations)
        "사+건", "조+건", "성+격", "인+격", "한+자", "문+자", "물+가", "평+가", "인+기", "효+과", "성+과", "내+과", "외+과",
        "헌+법", "문+법", "불+법", "여+권", "정+권", "인+권", "주+권", "대+권", "기+권", "태+권", "증+권", "복+권",
        "채+권", "소유+권", "선거+권", "저작+권", "입장+권",
    ]

    /// Fixed expressions written as separate words (RR 3-1 treats them word by word): 대한민국 Daehan Minguk.
    static let spacedCompounds: [String: String] = ["대한민국": "대한 민국"]
}
