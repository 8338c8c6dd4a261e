#!/usr/bin/env bash
# House-style check and recognition on the real-news dev set (../shared/data/realworld), against the hand
# judgements: false flags per 1,000 sentences, judged TPs kept, recognition precision. Builds tm in release and runs
# it on a fresh database seeded with the bundled glossary. Usage: bash bench/check/run.sh [REALWORLD_DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
data="${1:-$root/../shared/data/realworld}"
[ -f "$data/check_classified.tsv" ] || { echo "run.sh: no dev judgements in $data" >&2; exit 2; }
swift build -c release --product tm --scratch-path "$root/.build-release" >&2
work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
"$root/.build-release/release/tm" serve --db "$work/tm.sqlite" --port 0 >"$work/serve.out" 2>/dev/null &
server=$!
for _ in $(seq 1 200); do grep -q "listening on" "$work/serve.out" 2>/dev/null && break; sleep 0.05; done
python3 "$root/bench/check/evaluate.py" "$(grep -o 'http://[^ ]*' "$work/serve.out")" "$data"
