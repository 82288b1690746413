package dev.rustengineer.brief;

import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Whether a brief asks for anything that makes Rust the question at all: performance or memory safety, a tight
 * budget (any budget, for a service), a capability only Rust brings (WebAssembly, FFI, systems or embedded work,
 * replacing C), a Rust-side question (runtime, executor, lifetimes), a language named, or a Don't-Invoke case.
 * Without any of these, the spec's first question ("Need high performance + memory safety?") has the answer NO.
 */
public final class RustNeed {
    /** The evidence words of the NO taken when nothing states a need. */
    public static final String NONE = "nothing in the brief asks for performance, memory safety or a capability only Rust brings";

    private RustNeed() {}

    /**
     * As {@link #stated(Predicate, Function)}, for a brief whose evidence is known: a kind that only the learned reader
     * gave is no need. The kind classifier is trained on Rust's briefs alone, so it names a Rust kind (a library, a
     * systems program) for any text, a weekly file chore included; a kind is a need when the words ("a crate",
     * "firmware"), a flag or a file say it.
     */
    public static boolean stated(Predicate<Field> has, Function<Field, Object> get, Function<Field, Evidence> why) {
        // The browser target the learned "web" kind sets with it is the same guess.
        Predicate<Field> learned = f -> (f == Field.KIND || f == Field.WEB_TARGET) && why.apply(f) != null
                && "model".equals(why.apply(f).source());
        return stated(f -> has.test(f) && !learned.test(f), f -> learned.test(f) ? null : get.apply(f))
                || looseBudgetForAService(get);
    }

    /**
     * A latency budget over 100 ms for a service (the kind backend, or open, which the tree takes as a backend) is a
     * performance ask too: "300 ms p95 is fine" for a service taking 1,500 rps at peak. The tree's backend branch then
     * asks whether Go or Node.js would do, and says yes past 10 ms, so this leads to their specialist, not to Rust. Of
     * the train + dev briefs labelled with a budget over 100 ms, 33 are golang-pro's "go, node" and one an everyday
     * job with no language (the labels' other routes name a language). Any other kind, the learned one included (a
     * CLI, a browser page), would lead the tree to a Rust leaf, so it is no such ask.
     */
    private static boolean looseBudgetForAService(Function<Field, Object> get) {
        Object kind = get.apply(Field.KIND);
        return get.apply(Field.LATENCY_MS) instanceof Integer && (kind == null || "backend".equals(kind));
    }

    private static boolean stated(Predicate<Field> has, Function<Field, Object> get) {
        for (Field f : new Field[] {Field.LANGUAGE, Field.FFI, Field.C_REPLACEMENT, Field.EMBEDDED, Field.WEB_TARGET,
                Field.UNSAFE_PERFORMANCE, Field.CUSTOM_EXECUTOR, Field.COMPLEX_LIFETIMES, Field.CROSS_PLATFORM, Field.RUNTIME,
                Field.QUICK_PROTOTYPE, Field.JAVA_BACKEND, Field.MOBILE, Field.SIMPLE_SCRIPT, Field.RUST_VS_GO,
                Field.CPP_LIBRARY, Field.GO_OR_NODE_OK}) {
            if (has.test(f)) {
                return true;
            }
        }
        return get.apply(Field.LATENCY_MS) instanceof Integer ms && ms < 100
                || "systems".equals(get.apply(Field.KIND)) || "library".equals(get.apply(Field.KIND));
    }

    /** The brief without a default NO that other answers (from a file or flags) have since contradicted. */
    public static Brief settle(Brief brief) {
        Evidence why = brief.evidence().get(Field.PERFORMANCE_AND_SAFETY);
        if (why == null || !"default".equals(why.source())) {
            return brief;
        }
        Brief.Builder b = brief.toBuilder().remove(Field.PERFORMANCE_AND_SAFETY);
        return stated(b::has, b::get, b::evidence) ? b.build() : brief;
    }
}
