#!/usr/bin/env bash
# Load test on loopback with wrk (Debian's package): glossary lookup, romanization and fuzzy matching against
# a release `tm serve` seeded with the bundled glossary and the sample memory. Each run is bounded in time
# (DURATION seconds, default 10) and connections (CONNECTIONS, default 16, on 2 threads). The baseline,
# measured in the same run, is GET /v1/health: the framework's own cost per request.
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
