#!/usr/bin/env bash
# Sign-ups under load (issue 21): 64 concurrent sign-ups, each hashing a password, while the
# door admits distinct vouchers (16 connections) and /healthz is asked (4 connections), on a
# release build and SQLite. Targets: the door's p99 under 100 ms and /healthz's under 200 ms.
# The sign-up limits are raised for the run: every browser here shares one address.
# Usage: Benchmarks/signup-load.sh [signups] [seconds]   (`make bench`). Writes Benchmarks/SIGNUPS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
signups=${1:-64}
seconds=${2:-10}
swift build -c release --product mentore
bin=.build/release/mentore
work=$(mktemp -d)
server=""
trap 'if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi; rm -rf "$work"' EXIT
export DATABASE_URL=sqlite:$work/load.sqlite LOG_LEVEL=error MAIL_DIR=$work/mail MAIL_WORKER_INTERVAL=3600 \
  ACCOUNT_MAIL_LIMIT_ADDRESS=100000 AUTH_LIMIT_TOTAL=10000000
"$bin" migrate --yes >/dev/null
made=$("$bin" seed --bench 20001 --out "$work/codes.txt" | tail -n 2)
read -r session token <<<"$(tr '\n' ' ' <<<"$made" | awk '{print $(NF-1), $NF}')"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$bin" serve --hostname 127.0.0.1 --port "$port" >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 200); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
out=$(CODES="$work/codes.txt" OFFSET=0 LIMIT=20000 THREADS=1 SESSION=$session TOKEN=$token \
  python3 Benchmarks/signup-load.py "http://127.0.0.1:$port" "$signups" "$seconds")
echo "$out"
door_p99=$(sed -nE 's/^DOOR .*p99_ms=([0-9.]+).*/\1/p' <<<"$out")
health_p99=$(sed -nE 's/^HEALTHZ p99=(\S+).*/\1/p' <<<"$out")
{
  echo "# Sign-ups under load (\`Benchmarks/signup-load.sh\`, \`make bench\`)"
  echo
  echo "Produced on $(date -u +%Y-%m-%d), $(nproc) cores, release build, SQLite: $signups concurrent"
  echo "sign-ups (form, then post: each hashes a password with bcrypt) while wrk admits distinct"
  echo "vouchers through the API at 16 connections and asks /healthz at 4, for $seconds s."
  echo "Targets (issue 21): the door's p99 under 100 ms, /healthz's under 200 ms."
  echo
  echo '```'
  echo "$out"
  echo '```'
  echo
  echo "Door p99: $door_p99 ms. /healthz p99: $health_p99."
} >Benchmarks/SIGNUPS.md
cat Benchmarks/SIGNUPS.md
