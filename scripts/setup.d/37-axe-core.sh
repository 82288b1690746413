#!/usr/bin/env bash
# axe-core (npm), pinned, for WebPageIT: the test injects node_modules/axe-core/axe.min.js into the page in headless
# Chromium and fails on any serious or critical accessibility violation. Installed into
# ~/.cache/rust-engineer/peer-tools/axe (RUST_ENGINEER_PEER_TOOLS overrides the root). Idempotent.
set -euo pipefail
root="${RUST_ENGINEER_PEER_TOOLS:-$HOME/.cache/rust-engineer/peer-tools}/axe"
version=4.14.1
pkg="$root/node_modules/axe-core"
if [ -f "$pkg/axe.min.js" ] && [ "$(node -p "require('$pkg/package.json').version" 2>/dev/null)" = "$version" ]; then
  echo "axe-core: $version"
  exit 0
fi
mkdir -p "$root"
npm install --prefix "$root" --no-save --no-audit --no-fund --loglevel=error "axe-core@$version"
echo "axe-core: $version ($pkg/axe.min.js)"
