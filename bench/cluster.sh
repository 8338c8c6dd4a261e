#!/usr/bin/env bash
# Several `tm serve` nodes on one PostgreSQL, on loopback (issue #17). In one run:
#   1. the baseline: one node on a SQLite file, under a mixed load (8 clients, 10 % writes, 90 % fuzzy searches);
#   2. the same load on 1, 2 and 4 nodes sharing one throw-away PostgreSQL cluster (.ci/postgres), clients spread
#      over the nodes: requests/s, p50/p99 per kind, and the ratio to the baseline;
#   3. catch-up: a write through node 1 until every other node's /v1/matches finds it (20 probes);
#   4. failures on 2 nodes: PostgreSQL stopped for 3 s under load (answers by status, first write after it is back),
#      and node 1 killed with SIGKILL under writes (acknowledged writes read back through node 2).
# The memory is the real gettext corpus (../shared/bench/make_po_corpus.py, ~30,000 pairs; without it the 455 sample
# pairs), copied from SQLite into PostgreSQL with `tm copy`. Results also go to $TM_BENCH_DIR/cluster.md.
#
# Usage: bash bench/cluster.sh [--seconds 10] [--clients 8] [--nodes 1,2,4] [--port 55440]
# Environment: TM_BENCH_DIR (default /tmp/tm-bench-cluster), TM_SHARED_BENCH, TM_BIN (a tm binary to use).
# Everything (PostgreSQL, the nodes, the Python clients) shares this machine's cores: see the note printed at the end.
set -euo pipefail
seconds=10
clients=8
node_counts="1,2,4"
port=55440
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds="$2"; shift 2 ;;
        --clients) clients="$2"; shift 2 ;;
        --nodes) node_counts="$2"; shift 2 ;;
        --port) port="$2"; shift 2 ;;
        -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
        *) echo "cluster.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
bench="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$bench/.." && pwd)"
shared="${TM_SHARED_BENCH:-$repo/../shared/bench}"
work="${TM_BENCH_DIR:-/tmp/tm-bench-cluster}"
rm -rf "$work" && mkdir -p "$work"
load="python3 $bench/cluster/load.py"

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
if [ -n "${TM_BIN:-}" ]; then
    tm="$TM_BIN"
else
    swift build -c release --product tm --scratch-path "$repo/.build-release" >&2
    tm="$repo/.build-release/release/tm"
fi

pids=()
stop_nodes() {
    for pid in "${pids[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]:-}"; do [ -n "$pid" ] && wait "$pid" 2>/dev/null || true; done
    pids=()
}
trap 'stop_nodes; "$repo/.ci/postgres" stop "$port"' EXIT

# start_nodes DB N: N nodes on DB; their URLs in $urls (comma-separated), their pids in $pids.
start_nodes() {
    local db="$1" count="$2" urls_list=()
    for i in $(seq 1 "$count"); do
        "$tm" serve --db "$db" --port 0 >"$work/node$i.out" 2>"$work/node$i.err" &
        pids+=($!)
    done
    for i in $(seq 1 "$count"); do
        for _ in $(seq 1 600); do grep -q "listening on" "$work/node$i.out" 2>/dev/null && break; sleep 0.1; done
        urls_list+=("$(grep -o 'http://[^ ]*' "$work/node$i.out")")
    done
    urls="$(IFS=,; echo "${urls_list[*]}")"
}

echo "== corpus" >&2
if [ -f "$shared/make_po_corpus.py" ]; then
    python3 "$shared/make_po_corpus.py" "$work/real.tsv" --tmx "$work/real.tmx" >&2
    "$tm" import --db "$work/tm.sqlite" "$work/real.tmx" >&2
else
    awk -F'\t' 'NR > 1 { print $2 "\t" $1 }' "$repo/samples/news-sample.tsv" >"$work/real.tsv"
    "$tm" import --db "$work/tm.sqlite" "$repo/samples/news-sample.tsv" >&2
fi
pairs="$("$tm" stats --db "$work/tm.sqlite" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["segments"])')"

echo "== PostgreSQL on 127.0.0.1:$port, and tm copy" >&2
pg="$("$repo/.ci/postgres" start "$port")"
copy_start=$(date +%s.%N)
"$tm" copy --from "$work/tm.sqlite" --to "$pg" --batch 5000 2>/dev/null >&2
copy_seconds=$(python3 -c "print(round($(date +%s.%N) - $copy_start, 2))")

results="$work/results.jsonl"
: >"$results"
echo "== baseline: 1 node on SQLite" >&2
start_nodes "$work/tm.sqlite" 1
$load mixed --nodes "$urls" --corpus "$work/real.tsv" --seconds "$seconds" --clients "$clients" \
    | python3 -c 'import json,sys; r=json.load(sys.stdin); r["engine"]="SQLite"; print(json.dumps(r))' >>"$results"
stop_nodes

for count in ${node_counts//,/ }; do
    echo "== $count node(s) on PostgreSQL" >&2
    start_nodes "$pg" "$count"
    line="$($load mixed --nodes "$urls" --corpus "$work/real.tsv" --seconds "$seconds" --clients "$clients")"
    catch="{}"
    [ "$count" -ge 2 ] && catch="$($load catchup --nodes "$urls" --probes 20)"
    python3 -c 'import json,sys; r=json.loads(sys.argv[1]); r["engine"]="PostgreSQL"; r["catchup"]=json.loads(sys.argv[2]); print(json.dumps(r))' \
        "$line" "$catch" >>"$results"
    stop_nodes
done

echo "== failures on 2 nodes" >&2
start_nodes "$pg" 2
outage="$($load outage --nodes "$urls" --down "$repo/.ci/postgres down $port" --up "$repo/.ci/postgres up $port")"
killed="$($load kill --nodes "$urls" --pid "${pids[0]}")"
stop_nodes

python3 - "$results" "$pairs" "$copy_seconds" "$outage" "$killed" "$clients" "$seconds" "$(nproc)" <<'PY' | tee "$work/cluster.md"
import json, sys
results = [json.loads(l) for l in open(sys.argv[1])]
pairs, copy_s, outage, killed = sys.argv[2], sys.argv[3], json.loads(sys.argv[4]), json.loads(sys.argv[5])
clients, seconds, cores = sys.argv[6], sys.argv[7], sys.argv[8]
base = results[0]["requests_per_s"]
print(f"# tm cluster benchmark: {pairs} pairs, {clients} clients, {seconds} s per run, 10 % writes, {cores} cores\n")
print(f"`tm copy` SQLite → PostgreSQL: {copy_s} s\n")
print("| engine | nodes | requests/s | × baseline | search p50 / p99 ms | write p50 / p99 ms | errors | catch-up p50 / max ms |")
print("|---|---|---|---|---|---|---|---|")
for r in results:
    s, w, c = r["search"], r["write"], r.get("catchup") or {}
    catch = f"{c['p50_ms']} / {c['max_ms']}" if c.get("probes") else "–"
    label = " (baseline)" if r is results[0] else ""
    print(f"| {r['engine']}{label} | {r['nodes']} | {r['requests_per_s']} | {r['requests_per_s'] / base:.2f} | "
          f"{s['p50_ms']} / {s['p99_ms']} | {w['p50_ms']} / {w['p99_ms']} | {s['errors'] + w['errors']} | {catch} |")
print("\n## PostgreSQL stopped for 3 s under load (2 nodes)\n")
print("| phase | kind | status | answers |")
print("|---|---|---|---|")
for key, n in outage["counts"].items():
    phase, kind, status = key.split(" ")
    print(f"| {phase} | {kind} | {status} | {n} |")
print(f"\nSlowest search per phase (ms): {outage['slowest_search_ms']}.")
print(f"\nFirst write accepted {outage['first_write_after_up_ms']} ms after PostgreSQL was started again; "
      f"a write through node 1 then found by node 2 after {outage['write_after_up_found_by_other_node_ms']} ms.")
print("\n## Node 1 killed with SIGKILL under 4 writing clients\n")
print(f"{killed['writes_sent']} writes sent, {killed['acknowledged']} acknowledged, {killed['unanswered']} unanswered; "
      f"acknowledged but missing through node 2: **{killed['acknowledged_missing']}**; node 2's searches meanwhile by status: "
      f"{killed['other_node_searches']}.")
print(f"\nAll of it shares {cores} cores: PostgreSQL, every node and the Python clients (which need about a core "
      "themselves) compete, so more nodes add no throughput here; what the table shows is the cost of the shared "
      "database and of following its change log, not scale-out, which needs a machine per node.")
PY
