"""Adds the `country` column (ISO 3166-1 alpha-2) to the bundled glossary TSVs, once, from what each row's note
already says; rows whose note names no country stay empty. Printed for review; run again it changes nothing.

Usage: python3 bench/check/assign_countries.py glossaries/*.tsv
"""
import re, sys

# The first pattern that matches a note (or, for a country row, the English name) decides; order matters
# ("Russian border settlement opposite Rajin" is Russian, "DPRK port in Rason" is North Korean).
NOTE_COUNTRIES = [
    (r"^(ROK|South Korea|South Korean|Korean short form of 더불어|Korean dynasty|Seoul|Incheon|Jeju)\b", "KR"),
    (r"^(DPRK|North Korea|North Korean|Pyongyang)\b", "KP"),
    (r"^(US|U\.S\.|American|NBA|Tesla)\b", "US"),
    (r"^(Russian|Russia's|Kremlin|Soviet|Wagner|secretary of Russia|deputy chairman of Russia|chief of Russia|eastern region of Russia)\b", "RU"),
    (r"^(Ukrainian|Ukraine's|head of Ukraine|region of eastern Ukraine|eastern Ukrainian)\b", "UA"),
    (r"^(Chinese|China's|founder of the People's Republic|chairman of China|capital of Liaoning|gate and square in Beijing|capital of Yanbian|self-governing island)\b", "CN"),
    (r"^(Japanese|emperor of Japan)\b", "JP"),
    (r"^(Vietnamese|general secretary of the Communist Party of Vietnam)\b", "VN"),
    (r"^(Malaysian)\b", "MY"),
    (r"^(French)\b", "FR"),
    (r"^(German)\b", "DE"),
    (r"^(British)\b", "GB"),
    (r"^(Indian)\b", "IN"),
    (r"^(Belarusian)\b", "BY"),
    (r"^(Israeli)\b", "IL"),
    (r"^(Turkish)\b", "TR"),
    (r"^(Swiss)\b", "CH"),
    (r"^(Palestinian)\b", "PS"),
    (r"^(Russian presidential seat)\b", "RU"),
    (r"^(peninsula annexed by Russia)\b", "UA"),
    (r"^(2018 Trump-Kim summit venue)\b", "SG"),
    (r"^(Vietnamese capital)\b", "VN"),
]
COUNTRY_NAMES = {
    "Russia": "RU", "Ukraine": "UA", "Belarus": "BY", "China": "CN", "Taiwan": "TW", "Hong Kong": "HK", "Mongolia": "MN",
    "Japan": "JP", "United States": "US", "Singapore": "SG", "Vietnam": "VN", "Laos": "LA", "Cuba": "CU", "Malaysia": "MY",
    "Thailand": "TH", "Philippines": "PH", "India": "IN", "Iran": "IR", "Israel": "IL", "Syria": "SY",
    "United Kingdom": "GB", "France": "FR", "Germany": "DE", "Sweden": "SE", "Canada": "CA", "Australia": "AU",
    "South Korea": "KR", "Republic of Korea": "KR", "North Korea": "KP", "Democratic People's Republic of Korea": "KP",
}
# Rows whose note does not say it in a way the patterns read, decided by hand (reviewed 2026-12-03).
BY_HAND = {
    "KR": "민주당 국정원 합참 제주특별자치도 도라산 임진각 데일리NK 코리아중앙데일리 삼성전자 삼성바이오로직스 현대자동차 현대아산 HD현대 현대로템 "
          "SK하이닉스 LG전자 대우 한화에어로스페이스 한화오션 한국항공우주산업 LIG넥스원 포스코 네이버 카카오 쿠팡 셀트리온 신세계 제주항공 "
          "한국전력 한국수력원자력 하이브 SM엔터테인먼트 방탄소년단 블랙핑크 뉴진스 서울대학교 서울대 고려대학교 연세대학교 한국과학기술원 "
          "포항공과대학교 이화여자대학교 성균관대학교 한양대학교 한국외국어대학교 북한대학원대학교 국가안보전략연구원",
    "KP": "노동당 중앙군사위원회 총정치국 총참모부 인민무력부 통일전선부 조국평화통일위원회 노동신문 개성공단 동창리 금수산태양궁전 "
          "선군 천리마 병진 김일성-김정일주의 백두혈통 장마당 꽃제비 총비서 국무위원장 당대회 전원회의",
    "US": "38노스 미주중앙일보 로드먼 브런슨 라캐머라",
    "RU": "고르바초프 루스키섬",
    "JP": "손정의",
    # Generic: a nuclear test or a news site about the North is no one country's.
    "": "핵실험 NK뉴스",
}
BY_HAND = {hangul: code for code, names in BY_HAND.items() for hangul in names.split()}
# Rows in the people files belong to their side of the border whatever the note says.
FILE_COUNTRIES = {"people-south.tsv": "KR", "people-north.tsv": "KP"}


def country(file, row):
    if row["hangul"] in BY_HAND:
        return BY_HAND[row["hangul"]]
    if file in FILE_COUNTRIES:
        return FILE_COUNTRIES[file]
    if row["english"] in COUNTRY_NAMES:
        return COUNTRY_NAMES[row["english"]]
    for pattern, code in NOTE_COUNTRIES:
        if re.search(pattern, row["note"]):
            return code
    # A Korean place's note says where in Korea it is.
    if file == "places.tsv":
        if re.search(r"\b(DPRK|North Korea|North Korean|North Pyongan|South Pyongan|Hamgyong|Chagang|Ryanggang|Hwanghae|Pyongyang|Rason|Wonsan)\b", row["note"]):
            return "KP"
        if re.search(r"\b(ROK|South Korea|Gyeonggi|Gangwon|Chungcheong|Jeolla|Gyeongsang|Jeju|Seoul|Incheon|Seongnam|Pyeongtaek|Changwon|East Sea)\b", row["note"]):
            return "KR"
    return ""


for path in sys.argv[1:]:
    file = path.rsplit("/", 1)[-1]
    lines = open(path, encoding="utf-8").read().splitlines()
    header = lines[0].split("\t")
    if "country" not in header:
        header.append("country")
    out = ["\t".join(header)]
    for line in lines[1:]:
        fields = line.split("\t")
        fields += [""] * (len(header) - len(fields))
        row = dict(zip(header, fields))
        row["country"] = row["country"] or country(file, row)
        print(f"{file}\t{row['country'] or '--'}\t{row['hangul']}\t{row['english']}\t{row['note'][:60]}")
        out.append("\t".join(row[name] for name in header))
    open(path, "w", encoding="utf-8").write("\n".join(out) + "\n")
