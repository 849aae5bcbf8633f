#!/usr/bin/env bash
# Installs what is missing, builds the server and the web app, loads the demo data
# into a SQLite file under ./data and starts the server.
#   scripts/run.sh                      http://127.0.0.1:8080
#   AFTERSALES_BIND=0.0.0.0:9000 scripts/run.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

"$ROOT/scripts/setup.sh" run

log "building the server"
cargo build -q
log "building the web app"
# The quick build: minutes less on a first run, for a larger download.
"$ROOT/scripts/build-frontend.sh" --fast >/dev/null

mkdir -p "$ROOT/data"
# A stable signing key, so a restart does not sign everybody out.
[ -s "$ROOT/data/jwt-secret" ] || (umask 077; head -c 48 /dev/urandom | base64 -w0 >"$ROOT/data/jwt-secret")
export AFTERSALES_JWT_SECRET="${AFTERSALES_JWT_SECRET:-$(cat "$ROOT/data/jwt-secret")}"
export AFTERSALES_DATABASE_URL="${AFTERSALES_DATABASE_URL:-${DATABASE_URL:-sqlite://$ROOT/data/aftersales.db}}"
export AFTERSALES_BIND="${AFTERSALES_BIND:-127.0.0.1:8080}"
export AFTERSALES_STATIC_DIR="$ROOT/frontend/dist"

BIN="$CARGO_TARGET_DIR/debug/aftersales"
"$BIN" seed-demo

cat <<MSG

  Aftersales is starting at http://$AFTERSALES_BIND/
  API docs:                 http://$AFTERSALES_BIND/api/docs/

  Demo logins (password for all: demo-password)
    admin            head office administrator (sees everything)
    manager.hn       manager of the Hà Nội regional centre
    clerk.hn01       counter clerk, Hà Nội — Cầu Giấy outlet
    dispatcher.hn01  dispatcher, same outlet
    tech.hn01        technician, same outlet
    warehouse.hn01   warehouse keeper, same outlet
    clerk.teh01      counter clerk, Tehran outlet

  Stop with Ctrl-C.

MSG
exec "$BIN" serve
