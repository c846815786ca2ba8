#!/usr/bin/env bash
# Load test of bao serve on this machine (loopback only): starts a server
# with per-address limits raised (every session comes from 127.0.0.1), runs
# N concurrent reader sessions against it and prints latency, memory and
# errors. Usage: scripts/load-ssh.sh [SESSIONS] [ARTICLE...]
# With SOAK=10m in the environment, every session keeps reading (a key a
# second) that long, and key-to-frame latency and memory growth are
# reported: the soak test, not run in CI. SIZE=80x24 sets each session's
# terminal (default 100x30).
set -euo pipefail
cd "$(dirname "$0")/.."
sessions=${1:-200}
shift || true
articles=("$@")
if [ ${#articles[@]} -eq 0 ]; then
	if [ -f ../shared/corpus/seed/000_4184514eaf17b170.txt ]; then
		articles=(../shared/corpus/seed/000_4184514eaf17b170.txt)
	else
		articles=(articles/sample/01-pho-di-bo.txt)
	fi
fi
tmp=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$tmp"' EXIT
go build -o "$tmp/bao" .
go build -o "$tmp/loadtest" ./cmd/loadtest
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
ulimit -n 65536 2>/dev/null || true
"$tmp/bao" serve --listen "127.0.0.1:$port" --host-key "$tmp/key" \
	--no-state --max-sessions $((sessions + 10)) --conn-rate 100000 --conn-burst 100000 --conns-per-ip 100000 --sessions-per-ip 100000 \
	"${articles[@]}" 2> "$tmp/server.log" &
pid=$!
for _ in $(seq 100); do
	(exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null && break
	sleep 0.05
done
echo "bao serve pid $pid on 127.0.0.1:$port, ${articles[*]}, $(nproc) cores"
status=0
"$tmp/loadtest" -addr "127.0.0.1:$port" -sessions "$sessions" -pid "$pid" ${SOAK:+-soak "$SOAK"} ${SIZE:+-cols "${SIZE%x*}" -rows "${SIZE#*x}"} || status=$?
if grep -qv ' INFO ' "$tmp/server.log"; then
	echo "server warnings and errors:"
	grep -v ' INFO ' "$tmp/server.log" | sort | uniq -c | sort -rn | head -20
fi
exit $status
