#!/usr/bin/env bash
# Which release profile for the generated WebAssembly library: the module built for `--target web` under each
# PROFILE given as OPT-LEVEL:LTO:CODEGEN-UNITS (cargo's CARGO_PROFILE_RELEASE_* variables override the generated
# Cargo.toml; panic stays "abort", the only strategy wasm32-unknown-unknown has without the exception-handling
# proposal and a rebuilt panic_unwind), its size after wasm-opt -Oz and gzip, and every built-in operation timed
# in headless Chromium (bench/browser.html on a WIDTH x HEIGHT test pattern, best of five rounds), in one run.
# Usage: bench/wasm-profiles.sh [WIDTH HEIGHT ITERATIONS [PROFILE...]]
#   (default 1920 1080 5 s:true:1 z:true:1 2:true:1 3:true:1 3:thin:16 3:false:16)
source "$(dirname "${BASH_SOURCE[0]}")/generated.sh"
width="${1:-1920}" height="${2:-1080}" iterations="${3:-5}"
shift 3 2>/dev/null || shift $#
profiles=("$@")
[ ${#profiles[@]} -gt 0 ] || profiles=(s:true:1 z:true:1 2:true:1 3:true:1 3:thin:16 3:false:16)
./rust-engineer new bench-wasm-profiles --kind wasm --dir "$work" >/dev/null
project="$work/bench-wasm-profiles"
echo "| opt-level, lto, codegen-units | .wasm after wasm-opt -Oz | gzip | box-blur | gaussian-blur | sharpen | edge | emboss | grayscale |"
echo "|---|---|---|---|---|---|---|---|---|"
for profile in "${profiles[@]}"; do
  IFS=: read -r opt lto units <<<"$profile"
  size=$(CARGO_PROFILE_RELEASE_OPT_LEVEL="$opt" CARGO_PROFILE_RELEASE_LTO="$lto" CARGO_PROFILE_RELEASE_CODEGEN_UNITS="$units" \
    WASM_TARGET=web bash scripts/wasm-toolchain.sh build "$project" "$project/pkg-web" | grep '^wasm-size')
  report=$(cd "$project" && CHROME="${CHROME:-/usr/bin/chromium}" taskset -c 0 node tests/browser/run.mjs bench/browser.html \
    "size=${width}x${height}&iterations=$iterations&memory=0")
  node - "$profile" "$size" "$report" <<'JS'
const [profile, size, text] = process.argv.slice(2);
const report = JSON.parse(text.slice(text.indexOf("{")));
if (report.status !== "passed") throw new Error(`${profile}: ${report.error}`);
const bytes = (k) => Number(size.match(new RegExp(`${k}=(\\d+)`))[1]).toLocaleString("en");
const ms = report.results.map((r) => `${r.wasm_ms} ms`).join(" | ");
console.log(`| ${profile.replaceAll(":", ", ")} | ${bytes("wasm-opt")} | ${bytes("gzip")} | ${ms} |`);
JS
done
echo "${width}x${height}, best of 5 rounds of $iterations, wasm time per operation in Chromium $(/usr/bin/chromium --version 2>/dev/null | cut -d' ' -f2); $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg)"
