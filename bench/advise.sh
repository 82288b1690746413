#!/usr/bin/env bash
# advise: reading accuracy (5-fold cross-validation over the whole corpus, and the test split), warm latency per
# brief inside one JVM (embedding alone vs the whole advise), and the cold CLI end to end.
# Usage: bench/advise.sh      (prints the numbers; copy them into BENCHMARKS.md)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
./rust-engineer --version >/dev/null   # builds the jar if needed
echo "== accuracy: 5-fold cross-validation over the whole corpus"
./rust-engineer evaluate --folds 5
echo "== accuracy: the test split (model trained on train + dev)"
./rust-engineer evaluate --split test
echo "== warm, one JVM"
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp target/rust-engineer.jar bench/AdviseBench.java

echo "== cold, whole CLI through ./rust-engineer (10 runs each, median)"
cold() {
  local label="$1"; shift
  local times=()
  for _ in $(seq 10); do
    local s e
    s=$(date +%s%N); "$@" >/dev/null; e=$(date +%s%N)
    times+=($(( (e - s) / 1000000 )))
  done
  local sorted median
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  median=$(echo "$sorted" | sed -n 5p)
  printf '%-28s median %5d ms   min %5d ms   max %5d ms\n' "$label" "$median" "$(echo "$sorted" | head -1)" "$(echo "$sorted" | tail -1)" >&2
  echo "$median"
}
brief="A REST API for payments; p99 under 5 ms; data in PostgreSQL"
./rust-engineer advise "$brief" >/dev/null; sleep 20   # lets the launcher record the AOT cache for this jar
v0=$(RUST_ENGINEER_AOT=0 cold "--version, no AOT cache" ./rust-engineer --version)
v=$(cold "--version, AOT cache" ./rust-engineer --version)
a0=$(RUST_ENGINEER_AOT=0 cold "advise, no AOT cache" ./rust-engineer advise --json "$brief")
a=$(cold "advise, AOT cache" ./rust-engineer advise --json "$brief")
awk -v v0="$v0" -v v="$v" -v a0="$a0" -v a="$a" 'BEGIN { printf "ratio with / without the AOT cache: --version %.2fx, advise %.2fx\n", v / v0, a / a0 }'
