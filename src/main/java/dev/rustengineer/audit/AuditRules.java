package dev.rustengineer.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rustengineer.UsageException;
import dev.rustengineer.knowledge.KnowledgeLoader;
import dev.rustengineer.knowledge.YamlDoc;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The rule catalogue (src/main/resources/audit/rules.yaml), checked at load: trigger ids and specialists are the
 * spec's. Each rule also says whether it runs (`enabled`, default true) and what becomes of its findings in test
 * code and in build scripts (`tests:`, `build:`: report, info or drop; default report).
 */
public final class AuditRules {
    /** What happens to a finding outside production code: kept as is, lowered to info, or dropped. */
    public enum Policy {
        REPORT, INFO, DROP;

        static Policy parse(YamlDoc doc, JsonNode r, String key) {
            String v = doc.optText(r, key);
            if (v == null) {
                return REPORT;
            }
            try {
                return valueOf(v.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw doc.error(r, key, "'" + key + "' is one of report, info, drop; not '" + v + "'");
            }
        }
    }

    public record Rule(String id, Severity severity, String escalation, String handoff, String description, boolean enabled,
            Policy inTests, Policy inBuildScripts) {}

    private final Map<String, Rule> rules;
    /** The rules switched off for this run (`withDisabled`): its results differ from the catalogue's. */
    private final SortedSet<String> switchedOff;

    private AuditRules(Map<String, Rule> rules) {
        this(rules, new TreeSet<>());
    }

    private AuditRules(Map<String, Rule> rules, SortedSet<String> switchedOff) {
        this.rules = rules;
        this.switchedOff = Collections.unmodifiableSortedSet(switchedOff);
    }

    /**
     * The rules switched off for this run, sorted: a run with a different set keeps its own per-file cache, since
     * the cache holds the findings of the rules that ran.
     */
    public SortedSet<String> switchedOff() {
        return switchedOff;
    }

    public static AuditRules bundled() {
        try (InputStream in = AuditRules.class.getResourceAsStream("/audit/rules.yaml")) {
            return read("audit/rules.yaml", in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A catalogue in the rules.yaml format, checked; errors name the file and line. */
    static AuditRules read(String file, InputStream in) {
        YamlDoc doc = YamlDoc.read(file, in);
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
            JsonNode enabled = r.get("enabled");
            if (enabled != null && !enabled.isBoolean()) {
                throw doc.error(r, "enabled", "'enabled' is true or false");
            }
            if (rules.put(id, new Rule(id, Severity.parse(doc.text(r, "severity")), escalation, handoff, doc.text(r, "description"),
                    enabled == null || enabled.asBoolean(), Policy.parse(doc, r, "tests"), Policy.parse(doc, r, "build"))) != null) {
                throw doc.error(r, "id", "duplicate rule '" + id + "'");
            }
        }
        return new AuditRules(Map.copyOf(rules));
    }

    /** The same catalogue with these rules switched off; an unknown id is a usage error naming the known ones. */
    public AuditRules withDisabled(Collection<String> ids) {
        Map<String, Rule> copy = new LinkedHashMap<>(rules);
        for (String id : ids) {
            Rule r = copy.get(id);
            if (r == null) {
                throw new UsageException("unknown rule '" + id + "'; one of: " + String.join(", ", new TreeSet<>(rules.keySet())));
            }
            copy.put(id, new Rule(r.id(), r.severity(), r.escalation(), r.handoff(), r.description(), false, r.inTests(), r.inBuildScripts()));
        }
        SortedSet<String> off = new TreeSet<>(switchedOff);
        off.addAll(ids);
        return new AuditRules(Map.copyOf(copy), off);
    }

    public Rule rule(String id) {
        Rule r = rules.get(id);
        if (r == null) {
            throw new IllegalStateException("rule '" + id + "' is not in audit/rules.yaml");
        }
        return r;
    }

    public boolean enabled(String id) {
        return rule(id).enabled();
    }

    public Map<String, Rule> all() {
        return rules;
    }

    public Finding finding(String rule, String file, int line, int column, String message) {
        Rule r = rule(rule);
        return new Finding(rule, r.severity(), file, line, column, message, r.escalation(), r.handoff());
    }
}
