#!/usr/bin/env bash
# Runs the whole test suite with the race detector RUNS times in a row (20
# by default) while two CPU-bound processes run beside it, to show that no
# test depends on timing. Stops at the first failure and prints its output.
# Usage: scripts/stress.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
hogs=()
cleanup() { for p in "${hogs[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
for _ in 1 2; do
	( while :; do :; done ) &
	hogs+=($!)
done
echo "$(nproc) cores, 2 busy loops beside the tests, $runs runs of go test -race -count=1 ./..."
go test -race -count=1 -run '^$' ./... > /dev/null # build once, outside the timing
for i in $(seq "$runs"); do
	start=$(date +%s)
	if ! out=$(go test -race -count=1 ./... 2>&1); then
		echo "run $i: FAIL after $(( $(date +%s) - start )) s"
		echo "$out"
		exit 1
	fi
	echo "run $i: ok in $(( $(date +%s) - start )) s"
done
echo "all $runs runs passed"
