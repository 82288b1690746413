#!/usr/bin/env bash
# Headless Chromium and its driver (Debian packages) for the browser tests: the web page (WebPageIT) and the
# generated WebAssembly packages (GeneratedWasmIT, bench/wasm-js-native.sh).
set -euo pipefail
if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium chromium-driver >/dev/null
chromium --version
