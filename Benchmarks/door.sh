#!/usr/bin/env bash
# The door's throughput (issue 7): admissions of distinct vouchers through
# POST /api/v1/redemptions on a release build, at 16 and 64 connections, on SQLite and on a
# throwaway PostgreSQL; the same server's /healthz rate for comparison; its peak RSS; and, after
# the load, 50 simultaneous scans of one voucher that must admit it exactly once.
# Bounded in time: SECONDS per run (default 5). Servers listen on 127.0.0.1 only.
# Usage: Benchmarks/door.sh [seconds]   (`make bench`). Writes Benchmarks/DOOR.md.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-5}
# Enough distinct codes for 3,000 admissions/s in every run; a run takes at most its own share
# (a faster run shows codes running out as "other" answers: raise this then), and the last code
# is left for the duplicate check.
per_run=$((3000 * seconds))
swift build -c release --product mentore
bin=.build/release/mentore
work=$(mktemp -d)
chmod 755 "$work"  # the PostgreSQL cluster runs as the postgres user
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  Tests/support/postgres.sh stop "$work/pg" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
rows=()
checks=()

run_database() {
  local name=$1 url=$2
  export DATABASE_URL=$url LOG_LEVEL=error MAIL_DIR=$work/mail MAIL_WORKER_INTERVAL=3600 METRICS_TOKEN=bench-metrics
  "$bin" migrate --yes >/dev/null
  local started=$SECONDS
  local made
  made=$("$bin" seed --bench $((2 * per_run + 1)) --out "$work/codes-$name.txt" | tail -n 2)
  local session token
  read -r session token <<<"$(tr '\n' ' ' <<<"$made" | awk '{print $(NF-1), $NF}')"
  echo "$name: seeded $((2 * per_run + 1)) vouchers in $((SECONDS - started)) s" >&2
  local port
  port=$(free_port)
  "$bin" serve --hostname 127.0.0.1 --port "$port" >"$work/serve-$name.log" 2>&1 &
  local server=$!
  pids+=("$server")
  for _ in $(seq 200); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
  local offset=0
  # The door's group commit counts its transactions and the scans they took (/metrics).
  counter() { curl -fs -H "Authorization: Bearer $METRICS_TOKEN" "http://127.0.0.1:$port/metrics" | awk -v name="$1" '$1 == name {print $2; found=1} END {if (!found) print 0}'; }
  for connections in 16 64; do
    local batches_before scans_before
    batches_before=$(counter door_batches_total)
    scans_before=$(counter door_batch_scans_total)
    local result health
    result=$(CODES="$work/codes-$name.txt" OFFSET=$offset LIMIT=$per_run THREADS=2 SESSION=$session TOKEN=$token \
      wrk -t2 -c"$connections" -d"${seconds}s" --latency -s Benchmarks/door.lua "http://127.0.0.1:$port" |
      grep '^RESULT')
    offset=$((offset + per_run))
    local per_batch
    per_batch=$(python3 -c "b=$(counter door_batches_total)-$batches_before; print(f'{($(counter door_batch_scans_total)-$scans_before)/b:.1f}' if b else '—')")
    health=$(wrk -t2 -c"$connections" -d"${seconds}s" "http://127.0.0.1:$port/healthz" | awk '/Requests\/sec/ {print $2}')
    local rate p50 p99 errors admitted
    rate=$(sed -E 's/.*rate=([0-9.]+).*/\1/' <<<"$result")
    p50=$(sed -E 's/.*p50_ms=([0-9.]+).*/\1/' <<<"$result")
    p99=$(sed -E 's/.*p99_ms=([0-9.]+).*/\1/' <<<"$result")
    errors=$(sed -E 's/.*errors=([0-9]+).*/\1/' <<<"$result")
    admitted=$(sed -E 's/.*admitted=([0-9]+).*/\1/' <<<"$result")
    local fraction
    fraction=$(python3 -c "print(f'{100 * $rate / $health:.0f} %')")
    rows+=("| $name | $connections | $admitted | $rate | $p50 ms | $p99 ms | $errors | $per_batch | $health | $fraction |")
  done
  # Exactly once under the same server: 50 simultaneous scans of the last code.
  local code
  code=$(tail -n 1 "$work/codes-$name.txt")
  local once
  once=$(seq 50 | xargs -P 50 -I{} curl -s -X POST "http://127.0.0.1:$port/api/v1/redemptions" \
    -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"code\":\"$code\",\"session_id\":\"$session\",\"nonce\":\"dup-{}\"}" | grep -o '"result":"[a-z_]*"' | sort | uniq -c |
    awk '{printf "%s%s×%s", (NR>1?", ":""), $1, $2}')
  local rss
  rss=$(awk '/VmHWM/ {printf "%.1f MiB", $2 / 1024}' "/proc/$server/status")
  checks+=("| $name | $once | $rss |")
  kill "$server"
  wait "$server" 2>/dev/null || true
  "$bin" ledger check >/dev/null || { echo "$name: the ledger check failed" >&2; exit 1; }
}

run_database sqlite "sqlite:$work/door.sqlite"
pg_port=$(free_port)
Tests/support/postgres.sh start "$work/pg" "$pg_port" >/dev/null
run_database postgresql "postgres://postgres@127.0.0.1:$pg_port/postgres"

{
  echo "# The door's benchmark (\`Benchmarks/door.sh\`, \`make bench\`)"
  echo
  echo "Produced by \`Benchmarks/door.sh $seconds\` on $(date -u +%Y-%m-%d), $(nproc) cores, release build,"
  echo "wrk with 2 threads on 127.0.0.1, ${seconds} s a run, each request admitting a distinct voucher"
  echo "(\`mentore seed --bench\`, one session today) with a device token. The /healthz column is the same"
  echo "server at the same connections right after; the fraction is admissions/s over it. Errors are"
  echo "wrk's (socket errors and non-2xx answers); scans a transaction is the mean size of the door's"
  echo "group commit in that run (\`door_batch_scans_total\` over \`door_batches_total\`)."
  echo
  echo "| database | connections | admitted | admissions/s | p50 | p99 | errors | scans a transaction | /healthz req/s | fraction |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "After the load, 50 simultaneous scans of one voucher (distinct nonces), and the server's peak"
  echo "resident memory (VmHWM) over the whole run; \`mentore ledger check\` passed on each database."
  echo
  echo "| database | answers | peak RSS |"
  echo "|---|---|---|"
  printf '%s\n' "${checks[@]}"
} >Benchmarks/DOOR.md
cat Benchmarks/DOOR.md
