#!/usr/bin/env bash
# The WebAssembly toolchain of this machine, for the generated wasm library (templates/wasm-library) and its
# benchmark. Users of a generated project run `rustup target add wasm32-unknown-unknown` and wasm-pack; here
# rustup cannot download the target, so the build goes through Debian's own Rust 1.96 instead:
#
#   rustc-web, cargo-web   Debian's rustc/cargo 1.96 (/usr/bin/rustc, /usr/bin/cargo), whose compiler knows
#                          wasm32-unknown-unknown but ships no standard library for it
#   rust-web-src           the standard library's source (/usr/lib/rustlib/src/rust/library), which
#                          `-Zbuild-std=std,panic_abort` compiles for wasm32 (RUSTC_BOOTSTRAP=1 unlocks -Z on
#                          this stable compiler; std's few crates.io dependencies come through cargo)
#   lld-22                 the linker rustc calls for wasm32 (`rust-lld`, from rust-web-llvm, points at lld-22)
#   wasm-bindgen-cli       `cargo install --version <the wasm-bindgen crate's version in Cargo.lock>`, into a
#                          cache directory per version (the CLI must match the crate exactly)
#   wasm-pack              `cargo install --version 0.15.1`, run with --mode force (its check for a rustup wasm32
#                          target fails with Debian's rustc, whose std is built from source) and a PATH with the
#                          wasm-bindgen CLI matching Cargo.lock and wasm-opt >= 132 first (an older system
#                          wasm-opt must not win), then Debian's cargo: it downloads nothing
#   binaryen (npm)         wasm-opt 132 from npm's `binaryen` package: Debian bookworm's binaryen 108 rewrites
#                          wasm-bindgen's externref table so that the module no longer loads ("table.set(0,
#                          undefined): function-typed object must be null") -- a system wasm-opt >= 132 is used
#                          instead when there is one
#
#   scripts/wasm-toolchain.sh install [WASM_BINDGEN_VERSION]   install all of it (idempotent; the version
#                          defaults to the one in knowledge/crates.yaml)
#   scripts/wasm-toolchain.sh build PROJECT_DIR [OUT_DIR]      release .wasm -> wasm-bindgen --target nodejs (or
#                          $WASM_TARGET: web, bundler) -> wasm-opt (the crate's wasm-pack flags, as wasm-pack runs
#                          it) into OUT_DIR (default PROJECT_DIR/pkg-node) with a package.json; prints a
#                          `wasm-size` line
#   scripts/wasm-toolchain.sh packages PROJECT_DIR             `wasm-pack build --release --target T --out-dir
#                          pkg-T` for nodejs, web and bundler (pkg-node/, pkg-web/, pkg-bundler/: the JS glue, the
#                          .d.ts, the .wasm after wasm-opt, package.json, README.md), with the project's own flags
#                          (.cargo/config.toml: simd128 for the wasm-library set); then the same without SIMD
#                          (RUSTFLAGS="-C target-feature=-simd128") for nodejs and web (pkg-node-scalar/,
#                          pkg-web-scalar/); prints a `wasm-size` line per package. First the project's own
#                          warnings for wasm32 fail the build (`-D warnings`), which `build` leaves to the crate
#   scripts/wasm-toolchain.sh env [WASM_BINDGEN_VERSION]       the variables and commands, as shell lines
#
# Caches: $RUST_ENGINEER_CACHE (default ~/.cache/rust-engineer) for the CLI and binaryen; the wasm build's
# target directory is $WASM_CARGO_TARGET (default: the shared $RUST_ENGINEER_CARGO_TARGET with `-wasm` appended),
# kept apart from the host builds because it is another compiler and a rebuilt std; the scalar build uses that
# directory with `-scalar` appended (other RUSTFLAGS rebuild std and every dependency, and would evict the first).
set -euo pipefail
# A failed build inside `raw=$(compile ...)` must stop the script, not hand over the previous .wasm.
shopt -s inherit_errexit
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="${RUST_ENGINEER_CACHE:-$HOME/.cache/rust-engineer}"
shared_target="${RUST_ENGINEER_CARGO_TARGET:-$cache/cargo-target}"
wasm_target_dir="${WASM_CARGO_TARGET:-$shared_target-wasm}"
binaryen_version=132.0.0
wasm_pack_version=0.15.1
debian_rustc=/usr/bin/rustc
debian_cargo=/usr/bin/cargo

default_bindgen_version() {
  sed -n 's/.*{name: wasm-bindgen, version: \([0-9.]*\),.*/\1/p' "$here/src/main/resources/knowledge/crates.yaml"
}

bindgen_dir() { echo "$cache/wasm-bindgen-cli/$1"; }

wasm_opt() {
  if command -v wasm-opt >/dev/null; then
    local v
    v=$(wasm-opt --version | sed -n 's/^wasm-opt version \([0-9]*\).*/\1/p')
    if [ "${v:-0}" -ge 132 ]; then
      command -v wasm-opt
      return
    fi
  fi
  echo "$cache/binaryen-npm/node_modules/.bin/wasm-opt"
}

install_debian() {
  local missing=()
  for pkg in rustc-web cargo-web rust-web-src rust-web-llvm lld-22; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  "$debian_rustc" --print target-list | grep -qx wasm32-unknown-unknown
  [ -d /usr/lib/rustlib/src/rust/library/std ]
  rust-lld -flavor wasm --version >/dev/null
}

install_binaryen() {
  local opt="$cache/binaryen-npm/node_modules/.bin/wasm-opt"
  if [ ! -x "$opt" ] || ! "$opt" --version | grep -q "version ${binaryen_version%%.*}"; then
    mkdir -p "$cache/binaryen-npm"
    npm install --silent --no-audit --no-fund --prefix "$cache/binaryen-npm" "binaryen@$binaryen_version" >/dev/null
  fi
}

install_bindgen() {
  local version="$1" dir
  dir=$(bindgen_dir "$version")
  if [ ! -x "$dir/bin/wasm-bindgen" ] || ! "$dir/bin/wasm-bindgen" --version | grep -qx "wasm-bindgen $version"; then
    # Not --locked: the lock file published with wasm-bindgen-cli 0.2.130 names webpki-roots 1.0.11, which the
    # registry this machine reaches does not serve; the newest compatible versions build it just as well.
    CARGO_TARGET_DIR="$cache/wasm-bindgen-cli/build" CARGO_INCREMENTAL=0 \
      cargo install -q wasm-bindgen-cli --version "$version" --root "$dir"
  fi
}

wasm_pack() { echo "$cache/wasm-pack/$wasm_pack_version/bin/wasm-pack"; }

install_wasm_pack() {
  if [ ! -x "$(wasm_pack)" ] || ! "$(wasm_pack)" --version | grep -qx "wasm-pack $wasm_pack_version"; then
    CARGO_TARGET_DIR="$cache/wasm-pack/build" CARGO_INCREMENTAL=0 \
      cargo install -q wasm-pack --version "$wasm_pack_version" --root "$cache/wasm-pack/$wasm_pack_version"
  fi
}

# The wasm-bindgen crate version a project's Cargo.lock resolved (the CLI must be exactly that one).
lock_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$1/Cargo.lock"
}

print_env() {
  local version="$1"
  cat <<EOF
export RUSTC=$debian_rustc RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR=$wasm_target_dir
# build:   $debian_cargo build --lib --release --target wasm32-unknown-unknown -Zbuild-std=std,panic_abort
# bindgen: $(bindgen_dir "$version")/bin/wasm-bindgen --target nodejs --out-dir pkg $wasm_target_dir/wasm32-unknown-unknown/release/CRATE.wasm
# opt:     $(wasm_opt) -Oz --strip-debug --strip-producers pkg/CRATE_bg.wasm -o pkg/CRATE_bg.wasm
EOF
}

crate_of() { sed -n 's/^name = "\(.*\)"$/\1/p' "$1/Cargo.toml" | head -1 | tr - _; }

# compile PROJECT TARGET_DIR DENY [RUSTFLAGS]: the release .wasm; prints its path. DENY=1 makes the project's own
# warnings errors (`cargo rustc -- -D warnings`: the host's clippy never sees wasm32-only code such as
# src/simd.rs). A RUSTFLAGS argument replaces the project's own flags (RUSTFLAGS wins over .cargo/config.toml).
compile() {
  local project="$1" target_dir="$2" deny="$3" extra=()
  [ "$deny" = 1 ] && extra=(-- -D warnings)
  # Debian's cargo, not the rustup proxy: rust-toolchain.toml (stable, no wasm target) must not apply here.
  (cd "$project" && if [ $# -ge 4 ]; then export RUSTFLAGS="$4"; fi &&
    RUSTC="$debian_rustc" RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR="$target_dir" \
      "$debian_cargo" rustc -q --lib --release --locked --target wasm32-unknown-unknown -Zbuild-std=std,panic_abort "${extra[@]}")
  echo "$target_dir/wasm32-unknown-unknown/release/$(crate_of "$project").wasm"
}

# package PROJECT RAW_WASM TARGET OUT_DIR LABEL: wasm-bindgen, wasm-opt and package.json, as wasm-pack does
# (wasm-opt with the flags of [package.metadata.wasm-pack.profile.release] wasm-opt, `-O` without them, none
# when that is `false`).
package() {
  local project="$1" raw="$2" target="$3" out="$4" label="$5" crate version bindgen_size metadata flags
  crate=$(crate_of "$project")
  version=$(lock_bindgen_version "$project")
  metadata=$(cd "$project" && "$debian_cargo" metadata -q --no-deps --format-version 1 --offline)
  flags=$(node -e '
    const pkg = JSON.parse(require("fs").readFileSync(0, "utf8")).packages.find((p) => p.name.replaceAll("-", "_") === process.argv[1]);
    const flags = pkg?.metadata?.["wasm-pack"]?.profile?.release?.["wasm-opt"] ?? ["-O"];
    console.log(flags === false ? "" : flags.join(" "));' "$crate" <<<"$metadata")
  rm -rf "$out"
  "$(bindgen_dir "$version")/bin/wasm-bindgen" --target "$target" --out-dir "$out" "$raw"
  bindgen_size=$(stat -c %s "$out/${crate}_bg.wasm")
  if [ -n "$flags" ]; then
    # shellcheck disable=SC2086 # the flags are words
    "$(wasm_opt)" $flags "$out/${crate}_bg.wasm" -o "$out/${crate}_bg.wasm"
  fi
  node "$here/scripts/wasm-package-json.mjs" "$target" "$out" "$crate" <<<"$metadata"
  if [ -f "$project/README.md" ]; then cp "$project/README.md" "$out/"; fi
  echo "wasm-size ${label:+$label }cargo=$(stat -c %s "$raw") wasm-bindgen=$bindgen_size wasm-opt=$(stat -c %s "$out/${crate}_bg.wasm") gzip=$(gzip -9 < "$out/${crate}_bg.wasm" | wc -c)"
}

prepare() {
  local project="$1"
  [ -f "$project/Cargo.lock" ] || (cd "$project" && cargo generate-lockfile -q)
  install_bindgen "$(lock_bindgen_version "$project")"
}

build() {
  local project out raw
  project="$(cd "$1" && pwd)"
  out="${2:-$project/pkg-node}"
  prepare "$project"
  raw=$(compile "$project" "$wasm_target_dir" 0)
  package "$project" "$raw" "${WASM_TARGET:-nodejs}" "$out" ""
}

# pack PROJECT TARGET OUT_DIR TARGET_DIR LABEL [RUSTFLAGS]: wasm-pack itself, with this machine's toolchain.
pack() {
  local project="$1" target="$2" out="$3" target_dir="$4" label="$5" crate tools
  crate=$(crate_of "$project")
  tools="$(bindgen_dir "$(lock_bindgen_version "$project")")/bin:$(dirname "$(wasm_opt)")"
  rm -rf "$out"
  (if [ $# -ge 6 ]; then export RUSTFLAGS="$6"; fi &&
    PATH="$tools:/usr/bin:$PATH" RUSTC="$debian_rustc" RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR="$target_dir" \
      "$(wasm_pack)" --quiet build --release --mode force --target "$target" --out-dir "$out" "$project" -- -Zbuild-std=std,panic_abort)
  echo "wasm-size $label cargo=$(stat -c %s "$target_dir/wasm32-unknown-unknown/release/$crate.wasm") wasm-pack=$(stat -c %s "$out/${crate}_bg.wasm") gzip=$(gzip -9 < "$out/${crate}_bg.wasm" | wc -c)"
}

packages() {
  local project target
  project="$(cd "$1" && pwd)"
  prepare "$project"
  compile "$project" "$wasm_target_dir" 1 >/dev/null
  compile "$project" "$wasm_target_dir-scalar" 1 "-C target-feature=-simd128" >/dev/null
  for target in nodejs web bundler; do
    pack "$project" "$target" "$project/pkg-${target/nodejs/node}" "$wasm_target_dir" "$target"
  done
  for target in nodejs web; do
    pack "$project" "$target" "$project/pkg-${target/nodejs/node}-scalar" "$wasm_target_dir-scalar" "$target-scalar" \
      "-C target-feature=-simd128"
  done
}

case "${1:-}" in
  install)
    install_debian
    install_binaryen
    install_bindgen "${2:-$(default_bindgen_version)}"
    install_wasm_pack
    ;;
  build)
    [ $# -ge 2 ] || { echo "usage: $0 build PROJECT_DIR [OUT_DIR]" >&2; exit 2; }
    install_debian
    install_binaryen
    build "$2" "${3:-}"
    ;;
  packages)
    [ $# -ge 2 ] || { echo "usage: $0 packages PROJECT_DIR" >&2; exit 2; }
    install_debian
    install_binaryen
    install_wasm_pack
    packages "$2"
    ;;
  env)
    print_env "${2:-$(default_bindgen_version)}"
    ;;
  *)
    echo "usage: $0 install [WASM_BINDGEN_VERSION] | build PROJECT_DIR [OUT_DIR] | packages PROJECT_DIR | env [WASM_BINDGEN_VERSION]" >&2
    exit 2
    ;;
esac
