package dev.rustengineer.advise;

import dev.rustengineer.brief.Brief;
import java.util.List;

/**
 * The answer of {@code advise}: whether the Rust Engineer takes the task, the stack, and why.
 * Its JSON form (see {@link AdviceJson}) is a public contract: top-level keys are pinned by a test.
 */
public record Advice(
        boolean invoke,
        String route,
        List<String> languages,
        Stack stack,
        List<Decision> decisions,
        List<Escalation> escalations,
        List<Handoff> handoffs,
        Brief brief,
        List<String> notes,
        List<String> questions) {

    public Advice {
        languages = List.copyOf(languages);
        decisions = List.copyOf(decisions);
        escalations = List.copyOf(escalations);
        handoffs = List.copyOf(handoffs);
        notes = List.copyOf(notes);
        questions = List.copyOf(questions);
    }
}
