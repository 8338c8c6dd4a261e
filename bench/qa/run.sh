#!/bin/sh
# Bilingual QA on align-dev with injected errors (issue #16): builds the release `tm` and prints the share of
# injected errors found and the issues on the clean articles. Usage: bash bench/qa/run.sh [--show N]
set -eu
root="$(cd "$(dirname "$0")/../.." && pwd)"
swift build -c release --package-path "$root" --product tm >&2
exec python3 "$root/bench/qa/evaluate.py" "$(swift build -c release --package-path "$root" --show-bin-path)/tm" "${ALIGN_DEV:-$root/../shared/data/align-dev}" "$@"
