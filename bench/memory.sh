#!/usr/bin/env bash
# Translation-memory benchmark: for each corpus size, imports the corpus with `tm import`, starts `tm serve` and
# times it to ready, runs the fuzzy queries through the library (fuzzy-bench) and over HTTP, runs the baselines
# (rapidfuzz brute force, native bit-parallel scan) on the same corpus and queries, and prints one table with the
# ratios and PASS/FAIL against the goals at 1M and 10M pairs. Also written to $TM_BENCH_DIR/results.md.
#
# Usage: bash bench/memory.sh [--sizes 30k,100k,1m,10m] [--queries 200] [--http-queries 200] [--baseline-queries 30] [--reference-queries 100]
#   sizes: 30k = the real gettext corpus (~30,000 pairs); 100k, 1m, 10m (or any Nk / Nm) = make_synth_corpus.py.
#   Leave 10m out of --sizes to skip it (about 25 minutes, plus 4 minutes to make its corpus the first time).
#   baseline-queries: at 5m and above, rapidfuzz and the native scan run on the first N queries a side (they take
#   seconds a query there); tm's latency is compared on the same queries. Brute force checks tm's answers to every
#   query, at 5m and above to the first 100 a side (--reference-queries): each takes a second at 10M.
# Environment: TM_BENCH_DIR (work dir, default /tmp/tm-bench), TM_SHARED_BENCH (default ../shared/bench from the
# repository root), TM_BIN (a tm binary to use instead of building one). Queries, tm serve and the baselines
# run on CPU 0 (taskset, when present), the HTTP client on CPU 1; the import on both (it is two threads).
# Whole run: about 6 minutes to 1M, then about 25 for 10M.
set -euo pipefail

sizes="30k,100k,1m,10m"
queries=200
http_queries=""
baseline_queries=30
reference_queries=100
while [ $# -gt 0 ]; do
    case "$1" in
        --sizes) sizes="$2"; shift 2 ;;
        --queries) queries="$2"; shift 2 ;;
        --http-queries) http_queries="$2"; shift 2 ;;
        --baseline-queries) baseline_queries="$2"; shift 2 ;;
        --reference-queries) reference_queries="$2"; shift 2 ;;
        -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
        *) echo "memory.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
http_queries="${http_queries:-$queries}"

bench="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$bench/.." && pwd)"
shared="${TM_SHARED_BENCH:-$repo/../shared/bench}"
work="${TM_BENCH_DIR:-/tmp/tm-bench}"
helpers="$bench/memory"
[ -f "$shared/make_po_corpus.py" ] || { echo "memory.sh: no shared bench scripts in $shared (set TM_SHARED_BENCH)" >&2; exit 2; }
shared="$(cd "$shared" && pwd)"
mkdir -p "$work/data" "$work/run"

say() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
started=$(date +%s)

pin=()
client_pin=()
if command -v taskset >/dev/null 2>&1 && [ "$(nproc)" -ge 2 ]; then
    pin=(taskset -c 0)
    client_pin=(taskset -c 1)
fi
pin_cpu() { [ ${#pin[@]} -gt 0 ] && printf -- '--pin%s 0' "$1" || true; }

# --- Python environment for the baselines (rapidfuzz; numpy for floor_bench.py) ----------------------------
venv="$work/venv"
if ! "$venv/bin/python" -c 'import rapidfuzz, numpy' 2>/dev/null; then
    say "creating $venv (rapidfuzz, numpy)"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q rapidfuzz numpy
fi
py="$venv/bin/python"

build() {  # runs a build quietly; on failure shows its end and stops
    local log="$work/build.log"
    if "$@" > "$log" 2>&1; then tail -n 1 "$log"; else tail -n 30 "$log" >&2; echo "memory.sh: build failed: $*" >&2; exit 1; fi
}

# --- Builds (release; tm in its own scratch path so it never collides with debug builds) --------------------
if [ -n "${TM_BIN:-}" ]; then
    tm="$TM_BIN"
    say "using tm at $tm (TM_BIN)"
else
    say "building tm (release, $repo/.build-release)"
    build swift build -c release --package-path "$repo" --product tm --scratch-path "$repo/.build-release"
    tm="$(swift build -c release --package-path "$repo" --scratch-path "$repo/.build-release" --show-bin-path)/tm"
fi
say "building fuzzy-bench (release)"
build swift build -c release --package-path "$bench" --product fuzzy-bench
fuzzy="$(swift build -c release --package-path "$bench" --show-bin-path)/fuzzy-bench"

# --- Data: the real corpus, the synthetic ones, the queries (cached in $work/data) --------------------------
data="$work/data"
if [ ! -s "$data/real.tsv" ]; then
    say "making the real corpus from the gettext catalogs"
    "$py" "$shared/make_po_corpus.py" "$data/real.tsv" --tmx "$data/real.tmx" --stats "$data/real.stats.json"
fi
qfile="$data/queries-$queries.tsv"
if [ ! -s "$qfile" ]; then
    say "making $queries queries per side"
    "$py" "$shared/make_queries.py" "$data/real.tsv" "$qfile" --n "$queries"
fi

corpus_of() {  # size name -> corpus path (made if missing)
    local size="$1" n
    if [ "$size" = "30k" ]; then echo "$data/real.tsv"; return; fi
    case "$size" in
        *k) n=$(( ${size%k} * 1000 )) ;;
        *m) n=$(( ${size%m} * 1000000 )) ;;
        *) echo "memory.sh: bad size $size (30k, 100k, 1m, …)" >&2; exit 2 ;;
    esac
    if [ ! -s "$data/synth-$size.tsv" ]; then
        say "making the $size synthetic corpus" >&2
        "$py" "$shared/make_synth_corpus.py" "$data/real.tsv" "$data/synth-$size.tsv" "$n" >&2
    fi
    echo "$data/synth-$size.tsv"
}

# --- Per size --------------------------------------------------------------------------------------------------
for size in ${sizes//,/ }; do
    corpus="$(corpus_of "$size")"
    run="$work/run/$size"
    rm -rf "$run"
    mkdir -p "$run"
    pairs=$(wc -l < "$corpus")
    # tm's TSV import reads `ko<TAB>en` unless a header names the columns: the corpora are `en<TAB>ko`.
    import_file="$data/import-$size.tsv"
    if [ ! -s "$import_file" ] || [ "$import_file" -ot "$corpus" ]; then
        { printf 'en\tko\n'; cat "$corpus"; } > "$import_file"
    fi
    db="$run/tm.sqlite"
    say "== $size: $pairs pairs ($corpus), load average $(cut -d' ' -f1-3 /proc/loadavg)"

    say "$size: tm import"
    # Not pinned: an import parses on one core while SQLite writes on the other.
    "$py" "$helpers/tm_import.py" "$tm" "$db" "$import_file" --format tsv --pairs "$pairs" --out "$run/import.json"

    say "$size: tm serve: time to ready, then $http_queries HTTP queries per side"
    "${client_pin[@]}" "$py" "$helpers/serve_bench.py" "$tm" "$db" "$qfile" --out "$run/serve.json" --results "$run/http" \
        --max-queries "$http_queries" --log "$run/serve.log" $(pin_cpu "-server")

    say "$size: library (fuzzy-bench: TranslationMemory.search, FuzzyIndex.search, bruteForceSearch)"
    reference=()
    [ "$pairs" -ge 5000000 ] && reference=(--reference-queries "$reference_queries")
    "${pin[@]}" "$fuzzy" --db "$db" "$qfile" --json --results "$run/lib" "${reference[@]}" > "$run/lib.json" 2> "$run/lib.log"
    sed 's/^/    /' "$run/lib.log"

    bqfile="$qfile"
    if [ "$pairs" -ge 5000000 ]; then
        bqfile="$data/queries-$queries-first-$baseline_queries.tsv"
        "$py" -c 'import sys
n = int(sys.argv[3]); seen = {}
with open(sys.argv[1], encoding="utf-8") as f, open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write(next(f))
    for line in f:
        side = line.split("\t")[1]
        seen[side] = seen.get(side, 0) + 1
        if seen[side] <= n: out.write(line)' "$qfile" "$bqfile" "$baseline_queries"
        say "$size: baselines on the first $baseline_queries queries a side ($bqfile)"
    fi
    for side in en ko; do
        say "$size/$side: rapidfuzz brute force (baseline_fuzzy.py --method lev)"
        "${pin[@]}" "$py" "$shared/baseline_fuzzy.py" "$corpus" "$bqfile" --method lev --side "$side" \
            --label "$size/$side/lev" --out "$run/rf.$side.jsonl" > "$run/rf.$side.json"
        "$py" -c 'import json,sys; d=json.load(open(sys.argv[1])); print("    p50 %s ms, p95 %s ms, peak RSS %s MB" % (d["p50_ms"], d["p95_ms"], d["peak_rss_mb"]))' "$run/rf.$side.json"
        say "$size/$side: native bit-parallel scan (floor_bench.py)"
        # floor_bench.py runs lev_scan under /usr/bin/time; the scan is one process on one core.
        "${pin[@]}" "$py" "$shared/floor_bench.py" "$corpus" "$bqfile" --side "$side" --label "$size/$side/c-myers" \
            --out "$run/scan.$side.jsonl" --workdir "$work/floor" > "$run/scan.$side.json"
        "$py" -c 'import json,sys; d=json.load(open(sys.argv[1])); print("    p50 %s ms, p95 %s ms" % (d["p50_ms"], d["p95_ms"]))' "$run/scan.$side.json"
    done
    rm -f "$db" "$db-wal" "$db-shm" "$db.index-ko" "$db.index-en"
    say "$size done ($(( $(date +%s) - started )) s so far)"
done

# --- Table ----------------------------------------------------------------------------------------------------
notes="$work/run/notes.md"
{
    echo "Run $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo);"
    echo "tm: $tm (repository at $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?') plus working tree), $queries queries per side"
    echo "(80 % perturbed real segments, 20 % with no close match), min score 75, limit 5; queries, tm serve and the"
    echo "baselines pinned to CPU 0${pin[*]:+ (taskset)}, the HTTP client to CPU 1, the import on both. Library = TranslationMemory.search in"
    echo "process (index + SQLite fetch of the matched rows); index-only = FuzzyIndex.search; ratios = baseline p50 / library p50."
    echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (other sessions may share the machine)."
    echo
} > "$notes"
"$py" "$helpers/report.py" "$work" "$sizes" --queries "$qfile" --out "$work/results.md" --notes "$notes"
say "done in $(( $(date +%s) - started )) s; table in $work/results.md"
