package dev.rustengineer.handoff;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * devops-engineer: the Dockerfile, the metrics endpoint, a Prometheus scrape config and alert rules for the
 * service's real metric names, and the environment variables with their defaults.
 */
public record DevopsEngineer() implements Specialist {

    @Override
    public String id() {
        return "devops-engineer";
    }

    @Override
    public List<String> lacking(HandoffContext c) {
        List<String> missing = new ArrayList<>();
        if (!c.project().has("Dockerfile")) {
            missing.add("no Dockerfile at the project root; add " + c.knowledge().howToAdd("dockerfile"));
        }
        if (ServiceMetrics.of(c.project(), c.knowledge(), c.env()) == null) {
            missing.add("no Prometheus metrics served; add " + c.knowledge().howToAdd("metrics"));
        }
        return missing;
    }

    @Override
    public HandoffPackage build(HandoffContext c) {
        String name = c.project().name();
        List<EnvVar> env = c.env();
        ServiceMetrics metrics = ServiceMetrics.of(c.project(), c.knowledge(), env);
        var files = new TreeMap<String, String>();
        files.put("Dockerfile", c.project().file("Dockerfile").orElseThrow());
        c.project().file(".dockerignore").ifPresent(d -> files.put(".dockerignore", d));
        files.put("prometheus/prometheus.yml", PrometheusFiles.scrapeConfig(name, metrics));
        files.put("prometheus/alerts.yml", PrometheusFiles.alertRules(name, metrics, c));
        files.put("prometheus/alerts_test.yml", PrometheusFiles.ruleTests(name, metrics, c));
        files.put("service.env", envFile(env));
        List<Check> checks = List.of(
                new Check("the scrape config (and the rule file it loads)", "promtool", "promtool check config prometheus/prometheus.yml"),
                new Check("the alert rules", "promtool", "promtool check rules prometheus/alerts.yml"),
                new Check("the alerts fire on the series they watch (unit tests)", "promtool", "promtool test rules prometheus/alerts_test.yml"));
        var doc = new HandoffDoc(c)
                .built("`Dockerfile`: the project's own" + (c.generatedDecisions().isEmpty() ? "" : " (generated: cargo-chef multi-stage, non-root)")
                        + ", built from the project root: `docker build -t " + name + " " + c.project().root() + "`.")
                .built("`prometheus/prometheus.yml`: a scrape job `" + name + "` for `" + metrics.path() + "` on port " + metrics.port()
                        + ", loading `alerts.yml`.")
                .built("`prometheus/alerts.yml`: alert rules on the metric names the source records: the target down, a failed share over "
                        + Math.round(c.knowledge().errorRatio() * 100) + "%, p99 latency over " + c.latencyBudgetMs() + " ms ("
                        + (c.latencyFromBrief() ? "the brief's budget" : "the default budget: the brief names none; pass --brief") + ").")
                .built("`prometheus/alerts_test.yml`: promtool unit tests: the down and error-ratio alerts fire on series made for them.")
                .built("`service.env`: every environment variable the service reads, with its default (`docker run --env-file`).")
                .contract(metricsContract(metrics))
                .section("Environment variables", envTable(env, EnvVar.inImage(c.project().file("Dockerfile").orElse(""))));
        files.put("HANDOFF.md", doc.render(checks));
        return new HandoffPackage(id(), files, checks);
    }

    private static String metricsContract(ServiceMetrics m) {
        var md = new StringBuilder();
        md.append("Metrics are served in the Prometheus text format at `GET ").append(m.path()).append("` on port ")
                .append(m.port()).append(" (read from ").append(m.portFrom()).append(").\n\n");
        md.append("| metric | type | what | recorded at |\n|---|---|---|---|\n");
        for (MetricFamily f : m.families()) {
            md.append("| `").append(f.name()).append("` | ").append(f.type()).append(" | ").append(f.what()).append(" | `")
                    .append(f.where()).append("` |\n");
        }
        md.append("\nHistograms are exported as `NAME_bucket`, `NAME_sum` and `NAME_count`. Renaming a metric breaks "
                + "these alerts: the names above are the contract.");
        return md.toString();
    }

    private static String envTable(List<EnvVar> env, Map<String, String> image) {
        if (env.isEmpty()) {
            return "The source reads no environment variables.";
        }
        var md = new StringBuilder("| variable | default | in the image (Dockerfile `ENV`) | meaning | read at |\n|---|---|---|---|---|\n");
        for (EnvVar e : env) {
            md.append("| `").append(e.name()).append("` | ").append(e.defaultValue() == null ? "(none)" : "`" + e.defaultValue() + "`")
                    .append(" | ").append(image.containsKey(e.name()) ? "`" + image.get(e.name()) + "`" : "")
                    .append(" | ").append(e.meaning()).append(" | `").append(e.where()).append("` |\n");
        }
        md.append("\nThe defaults are the service's own (`service.env` lists them); the image overrides some, e.g. so that a "
                + "container listens on 0.0.0.0.");
        return md.toString();
    }

    private static String envFile(List<EnvVar> env) {
        var s = new StringBuilder("# The service's environment variables with their defaults; edit and pass with --env-file.\n");
        for (EnvVar e : env) {
            if (e.defaultValue() == null) {
                s.append("# ").append(e.name()).append("= (no default; read at ").append(e.where()).append(")\n");
            } else {
                s.append(e.name()).append('=').append(e.defaultValue()).append('\n');
            }
        }
        return s.toString();
    }

    static String title(String name) {
        var out = new StringBuilder();
        for (String part : name.split("[-_]")) {
            if (!part.isEmpty()) {
                out.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return out.toString();
    }
}
