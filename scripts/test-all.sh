#!/usr/bin/env bash
# The README's test command: everything rust-engineer proves, on a fresh machine.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
export PATH="$JAVA_HOME/bin:$HOME/.cargo/bin:$PATH"
# Generated projects are compiled many times over in one shared target directory: no incremental caches and no
# debug info keeps that build (and its disk) small; neither changes what the tests prove.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}" CARGO_PROFILE_DEV_DEBUG="${CARGO_PROFILE_DEV_DEBUG:-0}"
for s in scripts/setup.d/*.sh; do
  [ -e "$s" ] || continue
  echo "== setup: $s"
  bash "$s"
done
mvn -B -ntp verify
