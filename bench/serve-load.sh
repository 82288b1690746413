#!/usr/bin/env bash
# `rust-engineer serve` under wrk (Debian's package) in one run: GET /health with 50 connections as the server's own
# floor, then 50 concurrent clients on POST /api/advise (five briefs in turn) and 10 on POST /api/projects (a zip of
# a small generated project, three requests in turn). Each run has a 5 s warm-up that is not counted.
# Usage: bench/serve-load.sh [SECONDS]   (default 30). One RESULT line per run, on stdout and in
# target/bench/serve-load.txt; the numbers go into BENCHMARKS.md by hand, with this command.
# 429 and 503 are the bounded pools' documented answers (busy, or past the time limit): counted as busy_429_503,
# apart from other statuses and socket errors.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
seconds="${1:-30}"
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
./rust-engineer --version >/dev/null
out="$here/target/bench/serve-load.txt"
mkdir -p "$(dirname "$out")"
log=$(mktemp /tmp/rust-engineer-serve-load.XXXXXX)
./rust-engineer serve --port 0 >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -f "$log"' EXIT
base=""
for _ in $(seq 300); do
  base=$(sed -n 's|.*serving on \(http://[^ ]*\)/$|\1|p' "$log")
  [ -n "$base" ] && break
  sleep 0.1
done
[ -n "$base" ] || { echo "serve did not start:" >&2; cat "$log" >&2; exit 1; }
script=bench/serve-load/post.lua

# run NAME CONNECTIONS PATH [BODIES]: a warm-up, then the measured run; wrk's timeout is above the server's own
# limits (advice 20 s, generation 60 s), so a slow request is the server's 503, not a client-side timeout.
# The warm-up uses two connections: requests still queued when wrk stops are still served (the server does not
# notice a client that left), and fifty of them would be counted against the measured run. After each run the
# server is given a few seconds to finish what wrk left behind.
run() {
  local name=$1 connections=$2 path=$3 bodies=${4:-}
  local threads=$(( connections < 2 ? connections : 2 ))
  wrk -t1 -c2 -d5s --timeout 90s -s "$script" "$base$path" ${bodies:+-- "$bodies"} >/dev/null
  sleep 2
  local result
  result=$(wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 90s -s "$script" "$base$path" ${bodies:+-- "$bodies"} \
    | sed -n 's/^RESULT //p')
  printf '%-18s clients=%-3s %s\n' "$name" "$connections" "$result" | tee -a "$out"
  sleep 5
}

{
  echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), ${seconds} s a run"
} | tee -a "$out"
run "GET /health" 50 /health
run "POST /api/advise" 50 /api/advise bench/serve-load/advise-bodies.jsonl
run "POST /api/projects" 10 /api/projects bench/serve-load/projects-bodies.jsonl
