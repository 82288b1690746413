package dev.rustengineer.knowledge;

import java.util.List;
import java.util.Map;

/** The spec's When to Use / Invoke When / Don't Invoke When lists, as rules. */
public record InvokeRules(
        String source,
        List<String> whenToUse,
        List<Rule> invokeWhen,
        List<DontInvoke> dontInvoke,
        Map<String, String> languageRoutes) {

    public record Rule(String id, String label, Condition when) {}

    public record DontInvoke(String id, String label, Condition when, String route, List<String> languages) {}
}
