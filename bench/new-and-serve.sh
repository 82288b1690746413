#!/usr/bin/env bash
# new and verify timings, and the generated Axum service under wrk beside a minimal hand-written Axum server,
# in one run. Usage: bench/new-and-serve.sh [--serve-only]   (numbers go into BENCHMARKS.md by hand, with this
# command). --serve-only skips the new/verify timings. Release builds go to the shared cargo target
# (RUST_ENGINEER_CARGO_TARGET), so a second run does not rebuild them; the cold verify uses an empty one.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
work=$(mktemp -d /tmp/rust-engineer-bench.XXXXXX)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
./rust-engineer --version >/dev/null
shared_target="${RUST_ENGINEER_CARGO_TARGET:-$HOME/.cache/rust-engineer/cargo-target}"
serve_only=0
[ "${1:-}" = "--serve-only" ] && serve_only=1

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }

if [ "$serve_only" = 0 ]; then
  echo "== new (JVM start included), 5 runs"
  for i in 1 2 3 4 5; do ms ./rust-engineer new "items$i" --dir "$work" --resource items; done | median | sed 's/^/new median ms: /'

  echo "== verify: cold (empty target dir) and warm (same target dir, nothing changed)"
  ./rust-engineer new items --dir "$work" --resource items >/dev/null
  cold=$(ms ./rust-engineer verify "$work/items" --target-dir "$work/target")
  warm=$(ms ./rust-engineer verify "$work/items" --target-dir "$work/target")
  echo "verify cold ms: $cold"
  echo "verify warm ms: $warm"
fi
echo "== release builds"
./rust-engineer new items --dir "$work" --resource items --force >/dev/null
(cd "$work/items" && CARGO_TARGET_DIR="$shared_target" cargo build --release -q)
(cd bench/reference-axum && CARGO_TARGET_DIR="$shared_target" cargo build --release -q)
db="$work/bench.db"
# The generated service creates the schema; one row to read.
BIND_ADDR=127.0.0.1:3100 DATABASE_URL="sqlite://$db?mode=rwc" LOG_FORMAT=json RUST_LOG=warn taskset -c 0 "$shared_target/release/items" >/dev/null 2>&1 &
gen=$!
for _ in $(seq 50); do curl -sf localhost:3100/health/live >/dev/null && break; sleep 0.1; done
curl -sf localhost:3100/items -H 'content-type: application/json' -d '{"name":"bench","quantity":1}' >/dev/null
BIND_ADDR=127.0.0.1:3101 DATABASE_URL="sqlite://$db" taskset -c 0 "$shared_target/release/reference-axum" >/dev/null 2>&1 &
ref=$!
for _ in $(seq 50); do curl -sf localhost:3101/health/live >/dev/null && break; sleep 0.1; done

run() { # label url connections
  local out rps p99
  out=$(taskset -c 1 wrk -t1 -c"$3" -d10s --latency "$2")
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  # The line for people goes to stderr, the number for the ratio to stdout (no tee /dev/stderr: reopening it
  # truncates a log file that stderr is redirected to).
  printf '%-34s %10s req/s   p99 %s\n' "$1" "$rps" "$p99" >&2
  echo "$rps"
}
echo "== wrk, server on core 0, wrk on core 1 (10 s each)"
g=$(run "generated  GET /health/live c=64" http://127.0.0.1:3100/health/live 64)
r=$(run "reference  GET /health/live c=64" http://127.0.0.1:3101/health/live 64)
awk -v g="$g" -v r="$r" 'BEGIN { printf "health throughput ratio generated/reference: %.2f\n", g / r }'
g=$(run "generated  GET /items/1 c=64" http://127.0.0.1:3100/items/1 64)
r=$(run "reference  GET /items/1 c=64" http://127.0.0.1:3101/items/1 64)
awk -v g="$g" -v r="$r" 'BEGIN { printf "read throughput ratio generated/reference: %.2f\n", g / r }'
# wrk has no fixed-rate mode; two connections keep the load light, which is what the p99 aim is about.
run "generated  GET /items/1 c=2 (light)" http://127.0.0.1:3100/items/1 2 >/dev/null
run "reference  GET /items/1 c=2 (light)" http://127.0.0.1:3101/items/1 2 >/dev/null
echo "release binary size: $(stat -c %s "$shared_target/release/items") bytes"
