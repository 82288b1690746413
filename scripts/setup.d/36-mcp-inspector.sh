#!/usr/bin/env bash
# The MCP Inspector CLI (npm @modelcontextprotocol/inspector), pinned, for McpServerIT and McpProtocolIT: installed
# into ~/.cache/rust-engineer/peer-tools/node_modules (RUST_ENGINEER_PEER_TOOLS overrides) so the tests run it from
# there instead of fetching it with npx on every run. Its package asks for Node 22; it runs its --cli mode on the
# Node 20 this machine has (npm only warns). Idempotent.
set -euo pipefail
root="${RUST_ENGINEER_PEER_TOOLS:-$HOME/.cache/rust-engineer/peer-tools}"
version=0.21.2
bin="$root/node_modules/.bin/mcp-inspector"
if [ -x "$bin" ] && [ "$(node -p "require('$root/node_modules/@modelcontextprotocol/inspector/package.json').version" 2>/dev/null)" = "$version" ]; then
  echo "mcp inspector: $version"
  exit 0
fi
mkdir -p "$root"
npm install --prefix "$root" --no-save --no-audit --no-fund --loglevel=error "@modelcontextprotocol/inspector@$version"
echo "mcp inspector: $version ($bin)"
