#!/usr/bin/env bash
# axe-core (npm), pinned, for WebPageIT: the test injects node_modules/axe-core/axe.min.js into the page in headless
# Chromium and fails on any serious or critical accessibility violation. Installed into
# ~/.cache/rust-engineer/peer-tools/axe (RUST_ENGINEER_PEER_TOOLS overrides the root). Idempotent.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/npm-pinned.sh"
npm_pinned axe-core axe-core 4.14.1 "${RUST_ENGINEER_PEER_TOOLS:-$HOME/.cache/rust-engineer/peer-tools}/axe"
