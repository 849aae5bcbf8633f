# Shared paths for the scripts. Sourced, never run.
# Tools live outside the clone so a fresh checkout (CI) reuses them.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${AFTERSALES_CACHE:-$HOME/.cache/aftersales}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
NODE_TOOLS="$CACHE/node"
VENV="$CACHE/venv"
WASM_OPT="$NODE_TOOLS/node_modules/.bin/wasm-opt"
export PATH="$HOME/.cargo/bin:$PATH"

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

# The wasm-bindgen CLI must match the library in Cargo.lock exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

# wasm-split-cli (crate wasm_split_cli_support) cuts the lazy pages out of the web app's
# wasm; it must understand the split markers of the wasm_split_helpers in Cargo.lock
# (0.2.x), so it is pinned and moved only together with Leptos.
WASM_SPLIT_VERSION=0.2.4
wasm_split_installed() {
  command -v wasm-split-cli >/dev/null 2>&1 \
    && cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"
}
