#!/usr/bin/env python3
"""Collects one run of bench/memory.sh into a table (stdout and a Markdown file): per size and side the import
rate, time to ready, library and HTTP latency, recall, memory, the baselines measured in the same run and the
ratios to them, and PASS/FAIL against the goals at 1,000,000 pairs.

How tm's answers are compared with rapidfuzz's: the baseline scores the raw text of the distinct source strings;
tm scores match keys (Normalizer.key: NFKC_Casefold, dashes/quotes folded, white space collapsed) of pairs, so
two pairs can share one source text and case/space variants score higher. A rapidfuzz hit counts as found when a
tm match has the same key (match_key in common.py, a Python approximation of Normalizer.key); a miss is explained
when on keys it scores under the threshold ('norm') or no better than tm's fifth match ('cut'); anything else is
'unexplained' (must be 0). The exactness claim itself is recall against bruteForceSearch on the same keys, inside
fuzzy-bench (must be 1.000).

Usage: report.py WORKDIR SIZES(comma-separated) --out results.md (run with the venv's python: needs rapidfuzz)
"""
import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import load_queries, match_key  # noqa: E402

GOALS = {"p50_ms": 2.0, "p95_ms": 10.0, "x_rapidfuzz": 75.0, "x_scan": 10.0, "import_pairs_s": 50_000,
         "ready_s": 5.0, "rss_mib": 1024.0}


def read_json(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def read_lines(path):
    try:
        with open(path, encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip()]
    except (OSError, ValueError):
        return []


def compare_with_baseline(lib_rows, base_rows, queries, min_score, limit):
    """Counts the baseline's hits that tm returns, and classifies the rest (see the module doc)."""
    from rapidfuzz.distance import Levenshtein
    tm_by_qid = {r["qid"]: r["matches"] for r in lib_rows}
    text_by_qid = {q["qid"]: q["text"] for q in queries}
    counts = {"hits": 0, "found": 0, "norm": 0, "cut": 0, "unexplained": 0, "tm_only": 0, "queries": 0}
    examples = []
    for row in base_rows:
        qid = row["qid"]
        if qid not in tm_by_qid or qid not in text_by_qid:
            continue
        counts["queries"] += 1
        tm = tm_by_qid[qid]
        tm_keys = {match_key(m[2]) for m in tm}
        tm_scores = [float(m[1]) for m in tm]
        base_keys = set()
        qkey = match_key(text_by_qid[qid])
        for text, _score in row["results"]:
            counts["hits"] += 1
            key = match_key(text)
            base_keys.add(key)
            if key in tm_keys:
                counts["found"] += 1
                continue
            key_score = 100 * Levenshtein.normalized_similarity(qkey, key)
            if key_score < min_score - 1e-9:
                counts["norm"] += 1
            elif len(tm) >= limit and min(tm_scores) >= key_score - 1e-6:
                counts["cut"] += 1
            else:
                counts["unexplained"] += 1
                if len(examples) < 3:
                    examples.append({"qid": qid, "text": text, "key_score": round(key_score, 2), "tm": tm})
        counts["tm_only"] += sum(1 for m in tm if match_key(m[2]) not in base_keys)
    counts["recall"] = counts["found"] / counts["hits"] if counts["hits"] else 1.0
    counts["examples"] = examples
    return counts


def same_answers(a_rows, b_rows):
    """Queries on which two baselines return the same texts (the scan must equal rapidfuzz up to ties)."""
    b = {r["qid"]: sorted(t for t, _ in r["results"]) for r in b_rows}
    same = sum(1 for r in a_rows if b.get(r["qid"]) == sorted(t for t, _ in r["results"]))
    return same, len(a_rows)


def fmt(x, digits=2):
    if x is None:
        return "–"
    if isinstance(x, str):
        return x
    if abs(x) >= 1000:
        return "{:,.0f}".format(x)
    return ("{:.%df}" % digits).format(x)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("workdir")
    ap.add_argument("sizes")
    ap.add_argument("--queries", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--notes", default=None, help="a file whose text goes under the table")
    a = ap.parse_args()
    rows, details, goal_rows = [], [], []
    for size in a.sizes.split(","):
        d = os.path.join(a.workdir, "run", size)
        imp = read_json(os.path.join(d, "import.json")) or {}
        serve = read_json(os.path.join(d, "serve.json")) or {}
        lib = {r["side"]: r for r in read_lines(os.path.join(d, "lib.json"))}
        for side in ("en", "ko"):
            lb = lib.get(side, {})
            rf = read_json(os.path.join(d, "rf.%s.json" % side)) or {}
            sc = read_json(os.path.join(d, "scan.%s.json" % side)) or {}
            http = (serve.get(side) or {}).get("http", {})
            p50 = (lb.get("search") or {}).get("p50")
            p95 = (lb.get("search") or {}).get("p95")
            x_rf = rf["p50_ms"] / p50 if rf.get("p50_ms") and p50 else None
            x_sc = sc["p50_ms"] / p50 if sc.get("p50_ms") and p50 else None
            queries = load_queries(a.queries, side)
            lib_rows = read_lines(os.path.join(d, "lib.%s.jsonl" % side))
            rf_rows = read_lines(os.path.join(d, "rf.%s.jsonl" % side))
            cmp = compare_with_baseline(lib_rows, rf_rows, queries, lb.get("min_score", 75), lb.get("limit", 5)) \
                if lib_rows and rf_rows else None
            scan_same = same_answers(read_lines(os.path.join(d, "scan.%s.jsonl" % side)), rf_rows) if rf_rows else None
            rss = serve.get("hwm_after_queries_mb")
            row = {
                "size": size, "side": side, "pairs": imp.get("pairs_in_file"),
                "import": imp.get("pairs_per_s"), "import_rss": imp.get("peak_rss_mb"),
                "ready": serve.get("ready_s"), "load": lb.get("load_seconds"),
                "p50": p50, "p95": p95, "p99": (lb.get("search") or {}).get("p99"),
                "idx_p50": (lb.get("index_search") or {}).get("p50"),
                "idx_p95": (lb.get("index_search") or {}).get("p95"),
                "http_p50": http.get("p50"), "http_p95": http.get("p95"),
                "recall": lb.get("recall"), "identical": lb.get("identical"), "checked": lb.get("checked_queries"),
                "mismatch": lb.get("reference_mismatches"),
                "rf_recall": cmp["recall"] if cmp else None, "rf_unexplained": cmp["unexplained"] if cmp else None,
                "rss": rss, "rf_p50": rf.get("p50_ms"), "rf_p95": rf.get("p95_ms"),
                "sc_p50": sc.get("p50_ms"), "sc_p95": sc.get("p95_ms"), "x_rf": x_rf, "x_sc": x_sc,
                "brute_p50": (lb.get("brute_force") or {}).get("p50"),
            }
            rows.append(row)
            details.append((size, side, cmp, scan_same, imp, serve, lb))
            if size == "1m":
                goal_rows.append(row)

    head = ("| size | side | pairs | import pairs/s | import peak RSS MiB | ready s | index load s | lib p50 / p95 ms "
            "| index-only p50 / p95 ms | HTTP p50 / p95 ms | recall vs brute force | identical | rf agreement "
            "| serve peak RSS MiB | rapidfuzz p50 / p95 ms | × rapidfuzz | native scan p50 / p95 ms | × scan |")
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for r in rows:
        lines.append("| %s | %s | %s | %s | %s | %s | %s | %s / %s | %s / %s | %s / %s | %s | %s | %s | %s | %s / %s "
                     "| %s | %s / %s | %s |" % (
                         r["size"], r["side"], fmt(r["pairs"]), fmt(r["import"]), fmt(r["import_rss"], 0),
                         fmt(r["ready"]), fmt(r["load"]), fmt(r["p50"], 3), fmt(r["p95"], 3),
                         fmt(r["idx_p50"], 3), fmt(r["idx_p95"], 3), fmt(r["http_p50"], 3), fmt(r["http_p95"], 3),
                         fmt(r["recall"], 3), "%s/%s" % (r["identical"], r["checked"]),
                         fmt(r["rf_recall"], 3) + ("" if not r["rf_unexplained"] else " (%d unexplained)" % r["rf_unexplained"]),
                         fmt(r["rss"], 0), fmt(r["rf_p50"]), fmt(r["rf_p95"]), fmt(r["x_rf"], 1),
                         fmt(r["sc_p50"], 3), fmt(r["sc_p95"], 3), fmt(r["x_sc"], 1)))
    table = "\n".join(lines)

    goal_lines = []
    if goal_rows:
        def verdict(ok):
            return "PASS" if ok else "FAIL"

        def all_sides(key, test):
            vals = [r[key] for r in goal_rows]
            if any(v is None for v in vals):
                return "n/a", vals
            return verdict(all(test(v) for v in vals)), vals

        checks = [
            ("p50 ≤ 2 ms (library, both sides)", "p50", lambda v: v <= GOALS["p50_ms"]),
            ("p95 ≤ 10 ms (library, both sides)", "p95", lambda v: v <= GOALS["p95_ms"]),
            ("≥ 75× rapidfuzz (p50 ratio)", "x_rf", lambda v: v >= GOALS["x_rapidfuzz"]),
            ("≥ 10× native scan (p50 ratio)", "x_sc", lambda v: v >= GOALS["x_scan"]),
            ("import ≥ 50,000 pairs/s", "import", lambda v: v >= GOALS["import_pairs_s"]),
            ("ready ≤ 5 s after start", "ready", lambda v: v <= GOALS["ready_s"]),
            ("serve peak RSS ≤ 1 GB, read as 1 GiB (VmHWM ≤ 1024 MiB)", "rss", lambda v: v <= GOALS["rss_mib"]),
            ("recall vs brute force = 1.000", "recall", lambda v: v >= 1.0 - 1e-12),
        ]
        goal_lines = ["| goal at 1M | en | ko | verdict |", "|---|---|---|---|"]
        for name, key, test in checks:
            v, vals = all_sides(key, test)
            by_side = {r["side"]: r[key] for r in goal_rows}
            if key == "rss" and by_side.get("en"):
                v += " (%.2f × 10⁹ bytes)" % (by_side["en"] * 1048576 / 1e9)
            goal_lines.append("| %s | %s | %s | **%s** |" % (name, fmt(by_side.get("en"), 3), fmt(by_side.get("ko"), 3), v))
    else:
        goal_lines = ["Goals at 1M: not evaluated (the 1m size was not run)."]

    extra = ["", "Details:"]
    for size, side, cmp, scan_same, imp, serve, lb in details:
        parts = ["- %s/%s:" % (size, side)]
        if lb:
            parts.append("library p99 %s ms, brute force (bruteForceSearch) p50 %s ms, TM load into memory %s s, "
                         "fuzzy-bench RSS after the load %s MiB, id mismatches %s;" % (
                             fmt((lb.get("search") or {}).get("p99"), 3), fmt((lb.get("brute_force") or {}).get("p50"), 3),
                             fmt(lb.get("load_seconds")), fmt(lb.get("resident_after_load_mebibytes"), 0),
                             lb.get("reference_mismatches")))
        if cmp:
            parts.append("vs rapidfuzz: %d of %d hits found, %d differ by normalization, %d below tm's 5th match, "
                         "%d unexplained, %d tm matches not in rapidfuzz's top 5;" % (cmp["found"], cmp["hits"], cmp["norm"], cmp["cut"],
                                                          cmp["unexplained"], cmp["tm_only"]))
            for ex in cmp["examples"]:
                parts.append(" unexplained example %s;" % json.dumps(ex, ensure_ascii=False)[:300])
        if scan_same:
            parts.append("native scan = rapidfuzz texts on %d/%d queries;" % scan_same)
        if side == "en" and imp:
            parts.append("import: %s added, %s already present, %s skipped, %.1f s, DB %.0f MB; serve listening after %s s, "
                         "RSS when ready %s MiB, after the queries %s MiB." % (
                             imp.get("added"), imp.get("already_present"), imp.get("skipped"), imp.get("wall_s", 0),
                             imp.get("db_bytes", 0) / 1e6, fmt(serve.get("listening_s")), fmt(serve.get("rss_ready_mb"), 0),
                             fmt(serve.get("rss_after_queries_mb"), 0)))
        extra.append(" ".join(parts))

    notes = ""
    if a.notes and os.path.exists(a.notes):
        with open(a.notes, encoding="utf-8") as f:
            notes = f.read()
    text = "\n".join(["# tm translation-memory benchmark", "", notes, table, "", *goal_lines, *extra, ""])
    with open(a.out, "w", encoding="utf-8") as f:
        f.write(text)
    print(table)
    print()
    print("\n".join(goal_lines))
    print("\n".join(extra))


if __name__ == "__main__":
    main()
