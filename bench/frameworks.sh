#!/usr/bin/env bash
# The same read route of the generated HTTP service for every offered web framework, side by side in one run
# under wrk, plus each release binary's size. Usage: bench/frameworks.sh [SECONDS] (default 10 per line).
# Release builds go to the shared cargo target (RUST_ENGINEER_CARGO_TARGET), so a second run does not rebuild
# them. Servers are pinned to core 0 and wrk to core 1; one server runs at a time. Numbers go into
# BENCHMARKS.md by hand, with this command.
source "$(dirname "${BASH_SOURCE[0]}")/generated.sh"
seconds="${1:-10}"
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
./rust-engineer --version >/dev/null
offered=$(./rust-engineer new --help | awk '$1 == "service" {print $2}')

run() { # url connections -> "rps p99"
  local out
  out=$(taskset -c 1 wrk -t1 -c"$2" -d"${seconds}s" --latency "$1")
  echo "$(echo "$out" | awk '/Requests\/sec/ {print $2}') $(echo "$out" | awk '$1=="99%" {print $2}')"
}

results="$work/results"
port=3200
for web in $offered; do
  name="bench-$web"
  echo "== $web: release build" >&2
  generate_release "$name" --web "$web" --resource items
  port=$((port + 1))
  BIND_ADDR=127.0.0.1:$port DATABASE_URL="sqlite://$work/$web.db?mode=rwc" LOG_FORMAT=json RUST_LOG=warn \
    taskset -c 0 "$shared_target/release/$name" >"$work/$web.log" 2>&1 &
  server=$!
  for _ in $(seq 100); do curl -sf "localhost:$port/health/live" >/dev/null && break; sleep 0.1; done
  curl -sf "localhost:$port/items" -H 'content-type: application/json' -d '{"name":"bench","quantity":1}' >/dev/null
  read -r rps p99 < <(run "http://127.0.0.1:$port/items/1" 64)
  read -r lrps lp99 < <(run "http://127.0.0.1:$port/items/1" 2)
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
  echo "$web $rps $p99 $lrps $lp99 $(stat -c %s "$shared_target/release/$name")" >> "$results"
done

base=$(awk '$1 == "axum" {print $2}' "$results")
printf '%-10s %14s %10s %8s %18s %10s %12s\n' framework "req/s (c=64)" p99 "/axum" "req/s (c=2)" p99 "binary"
while read -r web rps p99 lrps lp99 size; do
  printf '%-10s %14s %10s %8s %18s %10s %9.1f MB\n' "$web" "$rps" "$p99" \
    "$(awk -v a="$rps" -v b="${base:-$rps}" 'BEGIN {printf "%.2f", a / b}')" "$lrps" "$lp99" "$(awk -v s="$size" 'BEGIN {print s / 1e6}')"
done < "$results"
echo "GET /items/1 on SQLite, ${seconds} s per line, $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg) at the end"
