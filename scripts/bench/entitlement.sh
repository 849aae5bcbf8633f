#!/usr/bin/env bash
# Criterion benchmark of the warranty entitlement engine (a pure function), next to
# its ceiling: the cost of the single calendar computation every decision makes.
#   scripts/bench/entitlement.sh
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
cd "$ROOT"
cargo bench -p aftersales-domain --bench entitlement -- --warm-up-time 1 --measurement-time 3
