/* One call C -> Rust (the generated library, through its header) against the same work as a C function.
 * Built and run by bench/ffi-boundary.sh: gcc -O2, linked against the release cdylib. Prints one line per case:
 *   c <case> <native ns per call> <rust ns per call>
 * "version": the empty call (a static string back); "push": one value (a Welford update) per call;
 * "push_many": N values per call. */
#define _POSIX_C_SOURCE 199309L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include BENCH_HEADER

#define ROUNDS 5

typedef struct {
  unsigned long long count;
  double mean, m2, min, max;
} native_stats;

/* The native equivalent of the library's push: the same check (finite) and the same update. noipa (no
 * inlining, no interprocedural shortcuts), so it is a real call, as a C library's function would be. */
__attribute__((noipa)) static int native_push(native_stats *s, double x) {
  if (!isfinite(x)) return 3;
  s->count++;
  double delta = x - s->mean;
  s->mean += delta / (double)s->count;
  s->m2 += delta * (x - s->mean);
  if (x < s->min) s->min = x;
  if (x > s->max) s->max = x;
  return 0;
}

/* The native push_many: check all, then add all (the library's all-or-nothing contract), with the running
 * values in locals as a C programmer would write it (through `s` the compiler must assume `xs` may alias it). */
__attribute__((noipa)) static int native_push_many(native_stats *s, const double *xs, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (!isfinite(xs[i])) return 3;
  unsigned long long count = s->count;
  double mean = s->mean, m2 = s->m2, min = s->min, max = s->max;
  for (size_t i = 0; i < n; i++) {
    double x = xs[i];
    count++;
    double delta = x - mean;
    mean += delta / (double)count;
    m2 += delta * (x - mean);
    if (x < min) min = x;
    if (x > max) max = x;
  }
  s->count = count, s->mean = mean, s->m2 = m2, s->min = min, s->max = max;
  return 0;
}

static const char native_version_text[] = "0.1.0";

/* The empty call: what the library's version function does, a static string back. */
__attribute__((noipa)) static const char *native_version(void) { return native_version_text; }

static double now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

int main(int argc, char **argv) {
  long calls = argc > 1 ? atol(argv[1]) : 20000000;
  long batch_calls = argc > 2 ? atol(argv[2]) : 2000;
  size_t n = argc > 3 ? (size_t)atol(argv[3]) : 10000;
  double *xs = malloc(n * sizeof *xs);
  for (size_t i = 0; i < n; i++) xs[i] = (double)((i * 7919) % 1000) / 10.0;

  native_stats ns = {0, 0, 0, INFINITY, -INFINITY};
  FfibenchStats *rs = ffibench_new();
  int bad = 0;

  /* ROUNDS rounds of each, native and Rust alternating; the fastest round of each side counts (the first
   * warms caches and branch predictors; on a shared machine the others' load only ever adds time). */
  const char *volatile sink;
  double best[3][2] = {{1e300, 1e300}, {1e300, 1e300}, {1e300, 1e300}};
  for (int round = 0; round < ROUNDS; round++) {
    double t0 = now_ns();
    for (long i = 0; i < calls; i++) sink = native_version();
    double t1 = now_ns();
    for (long i = 0; i < calls; i++) sink = ffibench_version();
    double t2 = now_ns();
    for (long i = 0; i < calls; i++) bad |= native_push(&ns, xs[i % n]);
    double t3 = now_ns();
    for (long i = 0; i < calls; i++) bad |= ffibench_push(rs, xs[i % n]);
    double t4 = now_ns();
    for (long i = 0; i < batch_calls; i++) bad |= native_push_many(&ns, xs, n);
    double t5 = now_ns();
    for (long i = 0; i < batch_calls; i++) bad |= ffibench_push_many(rs, xs, n);
    double t6 = now_ns();
    double took[3][2] = {{(t1 - t0) / calls, (t2 - t1) / calls}, {(t3 - t2) / calls, (t4 - t3) / calls},
                         {(t5 - t4) / batch_calls, (t6 - t5) / batch_calls}};
    for (int c = 0; c < 3; c++)
      for (int side = 0; side < 2; side++)
        if (took[c][side] < best[c][side]) best[c][side] = took[c][side];
  }
  (void)sink;
  printf("c version %.2f %.2f\n", best[0][0], best[0][1]);
  printf("c push %.2f %.2f\n", best[1][0], best[1][1]);
  printf("c push_many %.2f %.2f\n", best[2][0], best[2][1]);
  FfibenchSummary sum;
  bad |= ffibench_summary(rs, &sum);
  if (bad || sum.count != ns.count || fabs(sum.mean - ns.mean) > 1e-6 * fabs(ns.mean)) {
    fprintf(stderr, "the two sides disagree: count %llu vs %llu, mean %f vs %f\n",
            (unsigned long long)sum.count, ns.count, sum.mean, ns.mean);
    return 1;
  }
  ffibench_free(rs);
  free(xs);
  return 0;
}
