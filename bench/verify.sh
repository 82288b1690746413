#!/usr/bin/env bash
# `verify` cold (empty CARGO_TARGET_DIR) and warm (same target dir, nothing changed; then one file touched),
# through the launcher, JVM start included. Numbers go into BENCHMARKS.md by hand, with this command.
#
# Usage: [COLD_RUNS=3] [WARM_RUNS=5] bench/verify.sh [PROJECT]
#        PROJECT defaults to a small dependency-free library written into a temp dir (4 modules, 24 unit tests,
#        1 integration test, 2 doc tests). A given PROJECT gets one source file touched by the last part.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
work=$(mktemp -d /tmp/rust-engineer-verify-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
COLD_RUNS=${COLD_RUNS:-3}
WARM_RUNS=${WARM_RUNS:-5}
"$here/rust-engineer" --version >/dev/null # builds the jar first if needed, outside the timings

small_project() { # dir
  local p=$1
  mkdir -p "$p/src" "$p/tests"
  printf '[package]\nname = "bench_small"\nversion = "0.1.0"\nedition = "2024"\n\n[dependencies]\n' >"$p/Cargo.toml"
  printf 'pub mod m0;\npub mod m1;\npub mod m2;\npub mod m3;\n' >"$p/src/lib.rs"
  for m in 0 1 2 3; do
    local k=$((m + 1)) # an offset of 0 would be clippy::identity_op
    {
      echo "/// Sum of the squares below \`n\`, plus $k."
      echo "///"
      echo "/// \`\`\`"
      echo "/// assert_eq!(bench_small::m$m::squares(3), 5 + $k);"
      echo "/// \`\`\`"
      echo "pub fn squares(n: u64) -> u64 {"
      echo "    (0..n).map(|i| i * i).sum::<u64>() + $k"
      echo "}"
      echo
      echo "#[cfg(test)]"
      echo "mod tests {"
      for t in 0 1 2 3 4 5; do
        echo "    #[test]"
        echo "    fn squares_$t() {"
        echo "        assert_eq!(super::squares($t), (0..$t).map(|i: u64| i * i).sum::<u64>() + $k);"
        echo "    }"
      done
      echo "}"
    } >"$p/src/m$m.rs"
  done
  # Doc tests in two modules only: rustdoc compiles each one, which is what makes doc tests slow.
  sed -i '/^\/\/\/ ```$/,/^\/\/\/ ```$/d' "$p/src/m2.rs" "$p/src/m3.rs"
  printf '#[test]\nfn all_modules() {\n    assert_eq!(bench_small::m0::squares(2) + bench_small::m3::squares(0), 6);\n}\n' >"$p/tests/api.rs"
  (cd "$p" && cargo fmt --all)
}

project=${1:-}
if [ -z "$project" ]; then
  project="$work/bench_small"
  small_project "$project"
fi
project=$(cd "$project" && pwd)

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
run_verify() { # target-dir json-out -> prints wall ms
  local s e
  s=$(date +%s%N)
  "$here/rust-engineer" verify "$project" --json --target-dir "$1" >"$2" || { echo "verify failed:" >&2; cat "$2" >&2; exit 1; }
  e=$(date +%s%N)
  echo $(( (e - s) / 1000000 ))
}
steps() { # json -> "fmt 123 ms, clippy ..."
  python3 -c 'import json, sys; print(", ".join("%s %d ms" % (s["step"], s["elapsed_ms"]) for s in json.load(open(sys.argv[1]))["steps"]))' "$1"
}

echo "project: $project ($(find "$project/src" "$project/tests" -name '*.rs' 2>/dev/null | xargs cat | wc -l) lines of Rust)"
echo "cargo: $(cargo --version), cores: $(nproc), load: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== cold: empty target dir each run ($COLD_RUNS runs)"
for i in $(seq "$COLD_RUNS"); do
  rm -rf "$work/target"
  ms=$(run_verify "$work/target" "$work/cold.json")
  echo "  run $i: $ms ms  ($(steps "$work/cold.json"))" >&2
  echo "$ms"
done | median | sed 's/^/verify cold median ms: /'

echo "== warm: same target dir, nothing changed ($WARM_RUNS runs)"
for i in $(seq "$WARM_RUNS"); do
  ms=$(run_verify "$work/target" "$work/warm.json")
  echo "  run $i: $ms ms  ($(steps "$work/warm.json"))" >&2
  echo "$ms"
done | median | sed 's/^/verify warm median ms: /'

echo "== incremental: one source file touched before each run ($WARM_RUNS runs)"
first=$(find "$project/src" -name '*.rs' | sort | head -1)
for i in $(seq "$WARM_RUNS"); do
  touch "$first"
  ms=$(run_verify "$work/target" "$work/touched.json")
  echo "  run $i: $ms ms  ($(steps "$work/touched.json"))" >&2
  echo "$ms"
done | median | sed 's/^/verify after touch median ms: /'
