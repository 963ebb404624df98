#!/usr/bin/env bash
# Two builds of the door compared on SQLite, interleaved (old, new, old, new …) so that the
# machine's drift falls on both: e.g. a worktree at the commit before a change and one after,
# each with `swift build -c release --product mentore` done. 64 connections, SECONDS a run.
# Usage: Benchmarks/door-ab.sh OLD_TREE NEW_TREE [rounds] [seconds]   (run from this tree)
set -euo pipefail
old=$1; new=$2; rounds=${3:-2}; secs=${4:-8}
work=$(mktemp -d /tmp/ab.XXXX)
per=$((3000 * secs))
seed() { # tree name
  local bin=$1/.build/release/mentore
  DATABASE_URL=sqlite:$work/$2.sqlite LOG_LEVEL=error "$bin" migrate --yes >/dev/null
  DATABASE_URL=sqlite:$work/$2.sqlite LOG_LEVEL=error "$bin" seed --bench $((per * rounds + 1)) --out $work/$2.codes | tail -n 2 | tr '\n' ' ' | awk '{print $(NF-1), $NF}' > $work/$2.made
}
seed "$old" old & seed "$new" new & wait
run() { # tree name round
  local bin=$1/.build/release/mentore name=$2 round=$3
  read -r session token < $work/$name.made
  export DATABASE_URL=sqlite:$work/$name.sqlite LOG_LEVEL=error MAIL_DIR=$work/mail MAIL_WORKER_INTERVAL=3600 METRICS_TOKEN=bench-metrics
  "$bin" serve --hostname 127.0.0.1 --port 18432 >/dev/null 2>&1 &
  local server=$!
  for _ in $(seq 200); do curl -fs "http://127.0.0.1:18432/healthz" >/dev/null && break; sleep 0.2; done
  local h1=$(wrk -t2 -c64 -d3s "http://127.0.0.1:18432/healthz" | awk '/Requests\/sec/ {print $2}')
  local r=$(CODES=$work/$name.codes OFFSET=$((round * per)) LIMIT=$per THREADS=2 SESSION=$session TOKEN=$token \
    wrk -t2 -c64 -d${secs}s --latency -s Benchmarks/door.lua "http://127.0.0.1:18432" | grep '^RESULT')
  local h2=$(wrk -t2 -c64 -d3s "http://127.0.0.1:18432/healthz" | awk '/Requests\/sec/ {print $2}')
  kill $server; wait $server 2>/dev/null || true
  echo "$name round=$round healthz_before=$h1 healthz_after=$h2 $r"
}
cd "$(dirname "$0")/.."
for round in $(seq 0 $((rounds - 1))); do
  run "$old" old $round
  run "$new" new $round
done
rm -rf $work
