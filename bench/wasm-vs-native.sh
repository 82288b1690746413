#!/usr/bin/env bash
# WebAssembly against native for the generated wasm library's main function (`new --kind wasm`): a 3x3 gaussian
# blur of a SIZE x SIZE RGBA test pattern, best of five rounds of ITERATIONS each, once as the native release
# build (examples/native_bench.rs) and once as the wasm module under Node.js (bench/node_bench.mjs, including
# the copy of each result out to a JS Uint8Array), both from the same release profile (opt-level "z", LTO).
# Prints both, the ratio, and the module's size after cargo, wasm-bindgen and wasm-opt -Oz.
# Usage: bench/wasm-vs-native.sh [SIZE] [ITERATIONS] (default 1024 10). The wasm toolchain comes from
# scripts/wasm-toolchain.sh; builds stay in the shared cargo target (RUST_ENGINEER_CARGO_TARGET).
source "$(dirname "${BASH_SOURCE[0]}")/generated.sh"
size="${1:-1024}" iterations="${2:-10}"
./rust-engineer new bench-wasm --kind wasm --dir "$work" >/dev/null
project="$work/bench-wasm"
(cd "$project" && CARGO_TARGET_DIR="$shared_target" cargo build -q --release --example native_bench)
sizes=$(bash scripts/wasm-toolchain.sh build "$project" | grep '^wasm-size')
native=$(taskset -c 0 "$shared_target/release/examples/native_bench" "$size" "$iterations")
wasm=$(cd "$project" && taskset -c 0 node bench/node_bench.mjs "$size" "$iterations")
echo "$native"
echo "$wasm"
ms() { sed -n 's/.*"ms_per_op":\([0-9.]*\).*/\1/p' <<<"$1"; }
sum() { sed -n 's/.*"checksum":\([0-9]*\).*/\1/p' <<<"$1"; }
[ "$(sum "$native")" = "$(sum "$wasm")" ] || { echo "checksums differ: native and wasm computed different images" >&2; exit 1; }
awk -v n="$(ms "$native")" -v w="$(ms "$wasm")" -v s="$size" \
  'BEGIN { printf "gaussian blur %dx%d: native %.1f ms, wasm (Node.js %s) %.1f ms, wasm/native %.2fx\n", s, s, n, "'"$(node --version)"'", w, w / n }'
echo "$sizes (bytes)"
echo "$(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg); rustc $(/usr/bin/rustc -V | cut -d' ' -f2) for wasm, $(rustc -V | cut -d' ' -f2) native"
