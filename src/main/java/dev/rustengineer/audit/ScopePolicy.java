package dev.rustengineer.audit;

import dev.rustengineer.audit.scope.CodeKind;
import java.util.ArrayList;
import java.util.List;

/** Each rule's policy outside production code (rules.yaml `tests:`, `build:`), applied the same way for every rule. */
final class ScopePolicy {
    private static final String TEST_NOTE = " (test code)";
    private static final String BUILD_NOTE = " (build script)";

    private ScopePolicy() {}

    /** The finding as the policy keeps it for code of this kind, or null when the policy drops it. */
    static Finding apply(AuditRules rules, Finding f, CodeKind kind) {
        if (kind == CodeKind.PRODUCTION) {
            return f;
        }
        AuditRules.Rule rule = rules.rule(f.rule());
        AuditRules.Policy policy = kind == CodeKind.TEST ? rule.inTests() : rule.inBuildScripts();
        String note = kind == CodeKind.TEST ? TEST_NOTE : BUILD_NOTE;
        return switch (policy) {
            case DROP -> null;
            case REPORT -> f;
            // Lowered findings escalate nothing: test code is no reason to call in oracle.
            case INFO -> f.message().endsWith(note) ? f
                    : new Finding(f.rule(), Severity.INFO, f.file(), f.line(), f.column(), f.message() + note, null, f.handoff());
        };
    }

    /** The findings of a file found to be test code after the fact (a `#[cfg(test)] mod x;` elsewhere declares it). */
    static List<Finding> asTestCode(AuditRules rules, List<Finding> findings) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            Finding kept = apply(rules, f, CodeKind.TEST);
            if (kept != null) {
                out.add(kept);
            }
        }
        return out;
    }
}
