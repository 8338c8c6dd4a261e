"""Romanization against lists no one here wrote (the dev thirds in ../shared/data/realworld; the held-out two thirds
are measured the same way): KOSTAT 2018 official place names, National Assembly members' and K-pop idols' own
spellings, KCNA spellings of North Korean officials. Runs the release `tm romanize` once per set on all its rows.

Also the loanword guess on bench/names/foreign-names.tsv (see make_foreign_names.py).

Usage: python3 bench/names/evaluate.py TM_BINARY REALWORLD_DIR [--show N]
"""
import collections, json, os, re, subprocess, sys

binary, folder = sys.argv[1], sys.argv[2]
show = int(sys.argv[sys.argv.index("--show") + 1]) if "--show" in sys.argv else 0


def rows(name):
    lines = open(f"{folder}/{name}", encoding="utf-8").read().splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


def romanize(texts, *arguments):
    out = subprocess.run([binary, "romanize", "--json", *arguments], input="\n".join(texts) + "\n", capture_output=True,
                         text=True, check=True).stdout.splitlines()
    return [json.loads(line) for line in out]


def loose(text):
    return re.sub(r"[\s\-'’,.]", "", text).lower()


# McCune–Reischauer vectors (../shared/data/romanization/mr.tsv, beside REALWORLD_DIR's parent): kind from the rule
# column as the tests take it (places, personal names in strict style), capitalized like the expected form.
mr_file = os.path.join(os.path.dirname(os.path.abspath(folder)), "romanization", "mr.tsv")
if os.path.exists(mr_file):
    vectors = [line.split("\t") for line in open(mr_file, encoding="utf-8").read().splitlines()[1:] if line]
    groups = collections.defaultdict(list)
    for v in vectors:
        rule = v[2]
        if any(rule.startswith(p) for p in ("admin_unit", "feature_name", "proper_noun", "province")): key = ("--kind", "place")
        elif rule.startswith("personal_name"): key = ("--kind", "name", "--style", "strict")
        else: key = ("--kind", "word")
        groups[key].append(v)
    hits, misses = 0, []
    for key, members in groups.items():
        for v, got in zip(members, romanize([v[0] for v in members], "--system", "mr", *key)):
            expected = v[1].split("|")
            out = got["output"]
            if key[1] == "word" and expected[0][:1].isupper():
                out = " ".join(w[:1].upper() + w[1:] for w in out.split(" "))
            if out in expected: hits += 1
            else: misses.append(f"{v[0]}: {out} (expected {v[1]})")
    print(f"McCune–Reischauer vectors: {hits}/{len(vectors)} exact ({100 * hits / len(vectors):.1f} %, goal >= 95 % held out)")
    for line in misses[:show]: print("    " + line)

# Official place names: sido/sigungu/emd rows, Hangul in column 3 and the official English in column 4.
places = [r for r in rows("places2018.tsv") if len(r) >= 4 and r[0] in ("sido", "sigungu", "emd")]
results = romanize([r[2] for r in places], "--kind", "place")
exact = sum(1 for r, got in zip(places, results) if got["output"] == r[3])
near = sum(1 for r, got in zip(places, results) if loose(got["output"]) == loose(r[3]))
by_level = collections.Counter(r[0] for r in places)
exact_level = collections.Counter(r[0] for r, got in zip(places, results) if got["output"] == r[3])
print(f"places (KOSTAT 2018): {exact}/{len(places)} exact ({100 * exact / len(places):.1f} %, goal >= 98 %), "
      f"{100 * near / len(places):.1f} % ignoring hyphens and spaces; "
      + ", ".join(f"{level} {exact_level[level]}/{by_level[level]}" for level in ("sido", "sigungu", "emd")))
for r, got in [(r, g) for r, g in zip(places, results) if g["output"] != r[3]][:show]:
    print(f"    {r[2]}: {got['output']} (official {r[3]})")

# People's own spellings: is the person's spelling among --variants, and in the first five?
for name, label in (("assembly19.tsv", "National Assembly members"), ("kpop.tsv", "K-pop idols' real names")):
    people = [r for r in rows(name)[1:] if len(r) >= 2]
    results = romanize([r[0] for r in people], "--kind", "name", "--variants")
    def forms(got):
        # The output first, then the variants, without repeats: "the first five" are five different spellings.
        return list(dict.fromkeys([got["output"]] + [v["form"] for v in got.get("variants", [])]))
    among = [r for r, got in zip(people, results) if loose(r[1]) in map(loose, forms(got))]
    first5 = [r for r, got in zip(people, results) if loose(r[1]) in map(loose, forms(got)[:5])]
    print(f"{label}: own spelling among the variants {len(among)}/{len(people)} ({100 * len(among) / len(people):.1f} %, goal >= 92 %), "
          f"in the first five {len(first5)} ({100 * len(first5) / len(people):.1f} %, goal >= 70 %)")
    for r, got in [(r, g) for r, g in zip(people, results) if loose(r[1]) not in map(loose, forms(g))][:show]:
        print(f"    {r[0]}: {r[1]} not in {forms(got)[:6]}")

# North Korean officials as KCNA writes them.
dprk = [r for r in rows("dprk_people.tsv")[1:] if len(r) >= 2]
results = romanize([r[0] for r in dprk], "--kind", "name", "--system", "dprk", "--style", "dprk")
hits = sum(1 for r, got in zip(dprk, results) if got["output"] == r[1])
# Defectors (role "defector") live in the South and are written as its press writes them (Thae Yong-ho): no rule on
# the Hangul can tell, so the officials and their family are also counted apart.
officials = [(r, got) for r, got in zip(dprk, results) if len(r) < 3 or r[2] != "defector"]
official_hits = sum(1 for r, got in officials if got["output"] == r[1])
print(f"North Korean officials (KCNA): {hits}/{len(dprk)} ({100 * hits / len(dprk):.1f} %, goal >= 95 %); "
      f"without the defectors {official_hits}/{len(officials)} ({100 * official_hits / len(officials):.1f} %)")
for r, got in [(r, g) for r, g in zip(dprk, results) if g["output"] != r[1]][:show]:
    print(f"    {r[0]}: {got['output']} (KCNA {r[1]})")

# Foreign names in Hangul (bench/names/foreign-names.tsv, made by make_foreign_names.py from ICU's region names and
# the glossary's foreign people and places): the loanword guess, and whether `--kind name` sees them as foreign.
foreign_file = os.path.join(os.path.dirname(os.path.abspath(__file__)), "foreign-names.tsv")
foreign = [line.split("\t") for line in open(foreign_file, encoding="utf-8").read().splitlines()[1:] if line]
guesses = romanize([r[0] for r in foreign], "--kind", "foreign")
hits = [r for r, got in zip(foreign, guesses) if got["output"].lower() == r[1].lower()]
near = [r for r, got in zip(foreign, guesses) if loose(got["output"]) == loose(r[1])]
by_source = collections.Counter(r[2].split()[0] for r in foreign)
hit_source = collections.Counter(r[2].split()[0] for r in hits)
as_name = romanize([r[0] for r in foreign], "--kind", "name")
seen_foreign = sum(1 for got in as_name if got.get("guess") == "loanword")
print(f"foreign names in Hangul: loanword guess exact {len(hits)}/{len(foreign)} ({100 * len(hits) / len(foreign):.1f} %; "
      + ", ".join(f"{s} {hit_source[s]}/{by_source[s]}" for s in sorted(by_source))
      + f"), {100 * len(near) / len(foreign):.1f} % ignoring spaces and case; "
      f"--kind name takes {seen_foreign}/{len(foreign)} ({100 * seen_foreign / len(foreign):.1f} %) as foreign (the rest read as Korean names)")
korean = [r[0] for name in ("assembly19.tsv", "kpop.tsv", "dprk_people.tsv") for r in rows(name)[1:] if r]
wrongly = [r["input"] for r in romanize(korean, "--kind", "name") if r.get("guess") == "loanword"]
print(f"    Korean names taken as foreign: {len(wrongly)}/{len(korean)} {wrongly[:5]}")
for r, got in [(r, g) for r, g in zip(foreign, guesses) if g["output"].lower() != r[1].lower()][:show]:
    print(f"    {r[0]}: {got['output']} ({r[1]})")
