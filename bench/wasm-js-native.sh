#!/usr/bin/env bash
# The generated WebAssembly library (`new --kind wasm`) in headless Chromium against the plain JavaScript
# reference it ships (tests/reference.mjs, run in the same page) and against the same Rust built natively, side
# by side in one run: every built-in operation in place on a WIDTH x HEIGHT test pattern, best of ROUNDS rounds of
# ITERATIONS each (bench/measure.mjs in the page, examples/native_bench.rs natively, both on core 0). The three
# checksums of every operation must match or the script fails. Then the module's memory over 1000 frames and
# the module's size after cargo, wasm-bindgen and wasm-opt.
# Usage: bench/wasm-js-native.sh [WIDTH] [HEIGHT] [ITERATIONS] [ROUNDS] (default 1920 1080 10 5: best of ROUNDS
# rounds of ITERATIONS; more rounds find the quiet moments of a busy machine). CHROME names the browser
# (default /usr/bin/chromium, from scripts/setup.d/30-chromium.sh); the wasm toolchain is scripts/wasm-toolchain.sh.
source "$(dirname "${BASH_SOURCE[0]}")/generated.sh"
width="${1:-1920}" height="${2:-1080}" iterations="${3:-10}" rounds="${4:-5}"
./rust-engineer new bench-wasm --kind wasm --dir "$work" >/dev/null
project="$work/bench-wasm"
(cd "$project" && CARGO_TARGET_DIR="$shared_target" cargo build -q --release --example native_bench)
sizes=$(WASM_TARGET=web bash scripts/wasm-toolchain.sh build "$project" "$project/pkg-web" | grep '^wasm-size')
native=$(taskset -c 0 "$shared_target/release/examples/native_bench" "$width" "$height" "$iterations" "$rounds")
browser=$(cd "$project" && CHROME="${CHROME:-/usr/bin/chromium}" taskset -c 0 node tests/browser/run.mjs bench/browser.html \
  "size=${width}x${height}&iterations=$iterations&rounds=$rounds")
node - "$native" "$browser" <<'JS'
const [native, browser] = process.argv.slice(2);
const byOp = Object.fromEntries(native.trim().split("\n").map((l) => JSON.parse(l)).map((r) => [r.op, r]));
const report = JSON.parse(browser.slice(browser.indexOf("{")));
if (report.status !== "passed") throw new Error(`the benchmark page failed: ${report.error}`);
const chrome = report.userAgent.match(/Chrome\/([\d.]+)/)[1];
console.log(`${report.width}x${report.height}, best of ${report.rounds} rounds of ${report.iterations}, Chromium ${chrome} (simd128: ${report.simd}), ms per operation`);
console.log("| operation | native | wasm | wasm on ImageData | plain JS | JS / wasm | wasm / native |");
console.log("|---|---|---|---|---|---|---|");
for (const r of report.results) {
  const n = byOp[r.op];
  if (n.checksum !== r.checksum) throw new Error(`${r.op}: native checksum ${n.checksum}, browser ${r.checksum}`);
  console.log(`| ${r.op} | ${n.ms_per_op} | ${r.wasm_ms} | ${r.wasm_imagedata_ms} | ${r.js_ms} | ${(r.js_ms / r.wasm_ms).toFixed(1)}x | ${(r.wasm_ms / n.ms_per_op).toFixed(2)}x |`);
}
console.log(`one copy of the frame into wasm memory (view().set): ${report.results[0].copy_ms} ms`);
const mib = (b) => (b / 1048576).toFixed(1);
for (const [name, m] of Object.entries(report.memory)) {
  console.log(`memory, ${name.replaceAll("_", " ")}: ${mib(m.first_bytes)} MiB after the first frame, at most ${mib(m.max_bytes)}, ${mib(m.end_bytes)} after ${m.frames} frames`);
}
JS
echo "$sizes (bytes)"
echo "$(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg); rustc $(/usr/bin/rustc -V | cut -d' ' -f2) for wasm, $(rustc -V | cut -d' ' -f2) native"
