#!/usr/bin/env bash
# Every check, in the order a failure is cheapest to find:
# formatting, layering, lints, unit + repository + API tests on SQLite and on a
# throwaway PostgreSQL (including the OpenAPI drift test), the spec validated and
# fuzzed with schemathesis, the wasm build, and the browser tests.
#   scripts/test.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

"$ROOT/scripts/setup.sh" test

WORK="$(mktemp -d /tmp/aftersales-test.XXXXXX)"
SERVER_PID=""
cleanup() {
  [ -z "$SERVER_PID" ] || kill "$SERVER_PID" 2>/dev/null || true
  "$ROOT/scripts/pg.sh" stop "${PG_DIR:-}" || true
  rm -rf "$WORK"
}
trap cleanup EXIT

log "cargo fmt --check"
cargo fmt --all --check

log "layering"
"$ROOT/scripts/check_deps.sh"

log "clippy -D warnings"
cargo clippy -q --all-targets -- -D warnings
# The benchmark harness's ceilings compile only with this feature.
cargo clippy -q -p aftersales-api --features bench -- -D warnings
cargo clippy -q -p aftersales-frontend --target wasm32-unknown-unknown -- -D warnings

log "build"
cargo build -q

# Passed checks, summed over the runners for the closing line.
PASSED=0
tally() { # tally <log>: adds the "N passed" of the runner's summary line
  local n
  n="$(grep -oE '(tests run: )?[0-9]+ passed' "$1" | tail -n 1 | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+')"
  PASSED=$((PASSED + ${n:-0}))
}

log "tests on SQLite"
cargo nextest run --no-fail-fast 2>&1 | tee "$WORK/sqlite.log"
tally "$WORK/sqlite.log"

# The web app's own tests run natively: every word in the four languages with the
# same placeholders, every key the code uses, the filters kept in the address.
log "web app unit tests"
cargo nextest run --no-fail-fast -p aftersales-frontend 2>&1 | tee "$WORK/frontend.log"
tally "$WORK/frontend.log"

log "repository and API tests on PostgreSQL"
eval "$("$ROOT/scripts/pg.sh" start)"
cargo nextest run --no-fail-fast -E 'package(aftersales-tests)' 2>&1 | tee "$WORK/postgres.log"
tally "$WORK/postgres.log"
"$ROOT/scripts/pg.sh" stop "$PG_DIR"
unset TEST_DATABASE_URL PG_DIR

log "OpenAPI document is valid"
"$VENV/bin/openapi-spec-validator" "$ROOT/openapi/openapi.json"

log "web app (wasm)"
"$ROOT/scripts/build-frontend.sh"

# Not a measurement (benchmarks are not tests): it keeps the harness from rotting,
# the web app's part included, now that it is built.
log "benchmark harness, smoke run"
"$ROOT/scripts/bench/run.sh" --smoke

log "starting a server for the spec fuzzing and the browser tests"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
BASE_URL="http://127.0.0.1:$PORT"
export AFTERSALES_DATABASE_URL="sqlite://$WORK/e2e.db"
export AFTERSALES_DATA_DIR="$WORK/data"
export AFTERSALES_JWT_SECRET="e2e-secret-e2e-secret-e2e-secret-e2e"
export AFTERSALES_ACCESS_TOKEN_TTL_SECS=3600
# The fuzzer signs in thousands of times from one address on purpose.
export AFTERSALES_LOGIN_PER_IP_PER_MINUTE=100000
export AFTERSALES_LOGIN_MAX_FAILURES=100000
export AFTERSALES_LOG_FILTER=info,sqlx=warn,sea_orm=warn
BIN="$CARGO_TARGET_DIR/debug/aftersales"
"$BIN" seed-demo >/dev/null
"$BIN" serve --bind "127.0.0.1:$PORT" --static-dir "$ROOT/frontend/dist" --log-format json >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 50); do curl -sf "$BASE_URL/readyz" >/dev/null && break; sleep 0.2; done
curl -sf "$BASE_URL/readyz" >/dev/null || { cat "$WORK/server.log" >&2; die "the server did not start"; }

# The partner scenario and the browser tests go first: the fuzzer changes data
# (even the admin's password).
log "a client generated from the spec drives the partner scenario with an API key"
"$VENV/bin/openapi-python-client" generate --path "$ROOT/openapi/openapi.json" \
  --config "$ROOT/openapi/python-client.yaml" --output-path "$WORK/python-client" >"$WORK/python-client.log" 2>&1 \
  || { cat "$WORK/python-client.log" >&2; die "openapi-python-client could not generate a client"; }
"$VENV/bin/python" "$ROOT/tests/python/partner_scenario.py" "$BASE_URL" "$WORK/python-client" \
  | tee "$WORK/python-scenario.log"
tally "$WORK/python-scenario.log"

log "browser tests"
# One file per screen area; each prints `ok`/`not ok` lines that are tallied.
BROWSER_TESTS=(
  login
  i18n
  tickets
  tracking
  stock
  serials
  dashboard
  session
  customers
  warranty
  parts
  dispatch
  intake
  ticket
  workflows
  ticket_parts
  settings
  work
  walk
  transfers
  purchasing
  reports
  attachments
  review
  installation
  part_sales
  imports
  audit
  old_parts
  registry
  catalogue
  partners
  orders
)
for name in "${BROWSER_TESTS[@]}"; do
  BASE_URL="$BASE_URL" NODE_TOOLS="$NODE_TOOLS" node "$ROOT/tests/browser/$name.test.mjs" | tee "$WORK/browser-$name.log"
  tally "$WORK/browser-$name.log"
done

log "schemathesis over every operation"
TOKEN="$(curl -sf "$BASE_URL/api/v1/auth/login" -H 'content-type: application/json' \
  -d '{"username":"admin","password":"demo-password"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')"
"$VENV/bin/st" --config-file "$ROOT/tests/schemathesis.toml" run "$BASE_URL/api/v1/openapi.json" --checks all -H "Authorization: Bearer $TOKEN" \
  --max-examples "${SCHEMATHESIS_EXAMPLES:-25}" --seed 1 --no-color

log "structured logs carry the request id; SIGTERM stops the server cleanly"
python3 - "$WORK/server.log" <<'PY'
import json, sys
lines = [l for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
records = [json.loads(l) for l in lines]  # every line must be JSON
handled = [r for r in records if r.get("message") == "handled"]
assert handled and all(r.get("request_id") or r.get("span", {}).get("request_id") for r in handled), "request id missing"
print(f"{len(records)} JSON log lines, {len(handled)} requests, each with its request id")
PY
kill -TERM "$SERVER_PID"
wait "$SERVER_PID" || die "the server did not exit cleanly on SIGTERM"
SERVER_PID=""
grep -q '"stopped"' "$WORK/server.log" || die "no 'stopped' line after SIGTERM"

log "all checks passed"
echo "$PASSED passed, 0 failed"
