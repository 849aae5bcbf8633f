#!/usr/bin/env bash
# Keeps the layering honest:
#  - aftersales-domain depends on no web, database, async or JSON crate;
#  - aftersales-api-types builds for wasm32-unknown-unknown (the web app uses it);
#  - handlers under crates/api/src/routes/ never reach persistence themselves.
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

# Handlers extract, call one use case and shape the answer: nothing under
# routes/ reaches the persistence crate, opens a transaction or writes audit
# (docs/architecture.md). The use case does, in crates/api/src/use_cases/.
reaches='aftersales_persistence|begin_write|Work::begin|audit::record|crate::audit|\.commit\(\)|idempotency::(open|keep|replay)'
offenders="$(cd "$ROOT/crates/api/src" && grep -rlE "$reaches" routes | sort || true)"
[ -z "$offenders" ] || die "handlers must call a use case, not the persistence crate, a transaction or the audit log: $(echo $offenders)"
log "handlers under routes/ reach no persistence, transaction or audit log"
