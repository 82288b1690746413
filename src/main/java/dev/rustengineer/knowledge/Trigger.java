package dev.rustengineer.knowledge;

import java.util.List;

/** An escalation trigger of the spec (a red flag that goes to {@code to}). */
public record Trigger(String id, String to, String text, Condition when, List<String> evidenceFields) {}
