#!/usr/bin/env bash
# Issuing 10,000 vouchers for one contribution on SQLite (codes, rows and ledger entries, one
# write transaction), three runs. CONFIG=release for an optimised build (a long first build);
# the default debug build shares .build with the tests and is the slower, conservative figure.
set -euo pipefail
cd "$(dirname "$0")/.."
config=${CONFIG:-debug}
swift build -c "$config" --product issue-bench >/dev/null
".build/$config/issue-bench" "${1:-10000}" "${2:-3}"
