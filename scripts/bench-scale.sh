#!/usr/bin/env bash
# Whole-program figures for large libraries: generates an N-article library
# (cmd/genlib, deterministic), then measures with a warm page
# cache: the time cat needs to read every file, the time from starting bao
# in tmux to its first list frame, the time until every article is loaded,
# and bao's resident memory once loaded, against the library's size on
# disk. Usage: scripts/bench-scale.sh [N] [DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
dir=${2:-/tmp/bao-lib-$n}
corpus=../shared/corpus
[ -d "$corpus" ] || corpus=""
tmp=$(mktemp -d)
sock="$tmp/tmux.sock"
trap 'tmux -S "$sock" kill-server 2>/dev/null || true; rm -rf "$tmp"' EXIT
[ -d "$dir" ] || go run ./cmd/genlib -n "$n" -out "$dir" ${corpus:+-corpus "$corpus"}
go build -o "$tmp/bao" .

ms() { echo $(( ($2 - $1) / 1000000 )); }
find "$dir" -type f -print0 | xargs -0 cat > /dev/null # warm the cache
t0=$(date +%s%N); find "$dir" -type f -print0 | xargs -0 cat > /dev/null; t1=$(date +%s%N)
echo "library: $n articles, $(du -sm "$dir" | cut -f1) MB on disk ($(du -sm --apparent-size "$dir" | cut -f1) MB of text)"
echo "cat every file: $(ms "$t0" "$t1") ms"

screen() { tmux -S "$sock" capture-pane -p -t bao 2>/dev/null || true; }
t0=$(date +%s%N)
tmux -S "$sock" new-session -d -s bao -x 120 -y 40 "XDG_STATE_HOME=$tmp/state $tmp/bao $dir; sleep 600"
until screen | grep -q ' · by '; do sleep 0.002; done
t1=$(date +%s%N)
echo "first list frame: $(ms "$t0" "$t1") ms"
until ! screen | grep -q 'loading'; do sleep 0.01; done
t2=$(date +%s%N)
echo "all articles loaded: $(ms "$t0" "$t2") ms"
sleep 2 # let the index and the memory release run
pid=$(pgrep -f "^$tmp/bao $dir" | head -1)
rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
echo "resident memory when loaded: $((rss / 1024)) MB"
screen | head -1
tmux -S "$sock" kill-server
sleep 1

# The same run under /usr/bin/time -v, quit 5 s after loading: peak
# resident memory over the whole run, indexing included.
tmux -S "$sock" new-session -d -s bao -x 120 -y 40 "XDG_STATE_HOME=$tmp/state2 /usr/bin/time -v -o $tmp/time.txt $tmp/bao $dir; sleep 600"
until screen | grep -q ' · by '; do sleep 0.01; done
until ! screen | grep -q 'loading'; do sleep 0.01; done
sleep 5
tmux -S "$sock" send-keys -t bao q
until [ -s "$tmp/time.txt" ]; do sleep 0.1; done
grep -E 'Maximum resident|Elapsed|Percent of CPU' "$tmp/time.txt" | sed 's/^\t//'
