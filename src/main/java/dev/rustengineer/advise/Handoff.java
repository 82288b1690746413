package dev.rustengineer.advise;

import java.util.List;

/** An integration pattern of the spec that applies: what the next specialist gets and why. */
public record Handoff(String to, String why, List<String> artifacts) {
    public Handoff {
        artifacts = List.copyOf(artifacts);
    }
}
