#!/usr/bin/env bash
# What the FFI wrapper projects build with (Debian packages): libclang for bindgen, zlib's headers and .pc file,
# pkg-config to find them, g++ for the cxx bridge. Installs only what is missing; apt-get update only when a
# package is not in the local lists.
set -euo pipefail
missing=()
for pkg in libclang-dev zlib1g-dev pkg-config g++; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
export DEBIAN_FRONTEND=noninteractive
for pkg in "${missing[@]}"; do
  if ! apt-cache show "$pkg" >/dev/null 2>&1; then
    apt-get update -qq
    break
  fi
done
apt-get install -y -qq "${missing[@]}" >/dev/null
pkg-config --modversion zlib
