#!/usr/bin/env bash
# Broadcast rate of the generated Axum service's WebSocket rooms (`new --with websocket`): MEMBERS clients in
# one room, one sender, each message to every member (bench/ws-load, a Rust client on tokio-tungstenite).
# Usage: bench/ws-broadcast.sh [MEMBERS] [MESSAGES] [WINDOW]   (default 1000 200 16). Release builds in the
# shared cargo target (RUST_ENGINEER_CARGO_TARGET). Server on core 0, load client on core 1.
source "$(dirname "${BASH_SOURCE[0]}")/generated.sh"
members="${1:-1000}" messages="${2:-200}" window="${3:-16}"
ulimit -n "$(ulimit -Hn)"  # 1,000 clients and the server's 1,000 sockets need more than the default 1024
generate_release bench-ws --with websocket --resource items
(cd bench/ws-load && CARGO_TARGET_DIR="$shared_target" cargo build --release -q)
port=3300
BIND_ADDR=127.0.0.1:$port DATABASE_URL="sqlite://$work/ws.db?mode=rwc" LOG_FORMAT=json RUST_LOG=warn \
  taskset -c 0 "$shared_target/release/bench-ws" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 100); do curl -sf "localhost:$port/health/live" >/dev/null && break; sleep 0.1; done
taskset -c 1 "$shared_target/release/ws-load" "ws://127.0.0.1:$port/ws/bench" "$members" "$messages" "$window"
echo "release binary: $(stat -c %s "$shared_target/release/bench-ws") bytes; $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg)"
