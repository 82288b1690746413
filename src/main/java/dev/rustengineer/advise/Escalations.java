package dev.rustengineer.advise;

import dev.rustengineer.brief.Brief;
import dev.rustengineer.brief.Field;
import dev.rustengineer.knowledge.Facts;
import dev.rustengineer.knowledge.IntegrationPattern;
import dev.rustengineer.knowledge.Knowledge;
import dev.rustengineer.knowledge.Trigger;
import java.util.ArrayList;
import java.util.List;

/** The spec's red flags (escalations to oracle) and integration patterns (handoffs) that a brief raises. */
final class Escalations {
    private final Knowledge knowledge;

    Escalations(Knowledge knowledge) {
        this.knowledge = knowledge;
    }

    List<Escalation> escalations(Brief brief, Facts facts) {
        List<Escalation> out = new ArrayList<>();
        for (Trigger t : knowledge.triggers()) {
            if (!t.when().test(facts)) {
                continue;
            }
            List<String> evidence = new ArrayList<>();
            for (String key : t.evidenceFields()) {
                Field field = Field.byKey(key).orElseThrow();
                if (brief.has(field)) {
                    evidence.add(Advisor.evidence(brief, field));
                }
            }
            out.add(new Escalation(t.id(), t.to(), t.text(), evidence));
        }
        return out;
    }

    List<Handoff> handoffs(Facts facts) {
        List<Handoff> out = new ArrayList<>();
        for (IntegrationPattern p : knowledge.patterns()) {
            if (p.when().test(facts)) {
                out.add(new Handoff(p.to(), p.handoff() + " (tools: " + String.join(", ", p.tools()) + ")", p.artifacts()));
            }
        }
        return out;
    }
}
