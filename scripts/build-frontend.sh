#!/usr/bin/env bash
# Builds the web app into frontend/dist: wasm → wasm-split → wasm-bindgen → wasm-opt
# (npm binaryen, never Debian's: binaryen 108 silently breaks wasm-bindgen's output),
# then index.html and style.css beside it. wasm-split cuts the pages marked lazy in
# frontend/src/lib.rs out of the main module into modules fetched on first use. The
# wasm, js and css get a hash of their content in their names (the files that load
# them are rewritten to match), and every file a brotli (.br) and a gzip (.gz) copy.
# The server serves frontend/dist as the SPA.
#   scripts/build-frontend.sh          smallest download (profile wasm-release, wasm-opt):
#                                      for scripts/test.sh and releases
#   scripts/build-frontend.sh --fast   quickest build (profile wasm-dev, no wasm-opt), a
#                                      larger download: for scripts/run.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"

case "${1:-}" in
  "") FAST=0 PROFILE=wasm-release ;;
  --fast) FAST=1 PROFILE=wasm-dev ;;
  *) die "usage: scripts/build-frontend.sh [--fast]" ;;
esac

# FRONTEND_DIST builds elsewhere, e.g. beside a second server while another is served.
DIST="${FRONTEND_DIST:-$ROOT/frontend/dist}"
WASM_IN="$CARGO_TARGET_DIR/wasm32-unknown-unknown/$PROFILE/aftersales_frontend.wasm"
WASM_OUT="$DIST/aftersales_frontend_bg.wasm"

# The CLI must equal the wasm-bindgen library in Cargo.lock, or the glue it writes
# does not match the module.
want="$(wasm_bindgen_version)"
[ -n "$want" ] || die "wasm-bindgen is not in $ROOT/Cargo.lock"
command -v wasm-bindgen >/dev/null 2>&1 \
  || die "wasm-bindgen CLI not found (need $want); run scripts/setup.sh"
have="$(wasm-bindgen --version | awk '{print $2}')"
[ "$have" = "$want" ] \
  || die "wasm-bindgen CLI is $have but Cargo.lock has $want; run scripts/setup.sh"
[ "$FAST" = 1 ] || [ -x "$WASM_OPT" ] || die "wasm-opt not found at $WASM_OPT; run scripts/setup.sh"
[ "$FAST" = 1 ] || wasm_split_installed || die "wasm-split-cli $WASM_SPLIT_VERSION not found; run scripts/setup.sh"
rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown \
  || die "the wasm32-unknown-unknown target is not installed; run scripts/setup.sh"

# Most of a build of the web app is rustc instantiating Leptos' view types, one per
# view; Leptos' erase_components makes them one boxed type. For both profiles: the
# release build takes 4 minutes instead of 10 and its wasm is a fifth smaller (0.89
# instead of 1.12 MB brotli), as there is far less monomorphised view code.
export RUSTFLAGS="${RUSTFLAGS:-} --cfg erase_components"
features=()
# The release build splits the pages off the first screen (the feature `split`, see
# frontend/src/lib.rs); wasm-split needs the linker's relocations to move functions
# between modules. The quick one keeps one module and needs no wasm-split.
[ "$FAST" = 1 ] || { features=(--features split); RUSTFLAGS+=" -Clink-args=--emit-relocs"; }
log "cargo build -p aftersales-frontend --target wasm32-unknown-unknown --profile $PROFILE ${features[*]}"
(cd "$ROOT" && cargo build -p aftersales-frontend --target wasm32-unknown-unknown --profile "$PROFILE" "${features[@]}")

rm -rf "$DIST"
mkdir -p "$DIST"
bindgen=(--target web --no-typescript)
if [ "$FAST" = 0 ]; then
  log "wasm-split $WASM_SPLIT_VERSION"
  # The main module for wasm-bindgen, and beside it the split-off modules (chunk_N.wasm,
  # split_*.wasm) and __wasm_split.js, which loads them and which the glue imports.
  SPLIT="$CARGO_TARGET_DIR/wasm-split"
  rm -rf "$SPLIT"
  wasm-split-cli --target web --out-name aftersales_frontend "$WASM_IN" "$SPLIT"
  find "$SPLIT" -type f ! -name aftersales_frontend.wasm -exec mv -t "$DIST" {} +
  WASM_IN="$SPLIT/aftersales_frontend.wasm"
  # The split-off modules call the main one through the linker's exports: keep them.
  bindgen+=(--keep-lld-exports)
else
  # wasm-opt drops the function names; without it they would be most of the download.
  bindgen+=(--remove-name-section)
fi
log "wasm-bindgen $have"
wasm-bindgen "${bindgen[@]}" --out-dir "$DIST" "$WASM_IN"

# wasm-opt takes minutes for a sixth off the size: worth it for a release only.
if [ "$FAST" = 0 ]; then
  log "wasm-opt -Oz ($("$WASM_OPT" --version)), every module"
  find "$DIST" -name '*.wasm' -print0 | xargs -0 -P 2 -I{} "$WASM_OPT" -Oz \
    --enable-reference-types --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-multivalue --enable-mutable-globals \
    {} -o {}
fi

cp "$ROOT/frontend/index.html" "$ROOT/frontend/style.css" "$DIST/"

# A hash of the content in the name (style-0123456789abcdef.css) lets browsers keep
# these files for a year and still fetch a new build at once: index.html, which is
# revalidated on every load, names the current ones; leaves first, so that a file's
# hash covers the new names of the files it loads.
log "content hashes in the file names"
node - "$DIST" <<'JS'
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const dir = process.argv[2];
// rename(name, loader, ref): name-<hash>.ext, and `ref + name` in loader points at it.
function rename(name, loader, ref) {
  const hash = crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, name))).digest('hex').slice(0, 16);
  const dot = name.lastIndexOf('.');
  const hashed = `${name.slice(0, dot)}-${hash}${name.slice(dot)}`;
  fs.renameSync(path.join(dir, name), path.join(dir, hashed));
  const file = path.join(dir, loader);
  const text = fs.readFileSync(file, 'utf8');
  if (!text.includes(ref + name)) throw new Error(`${loader} does not load ${ref}${name}`);
  fs.writeFileSync(file, text.split(ref + name).join(ref + hashed));
}
for (const name of fs.readdirSync(dir)) {
  if (name.endsWith('.wasm') && name !== 'aftersales_frontend_bg.wasm') rename(name, '__wasm_split.js', 'new URL("./');
}
// Only the import statements: the glue also names the wasm's import module so.
if (fs.existsSync(path.join(dir, '__wasm_split.js'))) rename('__wasm_split.js', 'aftersales_frontend.js', 'from "./');
rename('aftersales_frontend_bg.wasm', 'index.html', '/');
rename('style.css', 'index.html', '/');
// The glue keeps its name, and so is revalidated on every load like index.html:
// __wasm_split.js imports it back by that name, and it must stay one module (one
// URL) for both, so it cannot carry a hash of a content that names __wasm_split.js.
JS

# Compressed once here, at the highest levels, so the server sends these bytes as
# they are instead of compressing megabytes of wasm at a low level on every request.
log "brotli -q 11 and gzip -9 copies beside every file"
node - "$DIST" <<'JS'
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const dir = process.argv[2];
for (const name of fs.readdirSync(dir)) {
  if (name.endsWith('.br') || name.endsWith('.gz')) continue;
  const file = path.join(dir, name);
  const data = fs.readFileSync(file);
  const params = {
    [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
    [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
  };
  fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(data, { params }));
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
}
JS

# A browser downloads the brotli copy, or the gzip one if it lacks brotli. The first
# screen (sign-in, then the dashboard) loads index.html, the css, the glue, the main
# module and __wasm_split.js; a page split off adds its modules when first visited.
sizes() { # sizes <label> <file>...: raw, gzip and brotli bytes summed
  local raw=0 gz=0 br=0 f
  for f in "${@:2}"; do
    raw=$((raw + $(stat -c %s "$f"))) gz=$((gz + $(stat -c %s "$f.gz"))) br=$((br + $(stat -c %s "$f.br")))
  done
  printf '%-22s %9d bytes, %8d gzipped, %8d brotli (%d KiB)\n' "$1:" "$raw" "$gz" "$br" $((br / 1024))
}
log "frontend/dist ready ($PROFILE)"
sizes "first screen" "$DIST"/index.html "$DIST"/style-*.css "$DIST"/aftersales_frontend.js \
  $(find "$DIST" -name '__wasm_split-*.js') "$DIST"/aftersales_frontend_bg-*.wasm
sizes "main wasm module" "$DIST"/aftersales_frontend_bg-*.wasm
sizes "all wasm ($(find "$DIST" -name '*.wasm' | wc -l) modules)" "$DIST"/*.wasm
sizes "whole app" $(find "$DIST" -type f ! -name '*.br' ! -name '*.gz')
