#!/usr/bin/env bash
# Load test on loopback with wrk (Debian's package), against a release `tm serve`.
# 1. Reads: glossary lookup, romanization and fuzzy matching on the bundled glossary and the sample memory; the
#    baseline, measured in the same run, is GET /v1/health (the framework's own cost per request).
# 2. Writes beside reads, on a memory of WRITE_MEMORY pairs (default 100,000): 16 connections posting new pairs
#    alone (the baseline), then with 2 and with 8 connections searching at the same time. Goal: with 8 readers,
#    ≥ 1,000 writes/s and write p99 ≤ 50 ms.
# Each run is bounded in time (DURATION seconds, default 10) and connections (CONNECTIONS, default 16, on 2 threads).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
duration="${DURATION:-10}"
connections="${CONNECTIONS:-16}"

if ! command -v wrk >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk
fi
swift build -c release --product tm --scratch-path "$root/.build-release" >&2
tm="$root/.build-release/release/tm"

work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
"$tm" import --db "$work/tm.sqlite" "$root/samples/news-sample.tsv" >&2
"$tm" serve --db "$work/tm.sqlite" --port 0 >"$work/serve.out" 2>/dev/null &
server=$!
for _ in $(seq 1 100); do grep -q "listening on" "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
url="$(grep -o 'http://[^ ]*' "$work/serve.out")"

# Request paths: spellings of glossary names, Hangul words, and memory sentences with a few edits.
python3 - "$root" "$work" <<'PY'
import sys, urllib.parse, random
root, work = sys.argv[1], sys.argv[2]
random.seed(7)
names, hangul = [], []
import glob
for path in sorted(glob.glob(root + "/glossaries/*.tsv")):
    for line in open(path, encoding="utf-8").read().splitlines()[1:]:
        fields = line.split("\t")
        names += [fields[0], fields[1]] + [v for v in fields[3].split("|") if v][:2]
        hangul.append(fields[0])
pairs = [l.split("\t") for l in open(root + "/samples/news-sample.tsv", encoding="utf-8").read().splitlines()[1:]]
q = lambda s: urllib.parse.quote(s, safe="")
with open(work + "/lookup.txt", "w") as f:
    for n in random.sample(names, 500): f.write("/v1/glossary/lookup?q=" + q(n) + "\n")
with open(work + "/romanize.txt", "w") as f:
    for h in random.sample(hangul, 500): f.write("/v1/romanize?kind=name&text=" + q(h) + "\n")
def mutate(s):
    s = list(s)
    for _ in range(max(1, len(s) // 20)):
        s[random.randrange(len(s))] = random.choice("abcdefg가나다")
    return "".join(s)
with open(work + "/match.txt", "w") as f:
    for ko, en in random.sample(pairs, 300):
        f.write("/v1/matches?from=en&q=" + q(mutate(en)) + "\n")
        f.write("/v1/matches?from=ko&q=" + q(mutate(ko)) + "\n")
with open(work + "/health.txt", "w") as f:
    f.write("/v1/health\n")
PY

run() {
    local name="$1" file="$2"
    local out
    out="$(PATHS="$file" wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$root/bench/load/rotate.lua" "$url")"
    local rps p99 errors
    rps="$(echo "$out" | awk '/Requests\/sec/ {print $2}')"
    p99="$(echo "$out" | awk '$1 == "99%" {print $2}')"
    errors="$(echo "$out" | awk '/Non-2xx/ {print $NF}')"
    echo "$name $rps $p99 ${errors:-0}"
}

echo "wrk: 2 threads, $connections connections, ${duration}s per route, loopback, 2 cores shared with the server"
baseline="$(run health "$work/health.txt")"
base_rps="$(echo "$baseline" | awk '{print $2}')"
printf '%-10s %12s %10s %8s %18s\n' route "requests/s" p99 non-2xx "vs /v1/health"
for line in "$baseline" "$(run lookup "$work/lookup.txt")" "$(run romanize "$work/romanize.txt")" "$(run match "$work/match.txt")"; do
    read -r name rps p99 errors <<<"$line"
    ratio="$(python3 -c "print(f'{float($rps)/float($base_rps):.2f}×')")"
    printf '%-10s %12s %10s %8s %18s\n' "$name" "$rps" "$p99" "$errors" "$ratio"
done

# Writes beside reads, on a larger memory.
size="${WRITE_MEMORY:-100000}"
kill "$server" 2>/dev/null || true
wait "$server" 2>/dev/null || true
python3 - "$root" "$work" "$size" <<'PY'
import sys, random
root, work, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
random.seed(11)
pairs = [l.split("\t") for l in open(root + "/samples/news-sample.tsv", encoding="utf-8").read().splitlines()[1:]]
ko_words = [w for ko, en in pairs for w in ko.split()]
en_words = [w for ko, en in pairs for w in en.split()]
with open(work + "/large.tsv", "w", encoding="utf-8") as f:
    f.write("ko\ten\n")
    for n in range(size):
        ko = " ".join(random.choice(ko_words) for _ in range(random.randint(6, 14)))
        en = " ".join(random.choice(en_words) for _ in range(random.randint(9, 22)))
        f.write(f"{ko} {n}\t{en} {n}\n")
import urllib.parse
q = lambda s: urllib.parse.quote(s, safe="")
lines = open(work + "/large.tsv", encoding="utf-8").read().splitlines()[1:]
with open(work + "/large-match.txt", "w") as f:
    for line in random.sample(lines, 400):
        ko, en = line.split("\t")
        words = en.split()
        words[random.randrange(len(words))] = "changed"
        f.write("/v1/matches?from=en&q=" + q(" ".join(words)) + "\n")
        f.write("/v1/matches?from=ko&q=" + q(ko[:-3]) + "\n")
PY
"$tm" import --db "$work/large.sqlite" "$work/large.tsv" >&2
"$tm" serve --db "$work/large.sqlite" --port 0 >"$work/serve2.out" 2>/dev/null &
server=$!
for _ in $(seq 1 300); do grep -q "listening on" "$work/serve2.out" 2>/dev/null && break; sleep 0.1; done
url="$(grep -o 'http://[^ ]*' "$work/serve2.out")"

# Prints "writes/s write-p99 reads/s read-p99 write-errors" for 16 writers beside $1 reading connections.
mixed() {
    local readers="$1" reader_pid="" wout rout
    if [ "$readers" -gt 0 ]; then
        PATHS="$work/large-match.txt" wrk -t1 -c"$readers" -d"$((duration + 1))s" --latency -s "$root/bench/load/rotate.lua" "$url" \
            >"$work/readers.out" &
        reader_pid=$!
        sleep 0.5
    fi
    wout="$(wrk -t2 -c16 -d"${duration}s" --latency -s "$root/bench/load/write.lua" "$url")"
    if [ -n "$reader_pid" ]; then wait "$reader_pid"; rout="$(cat "$work/readers.out")"; else rout=""; fi
    local wrps wp99 werr rrps rp99
    wrps="$(echo "$wout" | awk '/Requests\/sec/ {print $2}')"
    wp99="$(echo "$wout" | awk '$1 == "99%" {print $2}')"
    werr="$(echo "$wout" | awk '/Non-2xx/ {print $NF}')"
    rrps="$(echo "$rout" | awk '/Requests\/sec/ {print $2}')"
    rp99="$(echo "$rout" | awk '$1 == "99%" {print $2}')"
    echo "$wrps $wp99 ${rrps:--} ${rp99:--} ${werr:-0}"
}

echo
echo "writes beside reads: $size pairs, 16 writing connections (wrk -t2), readers on a second wrk (-t1), ${duration}s each"
printf '%-8s %10s %10s %10s %10s %8s %12s\n' readers "writes/s" "write p99" "reads/s" "read p99" non-2xx "vs alone"
alone=""
for readers in 0 2 8; do
    read -r wrps wp99 rrps rp99 werr <<<"$(mixed "$readers")"
    [ -z "$alone" ] && alone="$wrps"
    ratio="$(python3 -c "print(f'{float($wrps)/float($alone):.2f}×')")"
    printf '%-8s %10s %10s %10s %10s %8s %12s\n' "$readers" "$wrps" "$wp99" "$rrps" "$rp99" "$werr" "$ratio"
    if [ "$readers" -eq 8 ]; then
        verdict="$(python3 - "$wrps" "$wp99" <<'PY'
import sys
rps = float(sys.argv[1]); p99 = sys.argv[2]
ms = float(p99[:-2]) if p99.endswith("ms") else float(p99[:-2]) / 1000 if p99.endswith("us") else float(p99[:-1]) * 1000
print(("PASS" if rps >= 1000 and ms <= 50 else "FAIL") + f": 8 readers, {rps:.0f} writes/s (goal >= 1000), write p99 {ms:.1f} ms (goal <= 50)")
PY
)"
    fi
done
echo "$verdict"

# Catch-up: a pair written by another process (tm add, the CLI) against the server's first search that finds it.
python3 - "$tm" "$work/large.sqlite" "$url" <<'PY'
import subprocess, sys, time, urllib.parse, urllib.request, statistics
tm, db, url = sys.argv[1:4]
delays = []
for n in range(20):
    en = f"Catch-up probe number {n} written by another process at {time.time():.6f}"
    subprocess.run([tm, "add", "--db", db, "--ko", f"다른 프로세스가 쓴 확인 문장 {n}", "--en", en], check=True, capture_output=True)
    written = time.time()
    query = url + "/v1/matches?min=100&q=" + urllib.parse.quote(en)
    while b'"id"' not in urllib.request.urlopen(query).read():
        time.sleep(0.005)
    delays.append(time.time() - written)
    time.sleep(0.3)
delays.sort()
print(f"\ncatch-up: a CLI write found by the server's search after p50 {statistics.median(delays) * 1000:.1f} ms, "
      f"max {delays[-1] * 1000:.1f} ms over {len(delays)} writes — " + ("PASS" if delays[-1] <= 1 else "FAIL") + " (goal <= 1 s)")
PY
