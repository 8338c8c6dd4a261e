#!/bin/sh
# Builds the romanizer benchmark in release and runs it on one core. Run from anywhere.
set -eu
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
swift build -c release --package-path bench/romanize
binary="$(swift build -c release --package-path bench/romanize --show-bin-path)/romanize-bench"
if command -v taskset >/dev/null 2>&1; then
    exec taskset -c 0 "$binary"
else
    exec "$binary"
fi
