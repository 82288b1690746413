#!/usr/bin/env bash
# Unary call rate of the generated gRPC service (`new --kind grpc`, SQLite): GetItem on one stored row under ghz
# (github.com/bojand/ghz from the Go module proxy, installed here when missing), the contract read through the
# service's own reflection. Usage: bench/grpc-unary.sh [SECONDS] [CONCURRENCY] (default 10 50). Release build
# in the shared cargo target (RUST_ENGINEER_CARGO_TARGET). Server on core 0, ghz on core 1.
source "$(dirname "${BASH_SOURCE[0]}")/generated.sh"
seconds="${1:-10}" concurrency="${2:-50}"
ghz="$(go env GOPATH)/bin/ghz"
[ -x "$ghz" ] || go install github.com/bojand/ghz/cmd/ghz@v0.93.0
generate_release bench-grpc --kind grpc --resource items
port=3400
BIND_ADDR=127.0.0.1:$port METRICS_ADDR=off DATABASE_URL="sqlite://$work/grpc.db?mode=rwc" LOG_FORMAT=json RUST_LOG=warn \
  taskset -c 0 "$shared_target/release/bench-grpc" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.1; done
"$ghz" --insecure --call bench_grpc.v1.ItemService/CreateItem -d '{"name":"bench","quantity":1}' -n 1 "127.0.0.1:$port" >/dev/null
taskset -c 1 "$ghz" --insecure --call bench_grpc.v1.ItemService/GetItem -d '{"id":1}' -c "$concurrency" -z "${seconds}s" \
  "127.0.0.1:$port" | grep -E "Count|Requests/sec|Average|Fastest|99 % in|Status code distribution|\[OK\]|\[[A-Z][a-z]+\]"
echo "release binary: $(stat -c %s "$shared_target/release/bench-grpc") bytes; $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg)"
