#!/usr/bin/env bash
# Reports the words and link URLs that bao cat and the reader lose from
# every Markdown file in the Go module cache (or the directories given),
# measured against goldmark's own rendering of each file.
set -euo pipefail
cd "$(dirname "$0")/.."
exec go run ./cmd/wordloss "$@"
