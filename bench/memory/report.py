#!/usr/bin/env python3
"""Collects one run of bench/memory.sh into a table (stdout and a Markdown file): per size and side the import
rate, time to ready, library and HTTP latency, recall, memory, the baselines measured in the same run and the
ratios to them, and PASS/FAIL against the goals at 1,000,000 and 10,000,000 pairs (issue #18). A baseline run on the
first N queries only (the large sizes: rapidfuzz takes seconds a query at 10M) is compared with tm's latency on the
same N queries.

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
from common import latency, load_queries, match_key  # noqa: E402

# Per size: the goals of issue #18 (None: no goal at that size).
GOALS = {
    "1m": {"import": 80_000, "ready": 2.0, "rss": 600.0, "p50": 2.0, "p95": 10.0, "x_rf": None},
    "10m": {"import": 60_000, "ready": 15.0, "rss": 6144.0, "p50": 10.0, "p95": None, "x_rf": 100.0},
}


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
            queries = load_queries(a.queries, side)
            lib_rows = read_lines(os.path.join(d, "lib.%s.jsonl" % side))
            rf_rows = read_lines(os.path.join(d, "rf.%s.jsonl" % side))
            # tm's p50 on the queries each baseline ran (all of them, or the first N at the large sizes).
            lib_ms = {r["qid"]: r["ms"] for r in lib_rows}

            def p50_on(rows):
                ms = [lib_ms[r["qid"]] for r in rows if r["qid"] in lib_ms]
                return latency(ms)["p50"] if ms else p50

            sc_rows = read_lines(os.path.join(d, "scan.%s.jsonl" % side))
            base_p50_rf, base_p50_sc = p50_on(rf_rows), p50_on(sc_rows)
            x_rf = rf["p50_ms"] / base_p50_rf if rf.get("p50_ms") and base_p50_rf else None
            x_sc = sc["p50_ms"] / base_p50_sc if sc.get("p50_ms") and base_p50_sc else None
            cmp = compare_with_baseline(lib_rows, rf_rows, queries, lb.get("min_score", 75), lb.get("limit", 5)) \
                if lib_rows and rf_rows else None
            scan_same = same_answers(read_lines(os.path.join(d, "scan.%s.jsonl" % side)), rf_rows) if rf_rows else None
            rss = serve.get("hwm_after_queries_mb")
            snapshot_mib = sum((serve.get("snapshot_bytes") or {}).values()) / 1048576 or None
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
                "cold_ready": serve.get("cold_ready_s"), "cold_rss": serve.get("cold_hwm_mb"),
                "snapshot_mib": snapshot_mib, "rf_queries": len(rf_rows),
                "import_bound": snapshot_mib + 256 if snapshot_mib else None,
            }
            rows.append(row)
            details.append((size, side, cmp, scan_same, imp, serve, lb))
            if size in GOALS:
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
    for size, goals in GOALS.items():
        sized = [r for r in goal_rows if r["size"] == size]
        if not sized:
            goal_lines += ["", "Goals at %s: not evaluated (the size was not run)." % size]
            continue
        by_side = {r["side"]: r for r in sized}
        en, ko = by_side.get("en", {}), by_side.get("ko", {})

        def verdict(values, test):
            if any(v is None for v in values):
                return "n/a"
            return "PASS" if all(test(v) for v in values) else "FAIL"

        checks = [
            ("import ≥ %s pairs/s" % fmt(goals["import"]), [en.get("import")], lambda v: v >= goals["import"], None),
            ("import peak RSS ≤ final index + 256 MiB (%s MiB)" % fmt(en.get("import_bound"), 0), [en.get("import_rss")],
             lambda v: v <= en["import_bound"], None),
            ("ready ≤ %s s after `tm serve` starts (index snapshot)" % goals["ready"], [en.get("ready")],
             lambda v: v <= goals["ready"], "first start, building: %s s" % fmt(en.get("cold_ready"))),
            ("serve peak RSS ≤ %s MiB (VmHWM after the queries)" % fmt(goals["rss"], 0), [en.get("rss")], lambda v: v <= goals["rss"],
             "first start, building: %s MiB" % fmt(en.get("cold_rss"), 0)),
            ("fuzzy p50 ≤ %s ms (library, both sides)" % goals["p50"], [en.get("p50"), ko.get("p50")], lambda v: v <= goals["p50"], None),
        ]
        if goals["p95"]:
            checks.append(("fuzzy p95 ≤ %s ms (library, both sides)" % goals["p95"], [en.get("p95"), ko.get("p95")],
                           lambda v: v <= goals["p95"], None))
        checks.append(("recall vs brute force = 1.000 (both sides)", [en.get("recall"), ko.get("recall")], lambda v: v >= 1.0 - 1e-12, None))
        if goals["x_rf"]:
            checks.append(("≥ %s× rapidfuzz (p50 ratio, both sides)" % fmt(goals["x_rf"], 0), [en.get("x_rf"), ko.get("x_rf")],
                           lambda v: v >= goals["x_rf"], "rapidfuzz on %s queries a side" % en.get("rf_queries")))
        goal_lines += ["", "| goal at %s | value | verdict | note |" % size, "|---|---|---|---|"]
        for name, values, test, note in checks:
            shown = " / ".join(fmt(v, 3) for v in values)
            goal_lines.append("| %s | %s | **%s** | %s |" % (name, shown, verdict(values, test), note or ""))

    extra = ["", "Details:"]
    for size, side, cmp, scan_same, imp, serve, lb in details:
        parts = ["- %s/%s:" % (size, side)]
        if lb:
            parts.append("library p99 %s ms, brute force (bruteForceSearch) p50 %s ms, TM load into memory %s s, "
                         "fuzzy-bench RSS after the load %s MiB, id mismatches %s;" % (
                             fmt((lb.get("search") or {}).get("p99"), 3), fmt((lb.get("brute_force") or {}).get("p50"), 3),
                             fmt(lb.get("load_seconds")), fmt(lb.get("resident_after_load_mebibytes"), 0),
                             lb.get("reference_mismatches")))
        if lb and lb.get("footprint_bytes") and lb.get("entries"):
            parts_bytes = sorted(lb["footprint_bytes"].items(), key=lambda kv: -kv[1])
            total = sum(b for _, b in parts_bytes)
            parts.append("index bytes per pair %.0f (%s);" % (total / lb["entries"], ", ".join(
                "%s %.0f" % (k, b / lb["entries"]) for k, b in parts_bytes if b)))
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
