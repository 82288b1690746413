package dev.rustengineer.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rustengineer.knowledge.KnowledgeLoader;
import dev.rustengineer.knowledge.YamlDoc;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The rule catalogue (src/main/resources/audit/rules.yaml), checked at load: trigger ids and specialists are the spec's. */
public final class AuditRules {
    public record Rule(String id, Severity severity, String escalation, String handoff, String description) {}

    private final Map<String, Rule> rules;

    private AuditRules(Map<String, Rule> rules) {
        this.rules = rules;
    }

    public static AuditRules bundled() {
        try (InputStream in = AuditRules.class.getResourceAsStream("/audit/rules.yaml")) {
            YamlDoc doc = YamlDoc.read("audit/rules.yaml", in);
            Map<String, Rule> rules = new LinkedHashMap<>();
            for (JsonNode r : doc.list(doc.root(), "rules")) {
                String id = doc.text(r, "id");
                String escalation = doc.optText(r, "escalation");
                String handoff = doc.optText(r, "handoff");
                if (escalation != null && !KnowledgeLoader.TRIGGER_IDS.contains(escalation)) {
                    throw doc.error(r, "escalation", "unknown trigger '" + escalation + "'");
                }
                if (handoff != null && !KnowledgeLoader.SPECIALISTS.contains(handoff)) {
                    throw doc.error(r, "handoff", "unknown specialist '" + handoff + "'");
                }
                if (rules.put(id, new Rule(id, Severity.parse(doc.text(r, "severity")), escalation, handoff,
                        doc.text(r, "description"))) != null) {
                    throw doc.error(r, "id", "duplicate rule '" + id + "'");
                }
            }
            return new AuditRules(Map.copyOf(rules));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Rule rule(String id) {
        Rule r = rules.get(id);
        if (r == null) {
            throw new IllegalStateException("rule '" + id + "' is not in audit/rules.yaml");
        }
        return r;
    }

    public Map<String, Rule> all() {
        return rules;
    }

    public Finding finding(String rule, String file, int line, int column, String message) {
        Rule r = rule(rule);
        return new Finding(rule, r.severity(), file, line, column, message, r.escalation(), r.handoff());
    }
}
