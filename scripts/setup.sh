#!/usr/bin/env bash
# Installs what is missing, and nothing else; safe to run any number of times.
#   scripts/setup.sh run    what scripts/run.sh needs (wasm target, wasm-bindgen, wasm-opt)
#   scripts/setup.sh test   that, plus wasm-split, PostgreSQL, Chromium, playwright-core, Python
#                           spec tools, wrk
#   scripts/setup.sh bench [postgres]  what scripts/bench/run.sh needs: wrk, Chromium,
#                                      playwright-core, the web app's release build
#                                      (PostgreSQL for a run on it)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
what="${1:-run}"

apt_updated=0
apt_install() { # apt_install <command-or-path> <package>...
  local probe="$1"; shift
  if command -v "$probe" >/dev/null 2>&1 || [ -x "$probe" ]; then return; fi
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  if [ "$apt_updated" -eq 0 ]; then $sudo apt-get update -qq; apt_updated=1; fi
  log "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

install_wasm_toolchain() {
  rustup target list --installed | grep -qx wasm32-unknown-unknown \
    || { log "rustup target add wasm32-unknown-unknown"; rustup target add wasm32-unknown-unknown; }
  local want; want="$(wasm_bindgen_version)"
  [ -n "$want" ] || die "wasm-bindgen not found in Cargo.lock"
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want" ]; then
    # Not --locked: the locked tree names a webpki-roots release the registry mirror lacks.
    # Only the `wasm-bindgen` binary, without TLS (the default feature builds rustls and
    # ring for the test runner's downloads): 4 CPU-minutes instead of 9.
    log "cargo install wasm-bindgen-cli $want (about 3 minutes, once)"
    cargo install wasm-bindgen-cli --version "$want" --no-default-features --bin wasm-bindgen --quiet
  fi
  # Only the release build of the web app splits it (scripts/build-frontend.sh);
  # scripts/run.sh's quick build does not, and a first run waits 3 minutes less.
  if [ "$what" != run ] && ! wasm_split_installed; then
    log "cargo install wasm_split_cli_support $WASM_SPLIT_VERSION (about 3 minutes, once)"
    cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked --quiet
  fi
}

install_node_tools() {
  # npm binaryen, never Debian's: binaryen 108 silently breaks wasm-bindgen output.
  local pkgs=(binaryen@132.0.0)
  [ "$what" = run ] || pkgs+=(playwright-core@1.65.1)
  mkdir -p "$NODE_TOOLS"
  [ -f "$NODE_TOOLS/package.json" ] || echo '{"private":true}' >"$NODE_TOOLS/package.json"
  local missing=()
  for p in "${pkgs[@]}"; do
    local name="${p%@*}" version="${p##*@}"
    local have; have="$(node -p "require('$NODE_TOOLS/node_modules/$name/package.json').version" 2>/dev/null || true)"
    [ "$have" = "$version" ] || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "npm install ${missing[*]}"
    npm install --silent --no-audit --no-fund --prefix "$NODE_TOOLS" "${missing[@]}" >/dev/null 2>&1
  fi
}

install_bench_tools() {
  apt_install wrk wrk
}

install_postgres() {
  apt_install /usr/lib/postgresql/15/bin/initdb postgresql
}

install_test_tools() {
  install_bench_tools
  install_postgres
  apt_install chromium chromium
  # Chinese glyphs for the browser tests' screenshots (Debian's Chromium brings none).
  apt_install /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc fonts-wqy-zenhei
  if [ ! -x "$VENV/bin/st" ] || [ ! -x "$VENV/bin/openapi-spec-validator" ] \
    || [ ! -x "$VENV/bin/openapi-python-client" ]; then
    log "python venv with schemathesis, openapi-spec-validator and openapi-python-client"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q --disable-pip-version-check schemathesis==4.32.5 openapi-spec-validator \
      openapi-python-client==0.29.1
  fi
}

install_node_tools
if [ "$what" = bench ]; then
  install_bench_tools
  apt_install chromium chromium
  [ "${2:-}" = postgres ] && install_postgres
fi
[ "$what" = test ] && install_test_tools
install_wasm_toolchain
log "setup ($what): everything is in place"
