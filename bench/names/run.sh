#!/bin/sh
# Romanization and names against lists no one here wrote (issue #15): builds the release `tm` and prints every figure
# on the dev files. Usage: bash bench/names/run.sh [--show N]; REALWORLD=folder to point at another set.
set -eu
root="$(cd "$(dirname "$0")/../.." && pwd)"
realworld="${REALWORLD:-$root/../shared/data/realworld}"
swift build -c release --package-path "$root" --product tm >&2
exec python3 "$root/bench/names/evaluate.py" "$(swift build -c release --package-path "$root" --show-bin-path)/tm" "$realworld" "$@"
