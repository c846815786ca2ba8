#!/usr/bin/env bash
# Whole-process figures for BENCHMARKS.md: wall time and peak memory of
# bao printing an article to a pipe, against a Glamour-only renderer of the
# same article as Markdown (glow's rendering path), or glow itself when it
# is installed. Usage: scripts/bench-process.sh [ARTICLE] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
article=${1:-../shared/corpus/seed/000_4184514eaf17b170.txt}
[ -f "$article" ] || article=articles/sample/01-pho-di-bo.txt
runs=${2:-50}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

go build -o "$tmp/bao" .
go build -o "$tmp/glamourcat" ./cmd/glamourcat
# The same article as Markdown, so both programs render the same content.
"$tmp/bao" cat --json "$article" | python3 -c '
import json, sys
a = json.loads(sys.stdin.readline())
print("# " + a["title"] + "\n\n" + a["lead"] + "\n")
for b in a["blocks"]:
    print(("## " if b["kind"] == "heading" else "") + b["text"] + "\n")
' > "$tmp/article.md"

measure() { # name command...
	local name=$1; shift
	local start end
	"$@" > /dev/null # warm the page cache
	start=$(date +%s%N)
	for _ in $(seq "$runs"); do "$@" > /dev/null; done
	end=$(date +%s%N)
	local rss
	rss=$( { /usr/bin/time -f '%M' "$@" > /dev/null; } 2>&1 | tail -1 )
	printf '%-28s %8.2f ms/run  %6d KB max RSS\n' "$name" "$(echo "($end - $start) / $runs / 1000000" | bc -l)" "$rss"
}

echo "article: $article ($(wc -c < "$article") bytes), $runs runs each, $(nproc) cores"
measure "bao (pipe, text)" "$tmp/bao" "$article"
measure "glamour (markdown, dark)" "$tmp/glamourcat" "$tmp/article.md"
if command -v glow > /dev/null; then
	measure "glow -s dark -w 80" glow -s dark -w 80 "$tmp/article.md"
fi
