#!/usr/bin/env bash
# The cost of one call into the generated C-ABI library (`new --kind ffi-export`) from C, Python (ctypes) and
# Java (FFM), each against the same work done natively in that language, side by side in one run:
#   version    the empty call: a static string back (all boundary, no work)
#   push       one value per call (a Welford update: a tiny call)
#   push_many  N values per call (real work: the boundary is paid once per N values)
# Usage: bench/ffi-boundary.sh [CALLS] [BATCH_CALLS] [N] (default 10000000 1000 10000; Python runs CALLS/20 and
# BATCH_CALLS/20; each side is timed several times and its fastest round counts). Release build in the shared cargo target (RUST_ENGINEER_CARGO_TARGET); gcc -O2; python3; Java 25.
source "$(dirname "${BASH_SOURCE[0]}")/generated.sh"
calls="${1:-10000000}" batch="${2:-1000}" n="${3:-10000}"
generate_release ffibench --kind ffi-export --brief "A Rust library called from C, Python and Java"
lib="$shared_target/release/libffibench.so"
project="$work/ffibench"
gcc -std=c11 -O2 -Wall -Wextra -Werror -I"$project/include" -DBENCH_HEADER='"ffibench.h"' bench/ffi-boundary/boundary.c \
  -L"$shared_target/release" -lffibench -Wl,-rpath,"$shared_target/release" -lm -o "$work/boundary-c"
{
  taskset -c 1 "$work/boundary-c" "$calls" "$batch" "$n"
  taskset -c 1 python3 bench/ffi-boundary/boundary.py "$lib" "$project/examples/python" $((calls / 20)) $((batch / 20)) "$n"
  taskset -c 1 "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -XX:CompileCommand=quiet \
    '-XX:CompileCommand=dontinline,Boundary::nativeVersion' '-XX:CompileCommand=dontinline,Boundary$NativeStats::*' \
    bench/ffi-boundary/Boundary.java "$lib" "$calls" "$batch" "$n"
} >"$work/results"
echo "ns per call; native = the same work in the caller's language; push_many adds $n values per call"
awk '{ printf "%-7s %-14s native %12.2f   via Rust %12.2f   Rust/native %6.2fx\n", $1, $2, $3, $4, $4 / $3 }' "$work/results"
echo "library: $(stat -c %s "$lib") bytes; gcc $(gcc -dumpversion), $(python3 --version), java $("$JAVA_HOME/bin/java" -version 2>&1 | head -1 | cut -d'"' -f2); $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg)"
