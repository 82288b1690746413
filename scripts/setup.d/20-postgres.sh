#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on 127.0.0.1:55432 for the generated-service tests.
# Idempotent: installs Debian's postgresql only when missing, reuses a running cluster, and writes the
# connection URL to target/postgres.env (DATABASE_URL=...), where the integration test looks for it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
port="${RUST_ENGINEER_PG_PORT:-55432}"
data="${RUST_ENGINEER_PG_DATA:-/tmp/rust-engineer-pg-$port}"
env_file="$here/target/postgres.env"

bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "postgres: installing Debian's postgresql"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
  bindir="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
fi

# PostgreSQL refuses to run as root; CI runs as root, so the cluster belongs to the postgres user then.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/sh postgres
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

if "$bindir/pg_isready" -h 127.0.0.1 -p "$port" -q; then
  echo "postgres: reusing the server already listening on 127.0.0.1:$port"
else
  if [ ! -f "$data/PG_VERSION" ]; then
    rm -rf "$data"
    mkdir -p "$data"
    if [ "$(id -u)" = 0 ]; then chown postgres "$data"; fi
    as_owner "$bindir/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --no-instructions >/dev/null
  fi
  as_owner "$bindir/pg_ctl" -D "$data" -l "$data/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $data -c fsync=off -c max_connections=200" start >/dev/null
fi

for _ in $(seq 1 30); do
  if "$bindir/pg_isready" -h 127.0.0.1 -p "$port" -q; then break; fi
  sleep 1
done
"$bindir/pg_isready" -h 127.0.0.1 -p "$port" -q || { echo "postgres: not ready on port $port" >&2; exit 1; }

mkdir -p "$(dirname "$env_file")"
url="postgres://postgres@127.0.0.1:$port/postgres"
"$bindir/psql" "$url" -qAtc 'SELECT 1' >/dev/null || { echo "postgres: cannot connect to $url" >&2; exit 1; }
echo "DATABASE_URL=$url" > "$env_file"
echo "postgres: ready on 127.0.0.1:$port ($env_file)"
