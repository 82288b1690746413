package dev.rustengineer.brief;

import dev.rustengineer.brief.corpus.CorpusBrief;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A judgement the reader learns from the labelled corpus rather than from keywords, and what each of its labels
 * means as brief fields. The trees still decide; a target only answers the questions they ask.
 */
public enum LearnedTarget {
    /** Who the job is for, in the spec's triage terms: Rust work, a Don't-Invoke case, or another language. */
    JOB("what the job is") {
        @Override
        String label(CorpusBrief b) {
            if (!b.has("route")) {
                return null;
            }
            Set<String> langs = new TreeSet<>();
            b.expect().path("languages").forEach(l -> langs.add(l.asText()));
            return switch (b.text("route")) {
                case "rust-engineer" -> "rust";
                case "java-architect" -> langs.equals(Set.of("java")) ? "java" : "other-language";
                case "mobile-developer" -> "mobile";
                case "golang-pro" -> langs.contains("node") ? "go-node" : "other-language";
                case "generalist" -> langs.equals(Set.of("python", "node")) ? "prototype"
                        : langs.equals(Set.of("python", "bash")) ? "script"
                        : langs.isEmpty() ? "everyday" : "other-language";
                default -> "other-language";
            };
        }
    },
    /** The language named for the work when the job belongs to another language's specialist. */
    LANGUAGE("which language the work is in") {
        @Override
        String label(CorpusBrief b) {
            if (!"other-language".equals(JOB.label(b))) {
                return null;
            }
            List<String> langs = new ArrayList<>();
            b.expect().path("languages").forEach(l -> langs.add(l.asText()));
            return langs.size() == 1 ? langs.getFirst() : null;
        }
    },
    /** The tree's project type. */
    KIND("what kind of project it is") {
        @Override
        String label(CorpusBrief b) {
            return rust(b) ? b.text("kind") : null;
        }
    },
    /** The FFI table's row, or none. */
    FFI("which FFI situation applies") {
        @Override
        String label(CorpusBrief b) {
            return rust(b) ? b.text("ffi") : null;
        }
    },
    /** The web framework tree's leaf, for HTTP services. */
    WEB("which web framework leaf fits") {
        @Override
        String label(CorpusBrief b) {
            String web = rust(b) ? b.text("web") : null;
            return web == null || web.equals("none") ? null : web;
        }
    },
    /** Escalation: the team is still weighing Rust against Go for a new API. */
    RUST_VS_GO("whether Rust and Go are still being weighed", "rust-vs-go-greenfield", Field.RUST_VS_GO),
    /** Escalation: a custom async executor or runtime. */
    CUSTOM_EXECUTOR("whether it implements its own executor", "custom-executor", Field.CUSTOM_EXECUTOR),
    /** Escalation: lifetimes across trait bounds and generics. */
    COMPLEX_LIFETIMES("whether lifetimes fight trait bounds and generics", "complex-lifetimes", Field.COMPLEX_LIFETIMES),
    /** Escalation: unsafe code in hot paths. */
    UNSAFE_PERFORMANCE("whether hot paths need unsafe code", "unsafe-performance", Field.UNSAFE_PERFORMANCE),
    /** Escalation: a WebAssembly module inside a large JavaScript application. */
    LARGE_SCALE("whether the JavaScript application around the module is large", "wasm-js-interop-at-scale", Field.LARGE_SCALE);

    private final String question;
    private final String trigger;
    private final Field flag;

    LearnedTarget(String question) {
        this(question, null, null);
    }

    LearnedTarget(String question, String trigger, Field flag) {
        this.question = question;
        this.trigger = trigger;
        this.flag = flag;
    }

    /** For an escalation target: the brief field its "yes" sets; null for the others. */
    public Field flag() {
        return flag;
    }

    public String question() {
        return question;
    }

    /** The label this corpus brief teaches, or null when it says nothing about this target. */
    String label(CorpusBrief b) {
        if (trigger == null || !b.has("escalations")) {
            return null;
        }
        for (var e : b.expect().get("escalations")) {
            if (e.asText().equals(trigger)) {
                return "yes";
            }
        }
        return "no";
    }

    public String labelOf(CorpusBrief b) {
        return label(b);
    }

    private static boolean rust(CorpusBrief b) {
        return b.expect().path("invoke").asBoolean(false);
    }
}
