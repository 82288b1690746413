package dev.rustengineer.advise;

import dev.rustengineer.brief.Evidence;
import dev.rustengineer.brief.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The readable form of an advice, for a person at a terminal. */
public final class AdviceText {
    private static final Map<String, String> TITLES = Map.of(
            "invoke", "Invoke / Don't invoke",
            "choose-rust", "When to Choose Rust?",
            "web-framework", "Web Framework Decision",
            "async-runtime", "Async Runtime Decision",
            "ffi", "FFI vs Pure Rust");

    private AdviceText() {}

    public static String render(Advice a) {
        List<String> out = new ArrayList<>();
        if (a.invoke()) {
            out.add("rust-engineer takes this task.");
        } else {
            out.add("This task goes to " + a.route() + (a.languages().isEmpty() ? "" : " (" + String.join(", ", a.languages()) + ")")
                    + ", not to rust-engineer.");
        }
        if (!a.languages().isEmpty()) {
            out.add("Languages: " + String.join(", ", a.languages()));
        }
        String stack = stack(a.stack());
        if (!stack.isEmpty()) {
            out.add("Stack: " + stack);
        }
        out.add("");
        out.add("Decisions");
        for (Decision d : a.decisions()) {
            out.add("  " + TITLES.getOrDefault(d.framework(), d.framework()) + " -> " + d.outcome() + " (" + d.rationale() + ")");
            String indent = "    ";
            for (int i = 0; i < d.path().size(); i++) {
                Decision.Step s = d.path().get(i);
                out.add(indent + (i == 0 ? "" : "└─ ") + s.question() + " " + s.answer() + (s.assumed() ? "  (assumed)" : ""));
                if (i > 0) {
                    indent += "   ";
                }
            }
            if (d.path().size() > 1) {
                out.add(indent + "└─ " + d.outcome() + " ✓");
            }
            for (String adv : d.advisories()) {
                out.add("    advisory: " + adv);
            }
        }
        if (!a.escalations().isEmpty()) {
            out.add("");
            out.add("Escalations");
            for (Escalation e : a.escalations()) {
                out.add("  ! " + e.id() + " -> " + e.to() + ": " + e.reason());
                e.evidence().forEach(ev -> out.add("      evidence: " + ev));
            }
        }
        if (!a.handoffs().isEmpty()) {
            out.add("");
            out.add("Handoffs");
            for (Handoff h : a.handoffs()) {
                out.add("  -> " + h.to() + ": " + h.why());
                out.add("      artifacts: " + String.join("; ", h.artifacts()));
            }
        }
        out.add("");
        out.add("What the brief said");
        if (a.brief().values().isEmpty()) {
            out.add("  (nothing)");
        }
        for (Map.Entry<Field, Object> e : a.brief().values().entrySet()) {
            Evidence ev = a.brief().evidence().get(e.getKey());
            out.add("  " + e.getKey().key() + " = " + value(e.getValue()) + (ev == null ? "" : "   <- " + ev));
        }
        if (!a.questions().isEmpty()) {
            out.add("");
            out.add("Assumed, still to know");
            a.questions().forEach(q -> out.add("  ? " + q));
        }
        if (!a.notes().isEmpty()) {
            out.add("");
            out.add("Notes");
            a.notes().forEach(n -> out.add("  - " + n));
        }
        return String.join(System.lineSeparator(), out) + System.lineSeparator();
    }

    static String stack(Stack s) {
        List<String> parts = new ArrayList<>();
        add(parts, "runtime", s.runtime());
        add(parts, "web", s.web());
        add(parts, "db", s.db());
        add(parts, "ffi", s.ffi());
        add(parts, "target", s.target());
        if (!s.features().isEmpty()) {
            parts.add("features " + String.join(", ", s.features()));
        }
        return String.join(" | ", parts);
    }

    private static void add(List<String> parts, String key, String value) {
        if (value != null) {
            parts.add(key + " " + value);
        }
    }

    private static String value(Object v) {
        return v instanceof List<?> l ? String.join(", ", l.stream().map(Object::toString).toList()) : String.valueOf(v);
    }
}
