#!/usr/bin/env bash
# The generated ffi-benchmark project's own criterion benchmark, C (compiled by build.rs with cc -O2) against
# its Rust port, at 64 B, 4 KiB, 64 KiB and 1 MiB: one table with both medians and the ratio.
#   bench/ffi-benchmark.sh            # criterion's defaults (3 s warm-up, 5 s measurement per point, ~70 s)
#   bench/ffi-benchmark.sh --quick    # any criterion arguments are passed on
source "$(dirname "${BASH_SOURCE[0]}")/generated.sh"
./rust-engineer new crcbench --kind ffi-benchmark --brief "Port a performance-critical C checksum to Rust, benchmark first" \
  --dir "$work" >/dev/null
out="$work/bench.txt"
(cd "$work/crcbench" && CARGO_TARGET_DIR="$shared_target" CARGO_TERM_COLOR=never \
  cargo bench -q --bench compare -- "$@" >"$out" 2>/dev/null)
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(gcc --version | head -1), $(rustc --version)"
# criterion prints "crc32/C/64   time:   [lo mid hi]" (the id alone on its line when it is long).
tr '\n' ' ' <"$out" | grep -oE 'crc32/(C|Rust)/[0-9]+ +time: +\[[^]]*\]' | awk '
  function ns(v, u) { return u == "ps" ? v / 1000 : u == "ns" ? v : (u == "µs" || u == "us") ? v * 1e3 : u == "ms" ? v * 1e6 : v * 1e9 }
  { split($1, id, "/"); gsub(/\[/, "", $3); t[id[2] "/" id[3]] = ns($5, $6); if (id[2] == "C") sizes[++n] = id[3] }
  END {
    printf "%10s %12s %12s %10s %10s %8s\n", "bytes", "C ns", "Rust ns", "C MiB/s", "Rust MiB/s", "Rust/C"
    for (i = 1; i <= n; i++) { s = sizes[i]; c = t["C/" s]; r = t["Rust/" s]
      printf "%10d %12.1f %12.1f %10.0f %10.0f %8.2f\n", s, c, r, s / c * 1e9 / 1048576, s / r * 1e9 / 1048576, r / c }
  }'
