#!/usr/bin/env bash
# The distribution's size and cold start: the tarball and the unpacked tree, and cold `--version`, `advise` (with
# the embedding model) and `audit` of a small generated crate, each with and without the AOT cache, side by side in
# one hyperfine run per command (RUST_ENGINEER_AOT=0 starts without the cache).
# Usage: bench/dist.sh [--no-build]   (builds the distribution with scripts/dist.sh first; prints the numbers)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
tarball="$(bash scripts/dist.sh "$@" 2>/dev/null | tail -1)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tar -C "$work" -xzf "$tarball"
re="$(echo "$work"/rust-engineer-*/bin/rust-engineer)"
echo "== size"
printf 'tarball   %s\n' "$(du -h "$tarball" | cut -f1)"
printf 'unpacked  %s\n' "$(du -sh "$work"/rust-engineer-* | cut -f1)"
(cd "$work"/rust-engineer-* && du -sh runtime lib/rust-engineer.jar lib/rust-engineer.aot)
"$re" new small --kind cli --dir "$work" >/dev/null
brief="A REST API for payments; p99 under 5 ms; data in PostgreSQL"
echo "== cold start (hyperfine, 3 warm-ups of the page cache, 10 runs)"
for cmd in "--version" "advise --json '$brief'" "audit $work/small"; do
  hyperfine -N --warmup 3 --runs 10 --style basic \
    -n "AOT cache: $cmd" "$re $cmd" \
    -n "no AOT cache: $cmd" "env RUST_ENGINEER_AOT=0 $re $cmd" 2>&1 | grep -E "Time|±|faster|AOT cache:" || true
done
