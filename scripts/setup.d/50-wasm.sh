#!/usr/bin/env bash
# The WebAssembly toolchain for GeneratedWasmIT, HandoffIT and bench/wasm-js-native.sh: Debian's rustc-web 1.96 with the
# standard library's source for -Zbuild-std, lld, wasm-bindgen-cli and wasm-opt (see scripts/wasm-toolchain.sh).
# Quiet and quick once installed; the first run compiles wasm-bindgen-cli (about 5 minutes on 2 cores).
set -euo pipefail
exec bash "$(dirname "$0")/../wasm-toolchain.sh" install
