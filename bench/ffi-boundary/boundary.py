"""One call Python -> Rust (ctypes, the generated library) against the same work in pure Python.

Run by bench/ffi-boundary.sh with the path of the library; prints `python <case> <native ns> <rust ns>` lines.
"version": the empty call (ctypes converts the char* to bytes); "push": one value per call (ctypes function with argtypes, and the generated wrapper's Stats.push);
"push_many": N values per call (a prepared c_double array against a pure-Python loop over a list).
"""

import ctypes
import math
import sys
import time


class NativeStats:
    """The pure-Python equivalent: the same check and Welford update as the library."""

    __slots__ = ("count", "mean", "m2", "min", "max")

    def __init__(self):
        self.count, self.mean, self.m2, self.min, self.max = 0, 0.0, 0.0, math.inf, -math.inf

    def push(self, x):
        if not math.isfinite(x):
            raise ValueError(x)
        self.count += 1
        delta = x - self.mean
        self.mean += delta / self.count
        self.m2 += delta * (x - self.mean)
        if x < self.min:
            self.min = x
        if x > self.max:
            self.max = x

    def push_many(self, xs):
        for x in xs:
            if not math.isfinite(x):
                raise ValueError(x)
        for x in xs:
            self.count += 1
            delta = x - self.mean
            self.mean += delta / self.count
            self.m2 += delta * (x - self.mean)
            if x < self.min:
                self.min = x
            if x > self.max:
                self.max = x


def pair(native_fn, rust_fn, calls, rounds=3):
    """ns per call of each side: warmed up, then `rounds` rounds alternating the two, the fastest of each
    counting (on a shared machine others' load only ever adds time)."""
    native_fn(min(calls, 1000))
    rust_fn(min(calls, 1000))
    best = [float("inf"), float("inf")]
    for _ in range(rounds):
        for side, fn in enumerate((native_fn, rust_fn)):
            t0 = time.perf_counter_ns()
            fn(calls)
            best[side] = min(best[side], (time.perf_counter_ns() - t0) / calls)
    return best


def main():
    lib_path, wrapper_dir = sys.argv[1], sys.argv[2]
    calls, batch_calls, n = int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
    sys.path.insert(0, wrapper_dir)
    wrapper = __import__("ffibench")
    lib = wrapper.load(lib_path)
    wrapper._lib = lib
    xs = [((i * 7919) % 1000) / 10.0 for i in range(n)]
    array = (ctypes.c_double * n)(*xs)

    native = NativeStats()
    handle = lib.ffibench_new()
    push = lib.ffibench_push

    def native_push(k, p=native.push):
        for i in range(k):
            p(xs[i % n])

    def native_push_for_wrapper(k, p=NativeStats().push):
        for i in range(k):
            p(xs[i % n])

    def rust_push(k):
        for i in range(k):
            if push(handle, xs[i % n]) != 0:
                raise RuntimeError("ffibench_push failed")

    stats = wrapper.Stats()

    def wrapper_push(k):
        p = stats.push
        for i in range(k):
            p(xs[i % n])

    def native_many(k):
        for _ in range(k):
            native.push_many(xs)

    def rust_many(k):
        f = lib.ffibench_push_many
        for _ in range(k):
            if f(handle, array, n) != 0:
                raise RuntimeError("ffibench_push_many failed")

    version = lib.ffibench_version
    native_text = b"0.1.0"

    def native_version():
        return native_text

    def native_empty(k):
        f = native_version
        for _ in range(k):
            f()

    def rust_empty(k):
        f = version
        for _ in range(k):
            f()

    print("python version %.2f %.2f" % tuple(pair(native_empty, rust_empty, calls)))
    print("python push %.2f %.2f" % tuple(pair(native_push, rust_push, calls)))
    print("python push(wrapper) %.2f %.2f" % tuple(pair(native_push_for_wrapper, wrapper_push, calls)))
    print("python push_many %.2f %.2f" % tuple(pair(native_many, rust_many, batch_calls)))

    summary = wrapper.Summary()
    lib.ffibench_summary(handle, ctypes.byref(summary))
    if summary.count != native.count or abs(summary.mean - native.mean) > 1e-6 * abs(native.mean):
        sys.exit(f"the two sides disagree: {summary.count} vs {native.count}, {summary.mean} vs {native.mean}")
    lib.ffibench_free(handle)
    stats.close()


if __name__ == "__main__":
    main()
