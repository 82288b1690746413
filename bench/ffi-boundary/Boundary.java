// One call Java -> Rust (FFM downcall into the generated library) against the same work in plain Java.
// Run by bench/ffi-boundary.sh: java --enable-native-access=ALL-UNNAMED Boundary.java LIB CALLS BATCH_CALLS N
// Prints `java <case> <native ns> <rust ns>` lines; each side is warmed up (JIT) before it is timed. The script
// keeps the Java-side methods real calls (-XX:CompileCommand=dontinline), as the C side's are noinline: both
// measure a call, not code the compiler folded into the loop.

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

public final class Boundary {
    /** The plain-Java equivalent: the same check and Welford update as the library. */
    static final class NativeStats {
        long count;
        double mean, m2, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;

        int push(double x) {
            if (!Double.isFinite(x)) return 3;
            count++;
            double delta = x - mean;
            mean += delta / count;
            m2 += delta * (x - mean);
            if (x < min) min = x;
            if (x > max) max = x;
            return 0;
        }

        int pushMany(double[] xs) {
            for (double x : xs) if (!Double.isFinite(x)) return 3;
            for (double x : xs) {
                count++;
                double delta = x - mean;
                mean += delta / count;
                m2 += delta * (x - mean);
                if (x < min) min = x;
                if (x > max) max = x;
            }
            return 0;
        }
    }

    /** The empty call's Java side: a method returning a constant string. */
    static String nativeVersion(String[] holder) {
        return holder[0];
    }

    interface Body {
        int run(long calls) throws Throwable;
    }

    /**
     * ns per call of the native and the Rust body: both warmed up (C2 compiles them), then 5 rounds alternating
     * the two, the fastest round of each counting (on a shared machine others' load only ever adds time).
     */
    static double[] pair(Body nativeBody, Body rustBody, long calls) throws Throwable {
        int bad = 0;
        for (int i = 0; i < 5; i++) {
            bad |= nativeBody.run(calls / 5);
            bad |= rustBody.run(calls / 5);
        }
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE};
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            bad |= nativeBody.run(calls);
            long t1 = System.nanoTime();
            bad |= rustBody.run(calls);
            long t2 = System.nanoTime();
            best[0] = Math.min(best[0], (double) (t1 - t0) / calls);
            best[1] = Math.min(best[1], (double) (t2 - t1) / calls);
        }
        if (bad != 0) throw new IllegalStateException("a call failed");
        return best;
    }

    public static void main(String[] args) throws Throwable {
        Path lib = Path.of(args[0]);
        long calls = Long.parseLong(args[1]), batchCalls = Long.parseLong(args[2]);
        int n = Integer.parseInt(args[3]);
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) xs[i] = ((i * 7919L) % 1000) / 10.0;
        try (Arena arena = Arena.ofConfined()) {
            Linker linker = Linker.nativeLinker();
            SymbolLookup symbols = SymbolLookup.libraryLookup(lib, arena);
            MethodHandle create = linker.downcallHandle(symbols.findOrThrow("ffibench_new"), FunctionDescriptor.of(ADDRESS));
            MethodHandle push = linker.downcallHandle(symbols.findOrThrow("ffibench_push"),
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_DOUBLE));
            MethodHandle pushMany = linker.downcallHandle(symbols.findOrThrow("ffibench_push_many"),
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG));
            MethodHandle count = linker.downcallHandle(symbols.findOrThrow("ffibench_summary"),
                    FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
            MethodHandle version = linker.downcallHandle(symbols.findOrThrow("ffibench_version"),
                    FunctionDescriptor.of(ADDRESS));
            MemorySegment handle = (MemorySegment) create.invokeExact();
            MemorySegment values = arena.allocateFrom(JAVA_DOUBLE, xs);
            NativeStats nativeStats = new NativeStats();

            String[] nativeVersion = {"0.1.0"};
            double[] empty = pair(k -> {
                int seen = 0;
                for (long i = 0; i < k; i++) seen += nativeVersion(nativeVersion).length();
                return seen == 5 * k ? 0 : 1;
            }, k -> {
                long seen = 0;
                for (long i = 0; i < k; i++) seen += ((MemorySegment) version.invokeExact()).address() & 1;
                return seen >= 0 ? 0 : 1;
            }, calls);
            System.out.printf("java version %.2f %.2f%n", empty[0], empty[1]);

            double[] one = pair(k -> {
                int bad = 0;
                for (long i = 0; i < k; i++) bad |= nativeStats.push(xs[(int) (i % n)]);
                return bad;
            }, k -> {
                int bad = 0;
                for (long i = 0; i < k; i++) bad |= (int) push.invokeExact(handle, xs[(int) (i % n)]);
                return bad;
            }, calls);
            System.out.printf("java push %.2f %.2f%n", one[0], one[1]);

            double[] many = pair(k -> {
                int bad = 0;
                for (long i = 0; i < k; i++) bad |= nativeStats.pushMany(xs);
                return bad;
            }, k -> {
                int bad = 0;
                for (long i = 0; i < k; i++) bad |= (int) pushMany.invokeExact(handle, values, (long) n);
                return bad;
            }, batchCalls);
            System.out.printf("java push_many %.2f %.2f%n", many[0], many[1]);

            MemorySegment summary = arena.allocate(40);
            int status = (int) count.invokeExact(handle, summary);
            if (status != 0 || summary.get(JAVA_LONG, 0) != nativeStats.count) {
                throw new IllegalStateException("the two sides disagree: " + summary.get(JAVA_LONG, 0) + " vs "
                        + nativeStats.count);
            }
        }
    }
}
