package dev.rustengineer.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rustengineer.knowledge.KnowledgeException;
import dev.rustengineer.knowledge.YamlDoc;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * knowledge/handoff.yaml as records: the metric families Rust services export, the alert thresholds, the
 * Kubernetes schema version, and what to say when a project lacks a part of a handoff.
 */
public record HandoffKnowledge(List<MetricFamily> metrics, Map<String, String> metricCrates, double errorRatio,
        int latencyP99Ms, String window, String forDuration, String kubernetesVersion, Map<String, String> missing) {

    private static final String FILE = "knowledge/handoff.yaml";
    private static final Set<String> TYPES = Set.of("counter", "histogram", "gauge");
    private static volatile HandoffKnowledge bundled;

    public static HandoffKnowledge bundled() {
        var k = bundled;
        if (k == null) {
            try (InputStream in = HandoffKnowledge.class.getResourceAsStream("/" + FILE)) {
                if (in == null) {
                    throw new KnowledgeException(FILE, 1, "missing from the jar");
                }
                k = read(YamlDoc.read(FILE, in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bundled = k;
        }
        return k;
    }

    static HandoffKnowledge read(YamlDoc doc) {
        JsonNode root = doc.root();
        List<MetricFamily> metrics = new ArrayList<>();
        Map<String, String> crates = new LinkedHashMap<>();
        for (JsonNode m : doc.list(root, "metrics")) {
            String type = doc.text(m, "type");
            if (!TYPES.contains(type)) {
                throw doc.error(m, "type", "unknown metric type '" + type + "'; one of " + TYPES);
            }
            String crate = doc.optText(m, "crate");
            metrics.add(new MetricFamily(doc.text(m, "name"), type, doc.optText(m, "errors"), doc.text(m, "what"), crate));
            if (crate != null) {
                crates.put(doc.text(m, "name"), crate);
            }
        }
        JsonNode alerts = root.path("alerts");
        Map<String, String> missing = new LinkedHashMap<>();
        root.path("missing").properties().forEach(e -> missing.put(e.getKey(), e.getValue().asText()));
        return new HandoffKnowledge(metrics, crates, Double.parseDouble(doc.text(alerts, "error_ratio")),
                Integer.parseInt(doc.text(alerts, "latency_p99_ms")), doc.text(alerts, "window"), doc.text(alerts, "for"),
                doc.text(root.path("kubernetes"), "version"), missing);
    }

    /** How to add what a handoff lacks; the key must exist (a test reads every one). */
    public String howToAdd(String part) {
        String s = missing.get(part);
        if (s == null) {
            throw new IllegalArgumentException("knowledge/handoff.yaml has no 'missing." + part + "'");
        }
        return s;
    }

    public MetricFamily family(String name) {
        return metrics.stream().filter(m -> m.name().equals(name)).findFirst().orElse(null);
    }
}
