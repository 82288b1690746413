#!/usr/bin/env bash
# What a new user's peer tools say about a running generated service. Given the base URL of a service that is
# already up, runs, in order, and stops at the first that fails (exit 1, its own output on stderr):
#   1. schemathesis (all checks, every phase including the stateful one, a fixed seed, 50 examples per operation)
#      against the service's own /openapi.json; the run must report zero failures;
#   2. an independent OpenAPI validator (openapi-spec-validator, from PyPI) on /openapi.json;
#   3. a slow-client probe: a request whose headers never finish must be answered (408) or closed within 30 s;
#   4. a metrics-cardinality probe: 300 requests with made-up methods and paths may grow /metrics by at most 4 KB.
# Used by GeneratedServiceIT for every web framework and database, and by hand:
#   scripts/service-probes.sh http://127.0.0.1:8080 [report-dir]
# The tools come from scripts/setup.d/35-peer-tools.sh. SEED and EXAMPLES override the fixed seed (20261207) and the examples per operation (50).
set -uo pipefail
export PATH="${RUST_ENGINEER_PEER_TOOLS:-$HOME/.cache/rust-engineer/peer-tools}/bin:$PATH"
base="${1:?usage: service-probes.sh BASE_URL [REPORT_DIR]}"
reports="$(realpath -m "${2:-$(mktemp -d)}")"
seed="${SEED:-20261207}"
examples="${EXAMPLES:-50}"
mkdir -p "$reports"
fail() { echo "service-probes: $*" >&2; exit 1; }

# 1. schemathesis. NUL bytes are legal JSON, so they stay in the generated data.
# Run from the report directory: schemathesis keeps its cache (.schemathesis/) in the working directory.
if ! (cd "$reports" && st run "$base/openapi.json" --checks all --phases examples,coverage,fuzzing,stateful --seed "$seed" \
    --max-examples "$examples" --workers 1 --request-timeout 10 \
    --continue-on-failure --no-color --report junit --report-dir "$reports") >"$reports/schemathesis.txt" 2>&1; then
  cat "$reports/schemathesis.txt" >&2
  fail "schemathesis reported failures against $base (seed $seed)"
fi

# 2. an OpenAPI validator that is not the service's own generator.
curl -fsS "$base/openapi.json" -o "$reports/openapi.json" || fail "GET /openapi.json failed"
openapi-spec-validator "$reports/openapi.json" >"$reports/openapi-validator.txt" 2>&1 \
  || { cat "$reports/openapi-validator.txt" >&2; fail "openapi-spec-validator rejected /openapi.json"; }

# 3. slow client: the header line never ends. A server that waits forever keeps a connection (and its memory)
# per attacker; one that times the headers out answers 408 or closes.
hostport="${base#http://}"
host="${hostport%:*}"
port="${hostport##*:}"
start=$(date +%s)
python3 - "$host" "$port" <<'EOF' || fail "slow-client probe: a connection with unfinished headers stayed open for 30 s"
import socket, sys
s = socket.create_connection((sys.argv[1], int(sys.argv[2])))
s.sendall(b"GET /health/live HTTP/1.1\r\nHost: x\r\nX-a: ")
s.settimeout(30)
try:
    data = s.recv(1024)  # b"" when closed, or the start of a 408
except socket.timeout:
    sys.exit(1)
sys.exit(0 if data == b"" or data.startswith(b"HTTP/1.1 408") else 1)
EOF
echo "slow-client probe: closed or 408 after $(( $(date +%s) - start )) s" >"$reports/slow-client.txt"

# 4. metrics cardinality: unmatched paths and methods fold into one label value each.
before=$(curl -fsS "$base/metrics" | wc -c)
for i in $(seq 1 100); do
  curl -s -o /dev/null -X "MADEUP$i" "$base/health/live"
  curl -s -o /dev/null "$base/no-such-path-$i"
  curl -s -o /dev/null -X "PATCH$i" "$base/no/such/$i"
done
after=$(curl -fsS "$base/metrics" | wc -c)
echo "metrics: $before bytes before, $after after 300 made-up requests" >"$reports/metrics.txt"
[ $((after - before)) -le 4096 ] || fail "metrics grew from $before to $after bytes after 300 made-up methods and paths"
echo "service-probes: all passed against $base (schemathesis seed $seed)"
