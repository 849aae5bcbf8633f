#!/usr/bin/env bash
# Builds the web app into frontend/dist: wasm → wasm-bindgen → wasm-opt (npm binaryen,
# never Debian's: binaryen 108 silently breaks wasm-bindgen's output), then index.html
# and style.css beside it. The wasm, js and css get a hash of their content in their
# names (index.html is rewritten to match), and every file a brotli (.br) and a gzip
# (.gz) copy. The server serves frontend/dist as the SPA.
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

DIST="$ROOT/frontend/dist"
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
rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown \
  || die "the wasm32-unknown-unknown target is not installed; run scripts/setup.sh"

# Most of a build of the web app is rustc instantiating Leptos' view types, one per
# view; Leptos' erase_components makes them one boxed type. For both profiles: the
# release build takes 4 minutes instead of 10 and its wasm is a fifth smaller (0.89
# instead of 1.12 MB brotli), as there is far less monomorphised view code.
export RUSTFLAGS="${RUSTFLAGS:-} --cfg erase_components"
log "cargo build -p aftersales-frontend --target wasm32-unknown-unknown --profile $PROFILE"
(cd "$ROOT" && cargo build -p aftersales-frontend --target wasm32-unknown-unknown --profile "$PROFILE")

log "wasm-bindgen $have"
rm -rf "$DIST"
mkdir -p "$DIST"
bindgen=(--target web --no-typescript)
# wasm-opt drops the function names; without it they would be most of the download.
[ "$FAST" = 0 ] || bindgen+=(--remove-name-section)
wasm-bindgen "${bindgen[@]}" --out-dir "$DIST" "$WASM_IN"

# wasm-opt takes minutes for a sixth off the size: worth it for a release only.
if [ "$FAST" = 0 ]; then
  log "wasm-opt -Oz ($("$WASM_OPT" --version))"
  "$WASM_OPT" -Oz \
    --enable-reference-types --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-multivalue --enable-mutable-globals \
    "$WASM_OUT" -o "$WASM_OUT"
fi

cp "$ROOT/frontend/index.html" "$ROOT/frontend/style.css" "$DIST/"

# A hash of the content in the name (style-0123456789abcdef.css) lets browsers keep
# these files for a year and still fetch a new build at once: index.html, which is
# revalidated on every load, names the current ones.
hash_name() { # hash_name <file in dist>: renames it, points index.html at it, prints the new path
  local name="$1" hash new
  hash="$(sha256sum "$DIST/$name" | cut -c1-16)"
  new="${name%.*}-$hash.${name##*.}"
  mv "$DIST/$name" "$DIST/$new"
  sed -i "s|/${name//./\\.}|/$new|g" "$DIST/index.html"
  grep -qF "/$new" "$DIST/index.html" || die "frontend/index.html does not load /$name"
  printf '%s\n' "$DIST/$new"
}
WASM_OUT="$(hash_name aftersales_frontend_bg.wasm)"
hash_name aftersales_frontend.js >/dev/null
hash_name style.css >/dev/null

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

# A browser downloads the brotli copy, or the gzip one if it lacks brotli.
size="$(stat -c %s "$WASM_OUT")"
gz="$(stat -c %s "$WASM_OUT.gz")"
br="$(stat -c %s "$WASM_OUT.br")"
log "frontend/dist ready ($PROFILE): $(basename "$WASM_OUT") is $((size / 1024)) KiB, $((gz / 1024)) KiB gzipped, $((br / 1024)) KiB brotli"
printf 'wasm size: %s bytes, %s gzipped, %s brotli\n' "$size" "$gz" "$br"
