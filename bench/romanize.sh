#!/bin/sh
# Romanizes one million syllables on one core in each system; prints syllables/s and the ratio to a naive
# letter-table lookup measured in the same run. Run from anywhere.
set -eu
bench="$(cd "$(dirname "$0")" && pwd)"
swift build -c release --package-path "$bench" --product romanize-bench
binary="$(swift build -c release --package-path "$bench" --show-bin-path)/romanize-bench"
if command -v taskset >/dev/null 2>&1; then exec taskset -c 0 "$binary"; else exec "$binary"; fi
