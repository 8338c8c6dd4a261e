"""Foreign names written in Hangul, with their English, to measure tm's loanword guess (issue #15): the names no one
here wrote come from ICU's locale data (every region's Korean and English display name, libicuuc through ctypes);
the glossary's foreign people (the surname as Korean news writes it, and its English) and foreign places add the
names of the news. Writes bench/names/foreign-names.tsv (hangul, english, source).

Usage: python3 bench/names/make_foreign_names.py
"""
import csv, json, os, re

from make_countries import region_name

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
rows = []
codes = [entry["alpha_2"] for entry in json.load(open("/usr/share/iso-codes/json/iso_3166-1.json"))["3166-1"]]
for code in codes:
    korean, english = region_name(code, "ko"), region_name(code, "en")
    if korean and english and re.fullmatch(r"[가-힣]+", korean) and code not in ("KR", "KP"):
        rows.append((korean, english, "ICU region " + code))

for name in ("people-foreign.tsv", "places.tsv"):
    with open(os.path.join(root, "glossaries", name), encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            hangul, country = row["hangul"], row.get("country") or ""
            if not re.fullmatch(r"[가-힣]+", hangul) or country in ("", "KR", "KP", "CN", "JP", "TW", "HK", "VN"):
                continue  # Chinese, Japanese and Vietnamese names follow their own Korean spelling rules
            forms = [row["english"]] + [f for f in (row["variants"] + "|" + (row.get("aliases") or "")).split("|") if f]
            # The English word that the Hangul writes: a single-word form, else the last word of the name.
            single = [f for f in forms if re.fullmatch(r"[A-Za-z\-]+", f)]
            english = single[0] if single else row["english"].split()[-1]
            rows.append((hangul, english, "glossary " + name))

seen, unique = set(), []
for row in rows:
    if row[0] not in seen:
        seen.add(row[0])
        unique.append(row)
with open(os.path.join(here, "foreign-names.tsv"), "w", encoding="utf-8") as out:
    out.write("hangul\tenglish\tsource\n")
    for row in unique:
        out.write("\t".join(row) + "\n")
print(f"{len(unique)} names")
