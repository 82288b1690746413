#!/usr/bin/env bash
# advise, warm inside one JVM (rules-only vs model path) and cold through the launcher (both paths).
# Usage: bench/advise.sh      (prints a table; copy the numbers into BENCHMARKS.md)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
./rust-engineer --version >/dev/null   # builds the jar if needed
echo "== warm, one JVM"
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp target/rust-engineer.jar bench/AdviseBench.java src/test/resources/briefs/free-text.yaml

rules_brief="A REST API for payments; p99 under 5 ms; data in PostgreSQL"
model_brief="An app people install on their phones to scan receipts"
echo "== cold, whole CLI through ./rust-engineer (10 runs each, median)"
cold() {
  local label="$1"; shift
  local times=()
  for _ in $(seq 10); do
    local s e
    s=$(date +%s%N); ./rust-engineer advise --json "$@" >/dev/null; e=$(date +%s%N)
    times+=($(( (e - s) / 1000000 )))
  done
  local sorted median
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  median=$(echo "$sorted" | sed -n 5p)
  printf '%-28s median %5d ms   min %5d ms   max %5d ms\n' "$label" "$median" "$(echo "$sorted" | head -1)" "$(echo "$sorted" | tail -1)"
  echo "$median"
}
r=$(cold "rules decide (no model)" "$rules_brief" | tee /dev/stderr | tail -1)
m=$(cold "model needed (MiniLM load)" "$model_brief" | tee /dev/stderr | tail -1)
awk -v r="$r" -v m="$m" 'BEGIN { printf "ratio cold model/rules: %.1fx\n", m / r }'
