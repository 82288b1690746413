#!/usr/bin/env bash
# The generated HTTP service of every offered web framework against the same hand-written Axum server
# (bench/reference-axum), side by side in one run under wrk: the health route and the read route, each
# framework's line next to a reference line measured right after it, so a ratio compares two runs a few
# seconds apart on this shared machine; plus the light-load read route and each release binary's size.
# Usage: bench/frameworks.sh [SECONDS] (default 10 per line).
# Release builds go to the shared cargo target (RUST_ENGINEER_CARGO_TARGET), so a second run does not rebuild
# them. Servers are pinned to core 0 and wrk to core 1; one server is under load at a time. Numbers go into
# BENCHMARKS.md by hand, with this command.
source "$(dirname "${BASH_SOURCE[0]}")/generated.sh"
seconds="${1:-10}"
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
./rust-engineer --version >/dev/null
offered=$(./rust-engineer new --help | awk '$1 == "service" {print $2}')
(cd bench/reference-axum && CARGO_TARGET_DIR="$shared_target" cargo build --release -q)
reference=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; [ -n "$reference" ] && kill "$reference" 2>/dev/null; rm -rf "$work"' EXIT

run() { # url connections -> "rps p99"
  local out
  out=$(taskset -c 1 wrk -t1 -c"$2" -d"${seconds}s" --latency "$1")
  echo "$(echo "$out" | awk '/Requests\/sec/ {print $2}') $(echo "$out" | awk '$1=="99%" {print $2}')"
}
up() { # port
  for _ in $(seq 100); do curl -sf "localhost:$1/health/live" >/dev/null && break; sleep 0.1; done
}

results="$work/results"
port=3200
for web in $offered; do
  name="bench-$web"
  echo "== $web: release build" >&2
  generate_release "$name" --web "$web" --resource items
  port=$((port + 2))
  db="$work/$web.db"
  BIND_ADDR=127.0.0.1:$port DATABASE_URL="sqlite://$db?mode=rwc" LOG_FORMAT=json RUST_LOG=warn \
    taskset -c 0 "$shared_target/release/$name" >"$work/$web.log" 2>&1 &
  server=$!
  up "$port"
  curl -sf "localhost:$port/items" -H 'content-type: application/json' -d '{"name":"bench","quantity":1}' >/dev/null
  # The reference reads the row the generated service just wrote, from the same file.
  BIND_ADDR=127.0.0.1:$((port + 1)) DATABASE_URL="sqlite://$db" taskset -c 0 "$shared_target/release/reference-axum" \
    >"$work/reference-$web.log" 2>&1 &
  reference=$!
  up $((port + 1))
  echo "== $web: wrk, ${seconds} s per line" >&2
  read -r hrps hp99 < <(run "http://127.0.0.1:$port/health/live" 64)
  read -r rhrps rhp99 < <(run "http://127.0.0.1:$((port + 1))/health/live" 64)
  read -r rps p99 < <(run "http://127.0.0.1:$port/items/1" 64)
  read -r rrps rp99 < <(run "http://127.0.0.1:$((port + 1))/items/1" 64)
  read -r lrps lp99 < <(run "http://127.0.0.1:$port/items/1" 2)
  kill "$server" "$reference"; wait "$server" "$reference" 2>/dev/null || true; server=""; reference=""
  echo "$web $hrps $hp99 $rhrps $rhp99 $rps $p99 $rrps $rp99 $lrps $lp99 $(stat -c %s "$shared_target/release/$name")" >> "$results"
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
printf '%-10s | %-26s %-26s %6s | %-26s %-26s %6s | %-22s | %s\n' framework "health req/s (p99)" "reference" ratio \
  "read req/s (p99)" "reference" ratio "read c=2 req/s (p99)" binary
while read -r web hrps hp99 rhrps rhp99 rps p99 rrps rp99 lrps lp99 size; do
  printf '%-10s | %-26s %-26s %6s | %-26s %-26s %6s | %-22s | %.1f MB\n' "$web" "$hrps ($hp99)" "$rhrps ($rhp99)" \
    "$(ratio "$hrps" "$rhrps")" "$rps ($p99)" "$rrps ($rp99)" "$(ratio "$rps" "$rrps")" "$lrps ($lp99)" \
    "$(awk -v s="$size" 'BEGIN {print s / 1e6}')"
done < "$results"
echo "health: GET /health/live, read: GET /items/1 on SQLite, 64 connections unless c=2; ${seconds} s per line," \
  "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
