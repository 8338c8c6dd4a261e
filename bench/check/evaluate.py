"""House-style check and recognition measured on the dev third of the real-news set, against the hand judgements.

Sends every English line of en-dev.txt to POST /v1/glossary/check and every Korean line of ko-dev.txt to
POST /v1/glossary/recognize on a running `tm serve`, then joins what tm finds with check_classified.tsv and
recognize_judged.tsv (the judgements of the flags and terms an earlier tm raised). A flag or term no judgement
covers is counted as unjudged: new behaviour the dev judgements cannot grade (the held-out sets are judged alike).

Usage: python3 evaluate.py URL REALWORLD_DIR
"""
import collections, json, sys, urllib.request

url, folder = sys.argv[1], sys.argv[2]


def post(path, text):
    request = urllib.request.Request(url + path, data=json.dumps({"text": text}).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read())


def rows(name):
    lines = open(f"{folder}/{name}", encoding="utf-8").read().splitlines()
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"))) for line in lines[1:] if line]


# --- check ---------------------------------------------------------------------------------------------------
english = open(f"{folder}/en-dev.txt", encoding="utf-8").read().splitlines()
judged = collections.defaultdict(list)
for row in rows("check_classified.tsv"):
    judged[(int(row["line"]), row["found"])].append(row["class"])
flags = []
for number, line in enumerate(english, 1):
    if line.strip():
        for issue in post("/v1/glossary/check", line)["issues"]:
            flags.append((number, issue["found"], issue["house"]))
verdicts = collections.Counter()
false_patterns = collections.Counter()
for number, found, house in flags:
    classes = judged.get((number, found))
    if not classes:
        verdicts["unjudged"] += 1
    elif classes[0].startswith("TP"):
        verdicts["TP"] += 1
    else:
        verdicts["false"] += 1
        false_patterns[classes[0]] += 1
judged_tp = sum(1 for classes in judged.values() for c in classes if c.startswith("TP"))
sentences = sum(1 for line in english if line.strip())
false_flags = verdicts["false"] + verdicts["unjudged"]
print(f"check on {sentences} English sentences: {len(flags)} flags — {verdicts['TP']} judged TP (of {judged_tp} judged TP), "
      f"{verdicts['false']} judged false, {verdicts['unjudged']} unjudged")
print(f"  false or unjudged flags per 1,000 sentences: {1000 * false_flags / sentences:.1f} (goal <= 2); "
      f"judged TPs still flagged: {verdicts['TP']}/{judged_tp}")
for pattern, count in false_patterns.most_common():
    print(f"    {count:4d}  {pattern}")
for number, found, house in flags:
    if (number, found) not in judged:
        print(f"    unjudged: line {number}: {found} → {house}")

# --- recognize -----------------------------------------------------------------------------------------------
korean = open(f"{folder}/ko-dev.txt", encoding="utf-8").read().splitlines()
terms = collections.defaultdict(list)
for row in rows("recognize_judged.tsv"):
    terms[(int(row["line"]), row["text"], row["english"])].append(row["judgement"])
judged_true = sum(1 for values in terms.values() for v in values if v == "TP")
found = collections.Counter()
wrong = collections.Counter()
seen = set()
for number, line in enumerate(korean, 1):
    if not line.strip():
        continue
    for term in post("/v1/glossary/recognize", line)["terms"]:
        if not term["matches"]:
            continue
        key = (number, term["text"], term["matches"][0]["english"])
        seen.add(key)
        values = terms.get(key)
        verdict = "unjudged" if not values else ("TP" if values[0] == "TP" else "FP")
        found[verdict] += 1
        if verdict != "TP":
            wrong[(term["text"], term["matches"][0]["english"], verdict)] += 1
graded = found["TP"] + found["FP"]
print(f"\nrecognize on {sum(1 for l in korean if l.strip())} Korean sentences: {sum(found.values())} terms — {found['TP']} TP, "
      f"{found['FP']} FP, {found['unjudged']} unjudged; precision on judged terms {found['TP'] / max(1, graded):.3f} (goal >= 0.98), "
      f"judged TPs found {found['TP']}/{judged_true}")
for key, values in sorted(terms.items()):
    if values[0] == "TP" and key not in seen:
        print(f"    judged TP not found: line {key[0]}: {key[1]} ({key[2]})")
for (text, english_name, verdict), count in wrong.most_common():
    print(f"    {verdict}: {text} → {english_name} ×{count}")

# --- off-style spellings put into real sentences ---------------------------------------------------------------
# Each house form of a Korean person or place found in a dev sentence is replaced by each of its off-style
# spellings, as written, with a possessive, and wrapped at a line break; the check must flag it there.
import glob, os, re, time
glossaries = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "glossaries")
entities = []
korean_place = re.compile(r"\b(ROK|DPRK|Korea|Korean|Gyeonggi|Gangwon|Chungcheong|Jeolla|Gyeongsang|Jeju|Seoul|Pyongyang)\b")
for name in ("people-south.tsv", "people-north.tsv", "places.tsv"):
    lines = open(os.path.join(glossaries, name), encoding="utf-8").read().splitlines()
    header = lines[0].split("\t")
    for line in lines[1:]:
        row = dict(zip(header, line.split("\t")))
        # Korean places only: those whose note places them in Korea.
        if name == "places.tsv" and not korean_place.search(row["note"]):
            continue
        spellings = [v for v in row["variants"].split("|") if v and not any("\uac00" <= c <= "\ud7a3" for c in v)]
        if spellings:
            entities.append((row["english"], spellings))
cases = []
for number, line in enumerate(english, 1):
    for house, spellings in entities:
        match = re.search(r"(?<![\w'])" + re.escape(house) + r"(?![\w-])", line)
        if not match:
            continue
        for spelling in spellings:
            for shape in ("plain", "possessive", "wrapped"):
                written = spelling.replace(" ", "\n", 1) if shape == "wrapped" and " " in spelling else spelling
                if shape == "wrapped" and written == spelling:
                    continue
                tail = line[match.end():]
                if shape == "possessive" and not tail.startswith("'s"):
                    tail = "'s" + tail
                cases.append((line[:match.start()] + written + tail, match.start(), house, shape))
found = collections.Counter()
total = collections.Counter()
missed = []
for text, start, house, shape in cases:
    total[shape] += 1
    issues = post("/v1/glossary/check", text)["issues"]
    # Flagged where the spelling starts (the house form may be a longer entry's: Cheju island → Jeju Island).
    if any(issue["start"] == start for issue in issues):
        found[shape] += 1
    elif len(missed) < 15:
        missed.append((house, text[start:start + 40].replace("\n", "⏎"), shape))
all_cases = sum(total.values())
print(f"\noff-style spellings in real sentences: {sum(found.values())}/{all_cases} found "
      f"({100 * sum(found.values()) / max(1, all_cases):.1f} %, goal >= 95 %) — "
      + ", ".join(f"{shape} {found[shape]}/{total[shape]}" for shape in ("plain", "possessive", "wrapped")))
for house, context, shape in missed:
    print(f"    missed ({shape}): {house} in “{context}”")

# --- speed ---------------------------------------------------------------------------------------------------
draft, words = [], 0
for line in english:
    draft.append(line)
    words += len(line.split())
    if words >= 10_000:
        break
text = "\n".join(draft)
timings = []
for _ in range(7):
    start = time.perf_counter()
    post("/v1/glossary/check", text)
    timings.append(time.perf_counter() - start)
print(f"\ncheck of a {words:,}-word draft over HTTP: best {min(timings) * 1000:.1f} ms, median {sorted(timings)[3] * 1000:.1f} ms "
      f"(goal <= 50 ms)")
