#!/bin/sh
# Builds align-eval in release and runs it on align-dev (or the folder given first); other arguments pass through
# (--fit searches the cost weights on documents 001-030).
set -e
here="$(cd "$(dirname "$0")" && pwd)"
# This package compiles the repository's sources from outside; after a source file is renamed or removed its
# build cache reports missing inputs, so a failed build is retried once from a clean cache.
swift build -c release --package-path "$here" || { rm -rf "$here/.build" && swift build -c release --package-path "$here"; }
"$(swift build -c release --package-path "$here" --show-bin-path)/align-eval" "$@"
