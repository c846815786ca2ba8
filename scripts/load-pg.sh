#!/usr/bin/env bash
# Load test of several bao serve instances on this machine (loopback only):
# a throwaway PostgreSQL cluster, INSTANCES instances of bao serve sharing
# it, one library and one host key, behind HAProxy in TCP mode with
# send-proxy-v2, and SESSIONS concurrent readers through HAProxy. Each
# reader signs in with a key of its own, opens the article, jumps through
# its sections, then moves between two sections once a second for WRITES
# (a saved position each time). Reported: connect-to-first-frame p50/p99,
# the instances' state-write p99 (from their metrics), and the positions
# lost (the database compared with the last key each reader sent).
# Usage: scripts/load-pg.sh [SESSIONS] [INSTANCES]   (default 600 over 2)
# WRITES=0 skips the write phase (first frames only). STATE=sqlite gives
# the instances a SQLite file instead, for comparison: the same path
# through HAProxy and the same readers, with one instance (each would have
# a store of its own otherwise).
# Needs PostgreSQL's server programs and haproxy (.ci/run installs both).
set -euo pipefail
cd "$(dirname "$0")/.."
sessions=${1:-600}
instances=${2:-2}
writes=${WRITES:-30s}
article=articles/sample/01-pho-di-bo.txt
[ -f ../shared/corpus/seed/000_4184514eaf17b170.txt ] && article=../shared/corpus/seed/000_4184514eaf17b170.txt
bindir=$(dirname "$(command -v initdb 2>/dev/null || ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
tmp=$(mktemp -d /tmp/bao-load.XXXXXX)
chmod 755 "$tmp"
pids=()
as_pg() { if [ "$(id -u)" = 0 ]; then setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; else "$@"; fi; }
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	as_pg "$bindir/pg_ctl" -D "$tmp/pg/data" -m immediate -w stop >/dev/null 2>&1 || true
	rm -rf "$tmp"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 200); do (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0; sleep 0.05; done; echo "nothing listens on $1"; exit 1; }

mkdir "$tmp/pg" "$tmp/lib"
cp "$article" "$tmp/lib/"
[ "$(id -u)" = 0 ] && chown 65534:65534 "$tmp/pg"
pgport=$(free_port)
as_pg "$bindir/initdb" -D "$tmp/pg/data" -U bao -A trust -E UTF8 --locale=C --no-sync >/dev/null
as_pg "$bindir/pg_ctl" -D "$tmp/pg/data" -l "$tmp/pg/log" -w \
	-o "-p $pgport -k $tmp/pg -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
db="postgres://bao@127.0.0.1:$pgport/postgres?sslmode=disable"
check=(-db "$db")
if [ "${STATE:-}" = sqlite ]; then
	db="$tmp/state.db"
	check=()
fi

go build -o "$tmp/bao" .
go build -o "$tmp/loadtest" ./cmd/loadtest
ulimit -n 65536 2>/dev/null || true
backends=""
metrics=()
for i in $(seq "$instances"); do
	port=$(free_port)
	mport=$(free_port)
	"$tmp/bao" serve --listen "127.0.0.1:$port" --host-key "$tmp/host_key" --state "$db" \
		--proxy-protocol --trusted-proxies 127.0.0.1 --metrics "127.0.0.1:$mport" \
		--max-sessions $((sessions + 10)) --conn-rate 100000 --conn-burst 100000 --conns-per-ip 100000 --sessions-per-ip 100000 \
		"$tmp/lib" 2> "$tmp/server$i.log" &
	pids+=($!)
	wait_port "$port"
	backends+="	server bao$i 127.0.0.1:$port send-proxy-v2"$'\n'
	metrics+=("127.0.0.1:$mport")
done
front=$(free_port)
cat > "$tmp/haproxy.cfg" <<CFG
global
	maxconn $((sessions * 2 + 100))
defaults
	mode tcp
	timeout connect 5s
	timeout client 5m
	timeout server 5m
frontend ssh
	bind 127.0.0.1:$front
	default_backend bao
backend bao
	balance roundrobin
$backends
CFG
haproxy -db -f "$tmp/haproxy.cfg" > "$tmp/haproxy.log" 2>&1 &
pids+=($!)
wait_port "$front"
echo "$instances instances of bao serve behind haproxy on 127.0.0.1:$front, state ${STATE:-postgresql}; $(basename "$article"); $(nproc) cores; $sessions readers, writes for $writes"

status=0
"$tmp/loadtest" -addr "127.0.0.1:$front" -sessions "$sessions" -keys -writes "$writes" "${check[@]}" -timeout 10m || status=$?

# State-write latency: the save_position histograms of every instance,
# added bucket by bucket.
for m in "${metrics[@]}"; do curl -s "http://$m/metrics"; done | python3 -c '
import sys, re, collections
b = collections.Counter()
for line in sys.stdin:
    m = re.match(r"bao_state_seconds_bucket\{le=\"([^\"]+)\",op=\"save_position\"\} (\S+)", line) or \
        re.match(r"bao_state_seconds_bucket\{op=\"save_position\",le=\"([^\"]+)\"\} (\S+)", line)
    if m: b[float(m.group(1))] += float(m.group(2))
total = b.get(float("inf"), 0)
if not total:
    print("state writes: none recorded"); sys.exit()
def q(p):
    for le in sorted(b):
        if b[le] >= p * total: return le
print("state writes (save_position): %d; p50 <= %.1f ms, p99 <= %.1f ms (histogram bucket bounds)" % (total, q(0.5) * 1000, q(0.99) * 1000))
'
for i in $(seq "$instances"); do
	if grep -qv ' INFO ' "$tmp/server$i.log"; then
		echo "instance $i warnings and errors:"
		grep -v ' INFO ' "$tmp/server$i.log" | sort | uniq -c | sort -rn | head -10
	fi
done
exit $status
