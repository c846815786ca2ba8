#!/bin/sh
# Replays, in the real binary under tmux, the list's round trips (filter,
# open, back; bookmarks only; sorting) on ../shared/corpus when it is
# beside the checkout, and on a written library otherwise. It checks that
# bao never panics and that the list keeps an article selected.
set -e
cd "$(dirname "$0")/.."
exec go test -count=1 -run 'TestRoundTripsTmux' -v .
