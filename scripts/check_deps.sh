#!/usr/bin/env bash
# Keeps the layering honest:
#  - aftersales-domain depends on no web, database, async or JSON crate;
#  - aftersales-api-types builds for wasm32-unknown-unknown (the web app uses it).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

forbidden='^(actix|axum|hyper|reqwest|tokio|async-std|futures|sea-orm|sea-query|sqlx|rusqlite|diesel|postgres|tokio-postgres|serde_json|tracing-subscriber|utoipa)'
deps="$(cargo tree -p aftersales-domain -e normal --prefix none --format '{p}' | awk '{print $1}' | sort -u)"
bad="$(echo "$deps" | grep -E "$forbidden" || true)"
if [ -n "$bad" ]; then
  die "aftersales-domain must stay pure, but depends on: $(echo $bad)"
fi
log "aftersales-domain depends on no web, database or async crate ($(echo "$deps" | wc -l) crates in its tree)"

cargo check -q -p aftersales-api-types --target wasm32-unknown-unknown
log "aftersales-api-types builds for wasm32-unknown-unknown"
