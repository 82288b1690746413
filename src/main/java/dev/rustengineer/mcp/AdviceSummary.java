package dev.rustengineer.mcp;

import dev.rustengineer.advise.Advice;
import dev.rustengineer.advise.Decision;
import java.util.ArrayList;
import java.util.List;

/** The short form of an advice that an agent reads first: verdict, stack, outcomes, red flags, open questions. */
final class AdviceSummary {
    private AdviceSummary() {}

    static String summary(Advice a) {
        List<String> parts = new ArrayList<>();
        parts.add(a.invoke() ? "rust-engineer takes this task." : "Route to " + a.route() + " (" + String.join(", ", a.languages()) + "), not rust-engineer.");
        var s = a.stack();
        List<String> stack = new ArrayList<>();
        if (s.runtime() != null) stack.add("runtime=" + s.runtime());
        if (s.web() != null) stack.add("web=" + s.web());
        if (s.db() != null) stack.add("db=" + s.db());
        if (s.ffi() != null) stack.add("ffi=" + s.ffi());
        if (s.target() != null) stack.add("target=" + s.target());
        if (!s.features().isEmpty()) stack.add("features=" + String.join(",", s.features()));
        if (!stack.isEmpty()) parts.add("Stack: " + String.join(" ", stack) + ".");
        parts.add("Decisions: " + String.join("; ", a.decisions().stream().map(AdviceSummary::decision).toList()) + ".");
        if (!a.escalations().isEmpty()) {
            parts.add("Escalate to oracle: " + String.join(", ", a.escalations().stream().map(e -> e.id()).toList()) + ".");
        }
        if (!a.handoffs().isEmpty()) {
            parts.add("Handoffs: " + String.join(", ", a.handoffs().stream().map(h -> h.to()).toList()) + ".");
        }
        if (!a.questions().isEmpty()) {
            parts.add("Assumed (ask the user): " + String.join(" | ", a.questions()));
        }
        if (!a.notes().isEmpty()) {
            parts.add("Notes: " + String.join(" | ", a.notes()));
        }
        return String.join(" ", parts);
    }

    private static String decision(Decision d) {
        return d.framework() + " -> " + d.outcome();
    }
}
