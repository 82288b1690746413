#!/usr/bin/env bash
# POST /api/advise with 50 concurrent clients for 15 s against `rust-engineer serve` on loopback.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
./rust-engineer --version >/dev/null
port=18181
"$JAVA_HOME/bin/java" -jar target/rust-engineer.jar serve --port "$port" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -sf "localhost:$port/health" >/dev/null && break; sleep 0.1; done
# A short warm-up, then the measured run.
"$JAVA_HOME/bin/java" -cp target/rust-engineer.jar bench/WebLoadBench.java "http://127.0.0.1:$port" 50 5 >/dev/null
"$JAVA_HOME/bin/java" -cp target/rust-engineer.jar bench/WebLoadBench.java "http://127.0.0.1:$port" 50 15
