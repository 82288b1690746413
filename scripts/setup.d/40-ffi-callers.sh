#!/usr/bin/env bash
# The foreign callers GeneratedFfiExportIT and bench/ffi-boundary.sh run against the generated C-ABI library:
# gcc (C, shared and static link), readelf (binutils: the static binary's NEEDED entries) and python3 (ctypes,
# unittest; standard library only). Java 25 is the project's own JDK. Idempotent: installs only what is missing.
set -euo pipefail
missing=()
command -v gcc >/dev/null || missing+=(gcc libc6-dev)
command -v readelf >/dev/null || missing+=(binutils)
command -v python3 >/dev/null || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi
