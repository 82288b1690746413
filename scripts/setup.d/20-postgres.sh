#!/usr/bin/env bash
# A throwaway PostgreSQL for the generated projects' tests: Debian's postgresql, one cluster on a loopback
# port, trust auth, data under /tmp. Idempotent: reuses a running cluster. Writes DATABASE_URL to
# target/postgres.env for the tests.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
port="${RUST_ENGINEER_PG_PORT:-55432}"
data="${RUST_ENGINEER_PG_DATA:-/tmp/rust-engineer-pg}"
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi
# initdb and postgres refuse to run as root; the Debian package creates the postgres user.
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
if ! "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
  if [ ! -f "$data/PG_VERSION" ]; then
    mkdir -p "$data"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$data"
    as_pg "'$bin/initdb' -D '$data' -A trust -U postgres --no-sync >/dev/null"
  fi
  as_pg "'$bin/pg_ctl' -D '$data' -l '$data/server.log' -o '-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off' -w start >/dev/null"
fi
mkdir -p "$here/target"
echo "DATABASE_URL=postgres://postgres@127.0.0.1:$port/postgres" > "$here/target/postgres.env"
"$bin/pg_isready" -h 127.0.0.1 -p "$port"
