#!/usr/bin/env bash
# Read-path throughput of the public pages, bounded in time, on 127.0.0.1 only.
# Usage: Benchmarks/catalog.sh [seconds per page, default 10]   (after `make build`)
# Writes the figures to Benchmarks/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
export DATABASE_URL="sqlite:$work/bench.sqlite" MAIL_DIR="$work/mail" LOG_LEVEL=warning
.build/debug/mentore migrate --yes >/dev/null
.build/debug/mentore seed --demo >/dev/null
.build/debug/mentore serve --hostname 127.0.0.1 --port "$port" >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
{
  echo "# Benchmark figures"
  echo
  echo "Produced by \`Benchmarks/catalog.sh $seconds\` on $(date -u +%Y-%m-%d), $(nproc) cores, debug build, SQLite,"
  echo "demo data, wrk with 2 threads and 16 connections on 127.0.0.1, ${seconds} s per page."
  echo
  echo "| page | requests/s | latency p50 | latency p99 |"
  echo "|---|---|---|---|"
  for path in /healthz / /events "/events?kind=culture"; do
    out=$(wrk -t2 -c16 -d"${seconds}s" --latency "http://127.0.0.1:$port$path")
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1=="50%" {print $2}' <<<"$out")
    p99=$(awk '$1=="99%" {print $2}' <<<"$out")
    echo "| \`$path\` | $rps | $p50 | $p99 |"
  done
} > Benchmarks/RESULTS.md
cat Benchmarks/RESULTS.md
