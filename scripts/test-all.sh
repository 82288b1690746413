#!/usr/bin/env bash
# The README's test command: everything rust-engineer proves, on a fresh machine.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
export PATH="$JAVA_HOME/bin:$HOME/.cargo/bin:$PATH"
for s in scripts/setup.d/*.sh; do
  [ -e "$s" ] || continue
  echo "== setup: $s"
  bash "$s"
done
mvn -B -ntp verify
