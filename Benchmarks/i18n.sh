#!/usr/bin/env bash
# The language engine's benchmark: Swift (release build) beside Python's fluent.runtime,
# same catalogs, same messages, same run. Prints both JSON lines and the ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
swift build -c release --package-path Benchmarks/I18n >/dev/null
swift_json=$(Benchmarks/I18n/.build/release/i18n-bench "$root/Locales")
python_json=$("$root/.venv/bin/python" Benchmarks/i18n_python.py "$root/Locales")
echo "swift:  $swift_json"
echo "python: $python_json"
"$root/.venv/bin/python" - "$swift_json" "$python_json" <<'PY'
import json, sys
s, p = json.loads(sys.argv[1]), json.loads(sys.argv[2])
for key in sorted(s):
    if key in p:
        print(f"{key}: swift {s[key]:.3f}, python {p[key]:.3f}, python/swift {p[key] / s[key]:.0f}x")
    else:
        print(f"{key}: swift {s[key]:.3f}")
PY
