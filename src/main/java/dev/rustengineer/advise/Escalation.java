package dev.rustengineer.advise;

import java.util.List;

/** A red flag of the spec: the task goes to {@code to} (always oracle) for this part. */
public record Escalation(String id, String to, String reason, List<String> evidence) {
    public Escalation {
        evidence = List.copyOf(evidence);
    }
}
