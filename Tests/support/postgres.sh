#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on 127.0.0.1 for one test run.
#   postgres.sh start DIR PORT   (prints nothing; the URL is postgres://postgres@127.0.0.1:PORT/postgres)
#   postgres.sh stop DIR
set -euo pipefail
B=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
action=$1 dir=$2
case "$action" in
start)
  port=$3
  mkdir -p "$dir"
  chown postgres:postgres "$dir" 2>/dev/null || true
  run() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
  run "$B/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log"
  run "$B/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
  ;;
stop)
  if [ -f "$dir/data/postmaster.pid" ]; then
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$B/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    else "$B/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true; fi
    for _ in $(seq 50); do [ -f "$dir/data/postmaster.pid" ] || break; sleep 0.1; done
  fi
  rm -rf "$dir"
  ;;
esac
