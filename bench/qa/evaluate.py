"""Bilingual QA against errors put into real translations (issue #16): for each align-dev article (61 Korean–English
news pairs, CC BY-SA 3.0), `tm qa` runs on the clean pair, then once per injected error — a name respelled (an
off-style variant of a glossary name the Korean has), a number changed, a sentence dropped — one at a time, so each
is found or not on its own (a number only in a sentence the gold alignment pairs with Korean). Found: the injected pair gets an issue of the right kind that the clean pair did not
have. False alarms: issues on the clean pairs (the Korean is often a loose adaptation, so some are real).

Usage: python3 bench/qa/evaluate.py TM_BINARY ALIGN_DEV_DIR [--show N]
"""
import collections, json, os, random, re, subprocess, sys, tempfile

binary, folder = sys.argv[1], sys.argv[2]
show = int(sys.argv[sys.argv.index("--show") + 1]) if "--show" in sys.argv else 0
work = tempfile.mkdtemp()
db = os.path.join(work, "tm.sqlite")
rng = random.Random(16)


def qa(ko_text, en_text):
    ko, en = os.path.join(work, "a.ko.txt"), os.path.join(work, "a.en.txt")
    open(ko, "w", encoding="utf-8").write(ko_text)
    open(en, "w", encoding="utf-8").write(en_text)
    out = subprocess.run([binary, "qa", "--db", db, "--json", ko, en], capture_output=True, text=True)
    if out.returncode not in (0, 1):
        raise SystemExit(f"tm qa failed: {out.stderr}")
    return json.loads(out.stdout)


def signature(issue):
    return (issue["kind"], issue["ko"], issue["message"])


names = {}  # house form -> an off-style variant, from the bundled glossary
export = subprocess.run([binary, "glossary", "list", "--json", "--db", db], capture_output=True, text=True, check=True)
for term in json.loads(export.stdout)["terms"]:
    if term["kind"] == "person" and term["variants"]:
        names[term["english"]] = term["variants"][0]

documents = sorted(f[:-7] for f in os.listdir(folder) if f.endswith(".ko.txt"))
clean_pairs = clean_issues = 0
clean_kinds = collections.Counter()
injected = collections.Counter()
found = collections.Counter()
misses = []
for name in documents:
    ko = open(os.path.join(folder, name + ".ko.txt"), encoding="utf-8").read()
    en = open(os.path.join(folder, name + ".en.txt"), encoding="utf-8").read()
    clean = qa(ko, en)
    clean_pairs += clean["pairs"]
    clean_issues += len(clean["issues"])
    clean_kinds.update(i["kind"] for i in clean["issues"])
    before = {signature(i) for i in clean["issues"]}
    trials = []
    house = [h for h in names if h in en]
    if house:
        form = rng.choice(house)
        trials.append(("name", en.replace(form, names[form], 1), ("off_style", "missing_term"), form))
    # A number is changed in an English sentence that the gold alignment pairs with Korean: in a sentence with no
    # counterpart, no bilingual check can see it.
    sentences_en = open(os.path.join(folder, name + ".en.sents"), encoding="utf-8").read().split("\n")
    paired = set()
    for line in open(os.path.join(folder, name + ".gold.tsv"), encoding="utf-8").read().splitlines():
        ko_side, en_side = (line.split("\t") + [""])[:2]
        if ko_side.strip() and en_side.strip():
            paired.update(int(i) for i in en_side.split(","))
    candidates = []
    for index in sorted(paired):
        sentence = sentences_en[index] if index < len(sentences_en) else ""
        start = en.find(sentence) if sentence else -1
        if start < 0:
            continue
        for m in re.finditer(r"(?<![\d,.])\d{2,}(?:,\d{3})*(?![\d,])", sentence):
            candidates.append((start + m.start(), start + m.end(), m.group(0)))
    if candidates:
        begin, end, digits = rng.choice(candidates)
        changed = digits[:-1] + str((int(digits[-1]) + 3) % 10)
        trials.append(("number", en[:begin] + changed + en[end:], ("number",), digits))
    sentences = [line for line in en.split("\n") if len(line.split()) >= 8]
    if len(sentences) >= 3:
        dropped = rng.choice(sentences[1:-1])
        trials.append(("dropped sentence", en.replace(dropped + "\n", "", 1), ("unaligned", "number", "missing_term"), dropped[:40]))
    for kind, text, kinds, what in trials:
        injected[kind] += 1
        report = qa(ko, text)
        new = [i for i in report["issues"] if signature(i) not in before and i["kind"] in kinds]
        if new:
            found[kind] += 1
        else:
            misses.append(f"{name} {kind}: {what}")

total = sum(injected.values())
print(f"injected errors found: {sum(found.values())}/{total} ({100 * sum(found.values()) / max(total, 1):.1f} %, goal >= 90 %) — "
      + ", ".join(f"{kind} {found[kind]}/{injected[kind]}" for kind in injected))
print(f"issues on the clean articles: {clean_issues} on {clean_pairs} pairs = {50 * clean_issues / max(clean_pairs, 1):.2f} per 50 pairs "
      f"(goal <= 1 false alarm per 50; some are real: the Korean is often a loose adaptation) — "
      + ", ".join(f"{k} {v}" for k, v in clean_kinds.most_common()))
for line in misses[:show]:
    print("    missed " + line)
