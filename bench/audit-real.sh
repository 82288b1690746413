#!/usr/bin/env bash
# The audit on real code, side by side in one run: cold, warm and cached audit times; tree-sitter's raw parse of the
# same files (the floor for a parsing audit); `grep -r unsafe` (the floor for reading the bytes); cargo-geiger when
# installed. Prints per-crate unsafe counts from the audit and cargo-geiger.
#
# Usage: bench/audit-real.sh [DIR] [--profile]
#   DIR        a tree of Rust files (default: `cargo vendor` of bench/audit-corpus, an Axum + SQLx service's
#              dependencies, 1.8 million lines); e.g. ~/.cache/rust-engineer/audit-corpus (the labelled corpus crates,
#              scripts/setup.d/60-audit-corpus.sh) or ~/.cargo/registry/src
#   --profile  also record the cold audit with JFR and summarise where the time goes (bench/jfr-summary.py)
#
#   cold    ./rust-engineer audit DIR with an empty cache: JVM start, parsing and every rule, and writing the cache
#   cached  the same command again: the cache answers for every unchanged file
#   warm    the audit repeated inside one JVM without the cache (bench/AuditBench.java), the figure to set beside
#           tree-sitter's raw parse (bench/TreeSitterParseBench.java, same files, same threads), with the bundled
#           tree-sitter libraries and, when a build is found under ~/.cache/rust-engineer/tree-sitter/, that one too
# The cache goes to target/audit-bench/cache ($RUST_ENGINEER_CACHE), never into DIR.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
java="$JAVA_HOME/bin/java"
profile=0
dir=""
for a in "$@"; do
  case "$a" in
    --profile) profile=1 ;;
    *) dir="$a" ;;
  esac
done
./rust-engineer --version >/dev/null
corpus="$here/bench/audit-corpus"
if [ -z "$dir" ]; then
  if [ ! -d "$corpus/vendor" ]; then
    (cd "$corpus" && cargo vendor --quiet vendor >/dev/null)
  fi
  dir="$corpus/vendor"
fi
dir="$(cd "$dir" && pwd)"
work="$here/target/audit-bench"
mkdir -p "$work"
export RUST_ENGINEER_CACHE="$work/cache"
rm -rf "$RUST_ENGINEER_CACHE"

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
summary() {
  python3 - "$1" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))["summary"]
print(f"{s['files']} files, {s['lines']} lines, {s['findings']} findings, parse errors in {s['parse_error_files']} files, "
      f"{s['seconds']} s inside the JVM, {s.get('cached_files', 0)} files from the cache")
PY
}

lines=$(find "$dir" -name '*.rs' -not -path '*/target/*' -print0 | xargs -0 cat | wc -l)
files=$(find "$dir" -name '*.rs' -not -path '*/target/*' | wc -l)
echo "tree: $dir: $files .rs files, $lines lines; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"

t=$(date +%s%N)
/usr/bin/time -f "%U s user, %S s system" -o "$work/cold.time" ./rust-engineer audit "$dir" --format json --limit 0 > "$work/cold.json"
cold_ms=$(ms "$t")
echo "cold   (CLI, empty cache):  ${cold_ms} ms wall, $(cat "$work/cold.time"); $(summary "$work/cold.json")"
t=$(date +%s%N)
/usr/bin/time -f "%U s user, %S s system" -o "$work/cached.time" ./rust-engineer audit "$dir" --format json --limit 0 > "$work/cached.json"
cached_ms=$(ms "$t")
echo "cached (CLI, second run):   ${cached_ms} ms wall, $(cat "$work/cached.time"); $(summary "$work/cached.json")"
python3 - "$work/cold.json" "$work/cached.json" <<'PY'
import json, sys
a, b = (json.load(open(p))["summary"] for p in sys.argv[1:])
same = all(a[k] == b[k] for k in ("files", "lines", "findings", "by_rule"))
print("cached run gives the same summary as the cold run:", same)
PY

# Another tree-sitter build (-Dtree-sitter-lib, the binding's own property), when one is there, against the bundled one.
release=$(ls -d "$HOME"/.cache/rust-engineer/tree-sitter/*/ 2>/dev/null | head -1)
libs=(bundled)
[ -n "$release" ] && libs+=(release)
for lib in "${libs[@]}"; do
  if [ "$lib" = release ]; then
    flags=(-Dtree-sitter-lib="${release%/}"); env=(env)
  else
    flags=(); env=(env)
  fi
  echo "== warm ($lib tree-sitter): the audit repeated in one JVM, no cache"
  "${env[@]}" "$java" "${flags[@]}" --enable-native-access=ALL-UNNAMED -cp target/rust-engineer.jar bench/AuditBench.java "$dir" 2 \
    | tee "$work/warm-$lib.txt"
  echo "== tree-sitter's raw parse of the same files ($lib)"
  "$java" "${flags[@]}" --enable-native-access=ALL-UNNAMED -cp target/rust-engineer.jar bench/TreeSitterParseBench.java "$dir" 2 \
    | tee "$work/parse-$lib.txt"
  python3 - "$work/warm-$lib.txt" "$work/parse-$lib.txt" "$lines" "$lib" <<'PY'
import re, sys
def rounds(path, word):
    return [(float(m.group(1)), float(m.group(2))) for m in
            re.finditer(word + r" round \d+ \(\w+\): ([\d.]+) s, ([\d.]+) s CPU", open(path).read())]
audit, parse = rounds(sys.argv[1], "audit"), rounds(sys.argv[2], "parse")
lines, lib = int(sys.argv[3]), sys.argv[4]
aw, pw = min(audit[1:] or audit), min(parse[1:] or parse)
print(f"{lib}: warm audit {aw[0]:.2f} s, {aw[1]:.1f} s CPU ({lines / aw[0]:,.0f} lines/s) vs warm raw parse {pw[0]:.2f} s, "
      f"{pw[1]:.1f} s CPU: ratio audit/parse {aw[0] / pw[0]:.2f}x wall, {aw[1] / pw[1]:.2f}x CPU")
PY
done
echo "cold CLI $(awk -v c="$cold_ms" 'BEGIN { printf "%.2f", c / 1000 }') s, cached CLI $(awk -v c="$cached_ms" 'BEGIN { printf "%.2f", c / 1000 }') s: $(awk -v a="$cold_ms" -v b="$cached_ms" 'BEGIN { printf "%.0f", a / b }')x"

t=$(date +%s%N)
grep -r --include='*.rs' -c unsafe "$dir" > "$work/grep.txt" || true
echo "grep -r unsafe (reading the bytes): $(ms "$t") ms"

if [ "$profile" = 1 ]; then
  echo "== profile of the cold audit (JFR, no cache)"
  "$java" -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED -XX:StartFlightRecording=filename="$work/audit.jfr",settings=profile \
    -jar target/rust-engineer.jar audit "$dir" --no-cache --format json --limit 0 > /dev/null 2> "$work/jfr.log"
  "$JAVA_HOME/bin/jfr" print --json --events jdk.ExecutionSample,jdk.NativeMethodSample "$work/audit.jfr" | python3 bench/jfr-summary.py 12
fi

if [ "$dir" = "$corpus/vendor" ]; then
  # Per-crate unsafe counts from the audit (--deps reads vendor/ one crate at a time).
  ./rust-engineer audit "$corpus" --deps --no-cache --format json --limit 0 > "$work/deps.json"
  if command -v cargo-geiger >/dev/null || [ -x "$HOME/.cargo/bin/cargo-geiger" ]; then
    t=$(date +%s%N)
    (cd "$corpus" && cargo geiger --output-format Json --offline > "$work/geiger.json" 2> "$work/geiger.err") || true
    geiger_ms=$(ms "$t")
    echo "cargo geiger: ${geiger_ms} ms wall; ratio geiger / cold audit: $(awk -v g="$geiger_ms" -v a="$cold_ms" 'BEGIN { printf "%.1f", g / a }')x"
    python3 - "$work/deps.json" "$work/geiger.json" <<'PY'
import json, sys
ours = {c["name"]: c for c in json.load(open(sys.argv[1])).get("crates", [])}
try:
    g = json.load(open(sys.argv[2]))
except Exception as e:
    print("cargo-geiger gave no JSON:", e); sys.exit(0)
print(f"{'crate':24} {'ours exprs':>10} {'geiger exprs':>12} {'ours fns':>8} {'geiger fns':>10} {'ours impls':>10} {'geiger impls':>12}")
for p in g.get("packages", []):
    name = p["package"]["id"]["name"]
    used = p["unsafety"]["used"]; unused = p["unsafety"]["unused"]
    ge = used["exprs"]["unsafe_"] + unused["exprs"]["unsafe_"]
    gf = used["functions"]["unsafe_"] + unused["functions"]["unsafe_"]
    gi = used["item_impls"]["unsafe_"] + unused["item_impls"]["unsafe_"]
    o = ours.get(name, {}).get("by_rule", {})
    print(f"{name:24} {o.get('unsafe-block', 0):>10} {ge:>12} {o.get('unsafe-fn', 0):>8} {gf:>10} {o.get('unsafe-impl', 0):>10} {gi:>12}")
PY
  else
    echo "cargo-geiger is not installed: skipped (cargo install cargo-geiger --locked to compare; see BENCHMARKS.md)"
  fi
fi
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
