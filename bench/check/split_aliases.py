"""Splits the variants of the bundled glossary into off-style spellings and aliases, by rule (run once, on the
`glossaries/*.tsv` files; prints what it moved).

A variant stays an **off-style spelling** (flagged with the house form) when it is a respelling of the house form:
its letters, lower-cased without spaces, hyphens or dots, are within 50 % edit distance of the house form's (Kim Jong
Un / Kim Jong-un, Andrey / Andrei Rudenko, Pyeongyang / Pyongyang, Soul / Seoul). It becomes an **alias** (accepted,
never flagged) when it is another name for the entity: an acronym (EU, UK, KCNA), different words (Britain, America,
Xinhua for Xinhua News Agency, Unification Ministry for Ministry of Unification), or the house form with or without a
leading "The". Hangul variants stay variants, and so do all other spellings of Korean people's names (the
people-south and people-north files): for them a reordered or respelled name is off style (Se Ri Pak, Jo Hui-dae).

Usage: python3 split_aliases.py glossaries/*.tsv
"""
import sys


def letters(text):
    return "".join(c for c in text.lower() if c.isalnum())


def distance(a, b):
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def is_hangul(text):
    return any("\uac00" <= c <= "\ud7a3" for c in text)


def is_acronym(text):
    alphabetic = [c for c in text if c.isalpha()]
    return len(alphabetic) >= 2 and all(c.isupper() for c in alphabetic)


def without_article(text):
    return text[4:] if text.lower().startswith("the ") else text


def is_alias(variant, house, korean_person):
    if is_hangul(variant):
        return False
    if is_acronym(variant) and not is_acronym(house):
        return True
    if korean_person:
        return False
    if without_article(variant).lower() == without_article(house).lower():
        return True
    a, b = letters(variant), letters(house)
    return distance(a, b) > 0.5 * max(len(a), len(b), 1)


for path in sys.argv[1:]:
    lines = open(path, encoding="utf-8").read().splitlines()
    header = lines[0].split("\t")
    if "aliases" in header:
        print(f"{path}: already split")
        continue
    out = ["\t".join(header + ["aliases"])]
    moved = 0
    for line in lines[1:]:
        fields = line.split("\t")
        row = dict(zip(header, fields))
        variants = [v for v in row["variants"].split("|") if v]
        korean_person = path.split("/")[-1].startswith(("people-south", "people-north"))
        aliases = [v for v in variants if is_alias(v, row["english"], korean_person)]
        kept = [v for v in variants if v not in aliases]
        moved += len(aliases)
        for alias in aliases:
            print(f"  alias  {row['english']} ← {alias}")
        row["variants"] = "|".join(kept)
        out.append("\t".join([row[name] for name in header] + ["|".join(aliases)]))
    open(path, "w", encoding="utf-8").write("\n".join(out) + "\n")
    print(f"{path}: {moved} variants became aliases")
