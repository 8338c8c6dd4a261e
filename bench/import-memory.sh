#!/usr/bin/env bash
# Import peak memory: `tm import` of a 200 MB TMX and POST /v1/import of a 60 MB one to `tm serve`, each against the
# memory of the final index (measured in the same run). Goal: peak RSS <= final index + 256 MiB.
# Usage: bash bench/import-memory.sh [--cli-mb 200] [--server-mb 60]; work files in $TM_BENCH_DIR (default /tmp/tm-import-bench).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
swift build -c release --product tm --scratch-path "$root/.build-release" >&2
python3 "$root/bench/memory/import_rss.py" "$root/.build-release/release/tm" "${TM_BENCH_DIR:-/tmp/tm-import-bench}" "$@"
