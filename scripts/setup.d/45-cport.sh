#!/usr/bin/env bash
# For GeneratedFfiTableIT's Windows cross-check: Debian's second Rust toolchain (rustc-web/cargo-web 1.96, at
# /usr/bin) with the standard library's source (rust-web-src, /usr/lib/rustlib/src), so that
# `cargo check -Zbuild-std --target x86_64-pc-windows-msvc` can type-check a generated crate's cfg(windows) code
# here, where rustup cannot add targets. gcc (for build.rs's cc crate and c/test_crc32.c) is already present.
# Idempotent: does nothing when the packages are installed.
set -euo pipefail
if [ ! -x /usr/bin/rustc ] || [ ! -x /usr/bin/cargo ] || [ ! -f /usr/lib/rustlib/src/rust/library/std/Cargo.toml ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq rustc-web cargo-web rust-web-src >/dev/null
fi
command -v cc >/dev/null || { echo "45-cport: no C compiler (cc) on PATH" >&2; exit 1; }
