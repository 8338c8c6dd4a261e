#!/bin/sh
# 100,000 glossary lookups of mixed spellings against the bundled glossary, on one core; prints lookups/s,
# latency percentiles and the ratio to a linear scan over every spelling measured in the same run.
set -eu
bench="$(cd "$(dirname "$0")" && pwd)"
swift build -c release --package-path "$bench" --product lookup-bench
binary="$(swift build -c release --package-path "$bench" --show-bin-path)/lookup-bench"
if command -v taskset >/dev/null 2>&1; then exec taskset -c 0 "$binary" "$bench/../glossaries"; else exec "$binary" "$bench/../glossaries"; fi
