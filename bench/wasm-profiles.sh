#!/usr/bin/env bash
# Which release profile for the generated WebAssembly library: the module built for `--target web` under each
# PROFILE given as OPT-LEVEL:LTO:CODEGEN-UNITS (cargo's CARGO_PROFILE_RELEASE_* variables override the generated
# Cargo.toml; panic stays "abort", the only strategy wasm32-unknown-unknown has without the exception-handling
# proposal and a rebuilt panic_unwind), its size after wasm-opt and gzip, and every built-in operation timed in
# headless Chromium (bench/browser.html on a WIDTH x HEIGHT test pattern). All modules are built first, then
# timed in ROUNDS interleaved rounds (each profile once per round, best of five runs of ITERATIONS inside); the
# table gives the best of the rounds, so that load from other processes hits every profile alike.
# Usage: bench/wasm-profiles.sh [WIDTH HEIGHT ITERATIONS ROUNDS [PROFILE...]]
#   (default 1920 1080 5 3 s:true:1 z:true:1 2:true:1 3:true:1 3:thin:16 3:false:16)
source "$(dirname "${BASH_SOURCE[0]}")/generated.sh"
width="${1:-1920}" height="${2:-1080}" iterations="${3:-5}" rounds="${4:-3}"
shift 4 2>/dev/null || shift $#
profiles=("$@")
[ ${#profiles[@]} -gt 0 ] || profiles=(s:true:1 z:true:1 2:true:1 3:true:1 3:thin:16 3:false:16)
./rust-engineer new bench-wasm-profiles --kind wasm --dir "$work" >/dev/null
project="$work/bench-wasm-profiles"
results="$work/results.jsonl"
for profile in "${profiles[@]}"; do
  IFS=: read -r opt lto units <<<"$profile"
  size=$(CARGO_PROFILE_RELEASE_OPT_LEVEL="$opt" CARGO_PROFILE_RELEASE_LTO="$lto" CARGO_PROFILE_RELEASE_CODEGEN_UNITS="$units" \
    WASM_TARGET=web bash scripts/wasm-toolchain.sh build "$project" "$project/pkg-web-${profile//:/-}" | grep '^wasm-size')
  echo "{\"profile\":\"$profile\",\"size\":\"$size\"}" >>"$results"
done
for _ in $(seq "$rounds"); do
  for profile in "${profiles[@]}"; do
    (cd "$project" && CHROME="${CHROME:-/usr/bin/chromium}" taskset -c 0 node tests/browser/run.mjs bench/browser.html \
      "size=${width}x${height}&iterations=$iterations&memory=0&pkg=pkg-web-${profile//:/-}") |
      node -e 'const t = require("fs").readFileSync(0, "utf8"); const r = JSON.parse(t.slice(t.indexOf("{")));
        if (r.status !== "passed") throw new Error(r.error); console.log(JSON.stringify({ profile: process.argv[1], results: r.results }));' \
        "$profile" >>"$results"
  done
done
node - "$results" <<'JS'
const lines = require("fs").readFileSync(process.argv[2], "utf8").trim().split("\n").map((l) => JSON.parse(l));
const sizes = Object.fromEntries(lines.filter((l) => l.size).map((l) => [l.profile, l.size]));
const bytes = (size, k) => Number(size.match(new RegExp(`${k}=(\\d+)`))[1]).toLocaleString("en");
const ops = lines.find((l) => l.results).results.map((r) => r.op);
console.log(`| opt-level, lto, codegen-units | .wasm after wasm-opt | gzip | ${ops.join(" | ")} |`);
console.log(`|---|---|---|${ops.map(() => "---").join("|")}|`);
for (const [profile, size] of Object.entries(sizes)) {
  const best = ops.map((op) => Math.min(...lines.filter((l) => l.profile === profile && l.results)
    .map((l) => l.results.find((r) => r.op === op).wasm_ms)));
  console.log(`| ${profile.replaceAll(":", ", ")} | ${bytes(size, "wasm-opt")} | ${bytes(size, "gzip")} | ${best.map((m) => `${m} ms`).join(" | ")} |`);
}
JS
echo "${width}x${height}, best of $rounds interleaved rounds of best-of-5 runs of $iterations, wasm time per operation in Chromium $(/usr/bin/chromium --version 2>/dev/null | cut -d' ' -f2); $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg)"
