#!/bin/sh
# roundtrips.sh [BINARY [LIBRARY]]: replays, under tmux, the list's round
# trips that once crashed it or left it without a selection (filter, open,
# back; bookmarks only from far down the list; sorted, open, back), and
# checks after each that bao is running with an article selected.
#
# Without arguments it runs them as go test (TestRoundTripsTmux), on
# ../shared/corpus when it is beside the checkout and on a written library
# otherwise. Given a binary, it replays the same keys against that binary,
# on LIBRARY (default ../shared/corpus): to compare one build with another.
if [ $# -eq 0 ]; then
	set -e
	cd "$(dirname "$0")/.."
	exec go test -count=1 -run 'TestRoundTripsTmux' -v .
fi
set -u
bin=$1
lib=${2:-../shared/corpus}
sock=$(mktemp -u /tmp/bao-replay.XXXXXX)
t() { tmux -S "$sock" "$@"; }
trap 't kill-server 2>/dev/null' EXIT
t new-session -d -s bao -x 100 -y 30 "TERM=xterm-256color $bin --no-state $lib 2>&1; echo BAO-EXITED-\$?; sleep 60"

# wait TEXT: until the screen shows TEXT (10 s at most).
wait() {
	i=0
	while [ $i -lt 100 ]; do
		t capture-pane -p -t bao | grep -qF -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
keys() { t send-keys -t bao "$@"; }
fails=0
check() {
	s=$(t capture-pane -p -t bao)
	if printf '%s' "$s" | grep -q -e panic -e BAO-EXITED; then
		echo "FAIL  $1: bao ended"; printf '%s\n' "$s" | grep -m3 -e panic -e runtime; fails=$((fails + 1))
		exit 1
	elif ! printf '%s' "$s" | grep -q '│'; then
		echo "FAIL  $1: no article selected"; fails=$((fails + 1))
	else
		echo "ok    $1"
	fi
}

wait "articles · by" || { echo "bao did not start"; exit 1; }
i=0
while t capture-pane -p -t bao | grep -q loading && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
for q in "bong da" "covid"; do
	for back in q Escape; do
		keys / && keys -l "$q" && keys Enter
		wait "“$q”"
		keys Enter
		wait "min read"
		keys $back
		sleep 0.5
		check "filter \"$q\", open, $back"
		keys Escape
		sleep 0.3
	done
done
keys G
for _ in $(seq 40); do keys k; done
keys f j j f B
wait "bookmarks only"
check "bookmarks only"
keys Enter; wait "min read"; keys q; sleep 0.5
check "bookmarks only, open, back"
keys B s; wait "by title"
keys j j Enter; wait "min read"; keys q; sleep 0.5
check "sorted, open, back"
keys q
wait BAO-EXITED-0 || { echo "FAIL  q did not quit"; fails=$((fails + 1)); }
echo "$fails failed"
[ $fails -eq 0 ]
