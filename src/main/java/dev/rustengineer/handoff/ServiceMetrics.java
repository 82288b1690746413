package dev.rustengineer.handoff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Prometheus metrics a Rust service exports, read from its source: the names passed to the metrics
 * crate's macros (literals, or {@code const} names resolved), the prometheus crate's constructors, and the
 * families a metrics crate it depends on exports (axum-prometheus); plus where they are served.
 *
 * @param path the HTTP path the metrics are served at
 * @param port the port, from the variable that sets the address (METRICS_ADDR, else BIND_ADDR) or the Dockerfile
 * @param portFrom what the port was read from
 */
public record ServiceMetrics(List<MetricFamily> families, String path, int port, String portFrom) {

    private static final Pattern MACRO = Pattern.compile(
            "\\b(?:describe_)?(counter|histogram|gauge)!\\(\\s*(?:\"([a-zA-Z_:][a-zA-Z0-9_:]*)\"|([A-Z][A-Z0-9_]*)\\b)");
    private static final Pattern PROMETHEUS_CRATE = Pattern.compile(
            "\\b(?:register_)?(?:int_)?(counter|histogram|gauge)(?:_vec)?!\\(\\s*\"([a-zA-Z_:][a-zA-Z0-9_:]*)\""
            + "|\\b(Histogram)?Opts::new\\(\\s*\"([a-zA-Z_:][a-zA-Z0-9_:]*)\"");
    private static final Pattern CONST = Pattern.compile("\\bconst\\s+([A-Z][A-Z0-9_]*)\\s*:\\s*&(?:'static\\s+)?str\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern ADDR_PORT = Pattern.compile(":(\\d{2,5})\\b");
    private static final Pattern EXPOSE = Pattern.compile("(?m)^EXPOSE\\s+(\\d+)");

    /** @return null when the project exports no Prometheus metrics */
    public static ServiceMetrics of(RustProject project, HandoffKnowledge knowledge, List<EnvVar> env) {
        Map<String, String> consts = new HashMap<>();
        project.sources().values().forEach(text -> {
            Matcher c = CONST.matcher(text);
            while (c.find()) {
                consts.putIfAbsent(c.group(1), c.group(2));
            }
        });
        Map<String, MetricFamily> found = new LinkedHashMap<>();
        for (var source : project.sources().entrySet()) {
            if (source.getKey().startsWith("tests/") || source.getKey().startsWith("benches/")) {
                continue;
            }
            String text = source.getValue();
            Matcher m = MACRO.matcher(text);
            while (m.find()) {
                String name = m.group(2) != null ? m.group(2) : consts.get(m.group(3));
                if (name != null) {
                    add(found, knowledge, name, m.group(1), where(source.getKey(), text, m.start()));
                }
            }
            Matcher p = PROMETHEUS_CRATE.matcher(text);
            while (p.find()) {
                String name = p.group(2) != null ? p.group(2) : p.group(4);
                String type = p.group(1) != null ? p.group(1) : p.group(3) != null ? "histogram" : "counter";
                add(found, knowledge, name, type, where(source.getKey(), text, p.start()));
            }
        }
        knowledge.metricCrates().forEach((name, crate) -> {
            if (project.dependsOn(crate) && !found.containsKey(name)) {
                var known = knowledge.family(name);
                found.put(name, new MetricFamily(name, known.type(), known.errors(), known.what(), "the " + crate + " crate"));
            }
        });
        if (found.isEmpty()) {
            return null;
        }
        boolean served = project.sources().values().stream()
                .anyMatch(t -> t.contains("\"/metrics\"") || t.contains("with_http_listener") || t.contains("PrometheusMetricLayer"));
        if (!served) {
            return null;
        }
        int port = 0;
        String from = null;
        for (String var : List.of("METRICS_ADDR", "BIND_ADDR")) {
            var v = env.stream().filter(e -> e.name().equals(var) && e.defaultValue() != null).findFirst();
            if (v.isPresent()) {
                Matcher pm = ADDR_PORT.matcher(v.get().defaultValue());
                if (pm.find()) {
                    port = Integer.parseInt(pm.group(1));
                    from = var + " (default " + v.get().defaultValue() + ")";
                    break;
                }
            }
        }
        if (port == 0) {
            Matcher e = EXPOSE.matcher(project.file("Dockerfile").orElse(""));
            if (e.find()) {
                port = Integer.parseInt(e.group(1));
                from = "the Dockerfile's EXPOSE";
            } else {
                port = 3000;
                from = "nothing (3000 assumed: set it in prometheus.yml)";
            }
        }
        return new ServiceMetrics(new ArrayList<>(found.values()), "/metrics", port, from);
    }

    private static void add(Map<String, MetricFamily> found, HandoffKnowledge k, String name, String type, String where) {
        if (found.containsKey(name)) {
            return;
        }
        var known = k.family(name);
        found.put(name, known != null
                ? new MetricFamily(name, known.type(), known.errors(), known.what(), where)
                : new MetricFamily(name, type, null, type + " recorded in the source", where));
    }

    private static String where(String file, String text, int offset) {
        return file + ":" + (text.substring(0, offset).split("\n", -1).length);
    }
}
