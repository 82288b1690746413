#!/usr/bin/env bash
# The audit on real code: the vendored dependency tree of an Axum + SQLx service (bench/audit-corpus), timed
# side by side with cargo-geiger on the same project and with `grep -r unsafe` (the floor: reading the bytes).
# Prints per-crate unsafe counts from both tools. Usage: bench/audit-real.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
./rust-engineer --version >/dev/null
corpus="$here/bench/audit-corpus"
work="$here/target/audit-bench"
mkdir -p "$work"
if [ ! -d "$corpus/vendor" ]; then
  (cd "$corpus" && cargo vendor --quiet vendor >/dev/null)
fi
lines=$(find "$corpus/vendor" -name '*.rs' -print0 | xargs -0 cat | wc -l)
files=$(find "$corpus/vendor" -name '*.rs' | wc -l)
echo "corpus: $(ls "$corpus/vendor" | wc -l) crates, $files .rs files, $lines lines"

t0=$(date +%s%N)
./rust-engineer audit "$corpus/vendor" --format json --limit 0 > "$work/audit.json"
t1=$(date +%s%N)
grep -r --include='*.rs' -c unsafe "$corpus/vendor" > "$work/grep.txt" || true
t2=$(date +%s%N)
audit_ms=$(( (t1 - t0) / 1000000 )); grep_ms=$(( (t2 - t1) / 1000000 ))
python3 - "$work/audit.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
s = d["summary"]
print(f"audit: {s['files']} files, {s['lines']} lines, {s['findings']} findings, parse errors in {s['parse_error_files']} files "
      f"({100.0 * s['parse_error_files'] / max(1, s['files']):.2f}%), {s['seconds']} s inside the JVM")
print("by rule:", json.dumps(s["by_rule"]))
PY
echo "wall: rust-engineer audit ${audit_ms} ms (JVM start included), grep -r unsafe ${grep_ms} ms"
awk -v l="$lines" -v a="$audit_ms" 'BEGIN { printf "audit throughput: %.0f lines/s\n", l / (a / 1000) }'

# Per-crate unsafe counts from the audit (--deps reads vendor/ one crate at a time).
./rust-engineer audit "$corpus" --deps --format json --limit 0 > "$work/deps.json"
if command -v cargo-geiger >/dev/null || [ -x "$HOME/.cargo/bin/cargo-geiger" ]; then
  t3=$(date +%s%N)
  (cd "$corpus" && cargo geiger --output-format Json --offline > "$work/geiger.json" 2> "$work/geiger.err") || true
  t4=$(date +%s%N)
  geiger_ms=$(( (t4 - t3) / 1000000 ))
  echo "wall: cargo geiger ${geiger_ms} ms; ratio geiger/audit: $(awk -v g="$geiger_ms" -v a="$audit_ms" 'BEGIN { printf "%.1f", g / a }')x"
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
  echo "cargo-geiger is not installed: cargo install cargo-geiger --locked (see BENCHMARKS.md)"
fi
