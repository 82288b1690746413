#!/usr/bin/env bash
# advise: reading accuracy (5-fold cross-validation over the whole corpus, and the test split), warm latency per
# brief inside one JVM (the embedding's variants side by side, and the whole advise), and the cold CLI end to end.
# Usage: bench/advise.sh                      (prints the numbers; copy them into BENCHMARKS.md)
#        BASE=/path/to/other/checkout bench/advise.sh   (also runs that checkout's launcher in the cold rounds,
#                                              interleaved with this one: before and after in one run)
#        SKIP_ACCURACY=1 SKIP_WARM=1 COLD_RUNS=21 bench/advise.sh   (cold only; more rounds on a busy machine)
#        BASE_EMBEDDING=ours   (the base checkout already has OnnxSentenceEncoder: its cold parts load it, not
#                               langchain4j's model, the default for a base from before the second round)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
./rust-engineer --version >/dev/null   # builds the jar if needed
if [ "${SKIP_ACCURACY:-0}" != 1 ]; then
  echo "== accuracy: 5-fold cross-validation over the whole corpus"
  ./rust-engineer evaluate --folds 5
  echo "== accuracy: the test split (model trained on train + dev)"
  ./rust-engineer evaluate --split test
fi
if [ "${SKIP_WARM:-0}" != 1 ]; then
  echo "== warm, one JVM (the launcher's flags)"
  "$JAVA_HOME/bin/java" -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED -cp target/rust-engineer.jar \
    bench/AdviseBench.java "${WARM_SAMPLES:-1000}"
fi

brief="A REST API for payments; p99 under 5 ms; data in PostgreSQL"
runs="${COLD_RUNS:-15}"
echo "== cold, whole CLI through the launcher ($runs rounds, the variants interleaved; wall and CPU (user + sys) ms)"
# Each launcher records its AOT cache in the background on the first advise of a new jar; wait for it.
launchers=(".")
[ -n "${BASE:-}" ] && launchers+=("$BASE")
for l in "${launchers[@]}"; do
  "$l/rust-engineer" advise "$brief" >/dev/null
  while [ -d "$l/target/rust-engineer.aot.lock" ]; do sleep 2; done
done
labels=() commands=()
for l in "${launchers[@]}"; do
  name=$([ "$l" = . ] && echo "this build" || echo "base")
  labels+=("$name: --version, AOT cache");  commands+=("$l/rust-engineer --version")
  labels+=("$name: advise, no AOT cache");  commands+=("RUST_ENGINEER_AOT=0 $l/rust-engineer advise --json '$brief'")
  labels+=("$name: advise, AOT cache");     commands+=("$l/rust-engineer advise --json '$brief'")
done
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
n=${#commands[@]}
for r in $(seq "$runs"); do
  for k in $(seq 0 $((n - 1))); do
    v=$(( (r + k) % n ))   # a different variant goes first each round
    /usr/bin/time -f '%e %U %S' -o "$out/t" bash -c "${commands[$v]} >/dev/null"
    awk '{ printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000 }' "$out/t" >>"$out/$v"
  done
done
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
printf '%-36s %12s %12s %10s\n' "variant" "wall median" "CPU median" "wall min"
for v in $(seq 0 $((n - 1))); do
  printf '%-36s %9d ms %9d ms %7d ms\n' "${labels[$v]}" "$(cut -d' ' -f1 "$out/$v" | median)" \
    "$(cut -d' ' -f2 "$out/$v" | median)" "$(cut -d' ' -f1 "$out/$v" | sort -n | head -1)"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== cold, the parts of an advise start in one fresh JVM (no AOT cache; 3 runs each, interleaved)"
"$JAVA_HOME/bin/javac" -d "$out/parts" -cp target/rust-engineer.jar bench/AdviseColdParts.java
for r in 1 2 3; do
  echo "-- this build, run $r"
  "$JAVA_HOME/bin/java" -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED -cp "$out/parts:target/rust-engineer.jar" AdviseColdParts ours
  if [ -n "${BASE:-}" ]; then
    echo "-- base, run $r"
    "$JAVA_HOME/bin/java" -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED -cp "$out/parts:$BASE/target/rust-engineer.jar" AdviseColdParts "${BASE_EMBEDDING:-langchain4j}"
  fi
done
