#!/usr/bin/env bash
# The MCP Inspector CLI (npm @modelcontextprotocol/inspector), pinned, for McpServerIT and McpProtocolIT: installed
# into ~/.cache/rust-engineer/peer-tools/node_modules (RUST_ENGINEER_PEER_TOOLS overrides) so the tests run it from
# there instead of fetching it with npx on every run. Its package asks for Node 22; it runs its --cli mode on the
# Node 20 this machine has (npm only warns). Idempotent.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/npm-pinned.sh"
npm_pinned "mcp inspector" @modelcontextprotocol/inspector 0.21.2 "${RUST_ENGINEER_PEER_TOOLS:-$HOME/.cache/rust-engineer/peer-tools}"
