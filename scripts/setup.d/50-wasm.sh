#!/usr/bin/env bash
# The WebAssembly toolchain for GeneratedWasmIT, HandoffIT and bench/wasm-js-native.sh: Debian's rustc-web 1.96 with the
# standard library's source for -Zbuild-std, lld, wasm-bindgen-cli, wasm-pack and wasm-opt (see
# scripts/wasm-toolchain.sh). Quiet and quick once installed; the first run compiles wasm-bindgen-cli and wasm-pack
# (about 5 minutes each on 2 busy cores).
set -euo pipefail
exec bash "$(dirname "$0")/../wasm-toolchain.sh" install
