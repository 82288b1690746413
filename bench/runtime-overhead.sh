#!/usr/bin/env bash
# The spec's "Runtime overhead" row (Tokio ~300KB, async-std ~200KB, smol ~50KB), measured: builds the four
# binaries of bench/runtime-overhead/ (release: opt-level 3, fat LTO, codegen-units 1, stripped, panic=abort) and
# prints, side by side from one run, each binary's size, its size minus the no-runtime baseline (the runtime's
# overhead), the crates it links, and the run time of the job (100 tasks sleeping 1 ms, summed; 100 echo round
# trips over loopback TCP), with ratios to tokio (of the overhead, and of the median run time). Numbers go into BENCHMARKS.md and
# src/main/resources/knowledge/measurements.yaml by hand, with this command and the date.
#
# Usage: [RUNS=30] [WARMUP=3] [TIMER=loop] bench/runtime-overhead.sh
#        CARGO_TARGET_DIR is honoured (default: bench/runtime-overhead/target). Timings use hyperfine when it is
#        installed (Debian: apt-get install hyperfine), otherwise (or with TIMER=loop) a loop over `date +%s%N`.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ws="$here/runtime-overhead"
RUNS=${RUNS:-30}
WARMUP=${WARMUP:-3}
target="${CARGO_TARGET_DIR:-$ws/target}"
bins=(baseline tokio-job async-std-job smol-job)
declare -A claim=([baseline]="-" [tokio-job]="~300KB" [async-std-job]="~200KB" [smol-job]="~50KB")
declare -A crate=([baseline]="-" [tokio-job]=tokio [async-std-job]=async-std [smol-job]=smol)

(cd "$ws" && cargo build --release --locked --quiet)
rel="$target/release"
for b in "${bins[@]}"; do
  out=$("$rel/$b")
  [[ $out == *"sum=4950 round_trips=100"* ]] || { echo "$b did not do the job: $out" >&2; exit 1; }
done

work=$(mktemp -d /tmp/runtime-overhead.XXXXXX)
trap 'rm -rf "$work"' EXIT
declare -A mean sd median
if [[ ${TIMER:-auto} != loop ]] && command -v hyperfine >/dev/null; then
  timer="hyperfine $(hyperfine --version | cut -d' ' -f2), $RUNS runs + $WARMUP warm-up each"
  hyperfine -N --style none --warmup "$WARMUP" --runs "$RUNS" --export-json "$work/h.json" \
    "${bins[@]/#/$rel/}" >/dev/null 2>"$work/h.err" || { cat "$work/h.err" >&2; exit 1; }
  if grep -q outliers "$work/h.err"; then timer="$timer; hyperfine warned of statistical outliers"; fi
  for i in "${!bins[@]}"; do
    mean[${bins[$i]}]=$(jq -r ".results[$i].mean * 1000" "$work/h.json")
    sd[${bins[$i]}]=$(jq -r ".results[$i].stddev * 1000" "$work/h.json")
    median[${bins[$i]}]=$(jq -r ".results[$i].median * 1000" "$work/h.json")
  done
else
  timer="date +%s%N loop, $RUNS runs + $WARMUP warm-up each (hyperfine not used)"
  for b in "${bins[@]}"; do
    for _ in $(seq "$WARMUP"); do "$rel/$b" >/dev/null; done
    : >"$work/$b"
    for _ in $(seq "$RUNS"); do
      t0=$(date +%s%N); "$rel/$b" >/dev/null; t1=$(date +%s%N)
      echo $(((t1 - t0) / 1000)) >>"$work/$b"
    done
    read -r mean[$b] sd[$b] < <(awk '{s+=$1; q+=$1*$1} END {m=s/NR; v=q/NR-m*m; print m/1000, sqrt(v>0?v:0)/1000}' "$work/$b")
    median[$b]=$(sort -n "$work/$b" | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2) / 1000}')
  done
fi

size() { stat -c %s "$rel/$1"; }
base=$(size baseline)
tokio_over=$(($(size tokio-job) - base))
kib() { awk -v b="$1" 'BEGIN {printf "%.1f", b / 1024}'; }

echo "rustc: $(rustc --version)"
echo "machine: $(nproc) cores, $(uname -sm), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "timer: $timer"
echo "date: $(date -u +%F)"
echo
fmt='| %-13s | %-9s | %-24s | %-25s | %-6s | %-8s | %-19s | %-9s | %-8s |\n'
# shellcheck disable=SC2059
printf "$fmt" binary runtime "size" "overhead (size - baseline)" spec "vs tokio" "run time, mean" median "vs tokio"
echo "|---------------|-----------|--------------------------|---------------------------|--------|----------|---------------------|-----------|----------|"
for b in "${bins[@]}"; do
  s=$(size "$b")
  over=$((s - base))
  if [[ $b == baseline ]]; then
    over_txt="0 (baseline)"; over_ratio="-"
  else
    over_txt="$over B = $(kib "$over") KiB"
    over_ratio=$(awk -v o="$over" -v t="$tokio_over" 'BEGIN {printf "%.2fx", o / t}')
  fi
  t=$(awk -v m="${mean[$b]}" -v d="${sd[$b]}" 'BEGIN {printf "%.2f (sd %.2f)", m, d}')
  t_ratio=$(awk -v m="${median[$b]}" -v r="${median[tokio-job]}" 'BEGIN {printf "%.2fx", m / r}')
  # shellcheck disable=SC2059
  printf "$fmt" "$b" "${crate[$b]}" "$s B = $(kib "$s") KiB" "$over_txt" "${claim[$b]}" "$over_ratio" "$t ms" \
    "$(awk -v m="${median[$b]}" 'BEGIN {printf "%.2f ms", m}')" "$t_ratio"
done
echo
echo "crates linked (cargo tree, normal dependencies, the binary's own package included):"
for b in "${bins[@]}"; do
  n=$(cd "$ws" && cargo tree --locked -q -p "$b" -e normal --prefix none | sed 's/ (\*)$//' | sort -u | wc -l)
  echo "  $b: $n"
done
