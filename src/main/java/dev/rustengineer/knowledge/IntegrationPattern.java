package dev.rustengineer.knowledge;

import java.util.List;

/** An integration pattern of the spec: the handoff, its tools, when it applies, and what the next specialist gets. */
public record IntegrationPattern(String to, String handoff, List<String> tools, Condition when, List<String> artifacts) {}
