#!/usr/bin/env bash
# Styled rendering against Glamour, whole process, for BENCHMARKS.md:
#   bao cat --color=always --style dark --width 80 FILE   against
#   glamourcat FILE (Glamour's renderer, dark, word wrap 80: what glow does
#   to render a file, without glow's command-line framework)
# on the seed article as Markdown and on a 300 KB Markdown document made of
# the README and upgrade guide of the Charm modules bao depends on
# (charm.land/{bubbletea,bubbles,lipgloss,glamour,log,wish}/v2 and
# charm.land/ssh, at the versions in go.sum), repeated to 300 KB.
# Then the reader's first frame on the 300 KB document in tmux, from
# starting the process to its first screen, against glamourcat's time to
# render the whole document (glow's pager shows nothing before that).
# Usage: scripts/bench-docs.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-30}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

go build -o "$tmp/bao" .
go build -o "$tmp/glamourcat" ./cmd/glamourcat

seed=../shared/corpus/seed/000_4184514eaf17b170.txt
[ -f "$seed" ] || seed=articles/sample/01-pho-di-bo.txt
"$tmp/bao" cat --json "$seed" | python3 -c '
import json, sys
a = json.loads(sys.stdin.readline())
print("# " + a["title"] + "\n\n" + a["lead"] + "\n")
for b in a["blocks"]:
    print(("## " if b["kind"] == "heading" else "") + b["text"] + "\n")
' > "$tmp/seed.md"

docs=()
for m in charm.land/bubbletea/v2 charm.land/bubbles/v2 charm.land/lipgloss/v2 charm.land/glamour/v2 charm.land/log/v2 charm.land/wish/v2 charm.land/ssh; do
	dir=$(go list -m -f '{{.Dir}}' "$m" 2>/dev/null || true)
	for f in "$dir/README.md" "$dir/UPGRADE_GUIDE_V2.md"; do [ -f "$f" ] && docs+=("$f"); done
done
: > "$tmp/docs.md"
while [ "$(wc -c < "$tmp/docs.md")" -lt 307200 ]; do
	for f in "${docs[@]}"; do cat "$f"; echo; done >> "$tmp/docs.md"
done
head -c 307200 "$tmp/docs.md" > "$tmp/big.md"
# End on a line boundary, outside any code fence the cut may have opened.
sed -i '$d' "$tmp/big.md"
if [ $(( $(grep -c '^```' "$tmp/big.md") % 2 )) -eq 1 ]; then echo '```' >> "$tmp/big.md"; fi

measure() { # name command...
	local name=$1; shift
	"$@" > /dev/null
	local start end rss
	start=$(date +%s%N)
	for _ in $(seq "$runs"); do "$@" > /dev/null; done
	end=$(date +%s%N)
	rss=$( { /usr/bin/time -f '%M' "$@" > /dev/null; } 2>&1 | tail -1 )
	printf '%-58s %8.2f ms/run  %6d KB max RSS\n' "$name" "$(echo "($end - $start) / $runs / 1000000" | bc -l)" "$rss"
}

echo "$runs runs each, $(nproc) cores; seed.md $(wc -c < "$tmp/seed.md") bytes, big.md $(wc -c < "$tmp/big.md") bytes from ${#docs[@]} files"
for f in seed big; do
	measure "bao cat --color=always --style dark --width 80 $f.md" "$tmp/bao" cat --color=always --style dark --width 80 "$tmp/$f.md"
	measure "glamourcat $f.md" "$tmp/glamourcat" "$tmp/$f.md"
	if command -v glow > /dev/null; then
		measure "glow -s dark -w 80 $f.md" glow -s dark -w 80 "$tmp/$f.md"
	fi
done

# First frame: time from starting bao in tmux to "min read" on its screen,
# polled every few milliseconds; the median of the runs.
# First frame: time from starting a command in a new tmux server to TEXT
# on its screen, polled every few milliseconds; the median of ten runs.
first_frame() { # label text command
	local label=$1 text=$2 cmd=$3 times=() i
	for i in $(seq 10); do
		local sock="benchdocs$$-$i" start end
		start=$(date +%s%N)
		tmux -L "$sock" new -d -x 100 -y 30 "$cmd"
		until tmux -L "$sock" capture-pane -p 2>/dev/null | grep -q "$text"; do sleep 0.002; done
		end=$(date +%s%N)
		tmux -L "$sock" kill-server 2>/dev/null || true
		times+=($(( (end - start) / 1000000 )))
	done
	printf '%s\n' "${times[@]}" | sort -n | awk -v l="$label" '{a[NR]=$1} END {print l ", median of " NR ": " a[int((NR+1)/2)] " ms (min " a[1] ", max " a[NR] ")"}'
}
first_frame "reader first frame on big.md (tmux, 100x30)" "min read" "$tmp/bao --no-state $tmp/big.md"
# The floor that starting tmux and polling it put under the figure above.
first_frame "tmux floor (a shell printing one line)" "min read" "echo min read; sleep 5"
