#!/bin/sh
# Builds align-eval in release and runs it on align-dev (or the folder given first); other arguments pass through
# (--fit searches the cost weights on documents 001-030).
set -e
here="$(cd "$(dirname "$0")" && pwd)"
swift build -c release --package-path "$here"
"$(swift build -c release --package-path "$here" --show-bin-path)/align-eval" "$@"
