package dev.rustengineer.handoff;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** prometheus.yml and alerts.yml for one service, on its real metric names. */
final class PrometheusFiles {
    private PrometheusFiles() {}

    static String scrapeConfig(String name, ServiceMetrics m) {
        return """
                # Prometheus scrape config for %1$s, made by rust-engineer handoff from the service's source.
                # The target is the service's name and metrics port; in Kubernetes the pod annotations
                # (prometheus.io/scrape, port, path) or a ServiceMonitor do the same.
                global:
                  scrape_interval: 15s
                  evaluation_interval: 15s
                rule_files:
                  - alerts.yml
                scrape_configs:
                  - job_name: %1$s
                    metrics_path: %2$s
                    static_configs:
                      - targets: ["%1$s:%3$d"]
                """.formatted(name, m.path(), m.port());
    }

    static String alertRules(String name, ServiceMetrics m, HandoffContext c) {
        String prefix = DevopsEngineer.title(name);
        String job = "job=\"" + name + "\"";
        String window = c.knowledge().window();
        String forD = c.knowledge().forDuration();
        var y = new StringBuilder();
        y.append("# Alert rules for ").append(name).append(" on the metric names its source records.\n");
        y.append("groups:\n  - name: ").append(name).append("\n    rules:\n");
        rule(y, prefix + "Down", "up{" + job + "} == 0", "5m", "critical",
                name + " is not answering its metrics scrape", "Prometheus could not scrape {{ $labels.instance }} for 5 minutes.");
        double budget = c.latencyBudgetMs() / 1000.0;
        String budgetWhy = c.latencyFromBrief() ? "the brief's p99 budget" : "the default budget (the brief names none)";
        for (MetricFamily f : m.families()) {
            if (f.type().equals("counter") && f.errors() != null) {
                String all = f.name() + "{" + job + "}";
                String bad = f.name() + "{" + job + "," + f.errors() + "}";
                rule(y, prefix + "HighErrorRatio" + suffix(f, m), "sum(rate(" + bad + "[" + window + "])) / sum(rate(" + all + "[" + window + "])) > "
                        + c.knowledge().errorRatio(), forD, "warning",
                        name + ": more than " + Math.round(c.knowledge().errorRatio() * 100) + "% of requests fail",
                        "Failed share over " + window + " is {{ $value | humanizePercentage }} (" + f.name() + ").");
            } else if (f.type().equals("histogram")) {
                rule(y, prefix + "HighLatencyP99" + suffix(f, m),
                        "histogram_quantile(0.99, sum by (le) (rate(" + f.name() + "_bucket{" + job + "}[" + window + "]))) > " + budget,
                        forD, "warning", name + ": p99 latency above " + c.latencyBudgetMs() + " ms",
                        "p99 over " + window + " is {{ $value | humanizeDuration }}; " + budgetWhy + " is " + c.latencyBudgetMs() + " ms ("
                                + f.name() + ").");
            }
        }
        return y.toString();
    }

    /**
     * promtool unit tests of the rules: a target down for 10 minutes fires the down alert, and, for each request
     * counter with an error selector, half the requests failing fires the error-ratio alert.
     */
    static String ruleTests(String name, ServiceMetrics m, HandoffContext c) {
        String prefix = DevopsEngineer.title(name);
        String instance = name + ":" + m.port();
        var y = new StringBuilder("# promtool test rules prometheus/alerts_test.yml: the alerts fire on the series they are written for.\n");
        y.append("rule_files:\n  - alerts.yml\nevaluation_interval: 1m\ntests:\n");
        y.append("  - interval: 1m\n    input_series:\n");
        y.append("      - series: 'up{job=\"").append(name).append("\", instance=\"").append(instance).append("\"}'\n        values: '0x15'\n");
        y.append("    alert_rule_test:\n      - eval_time: 10m\n        alertname: ").append(prefix).append("Down\n        exp_alerts:\n");
        y.append("          - exp_labels: {severity: critical, job: ").append(name).append(", instance: '").append(instance).append("'}\n");
        y.append("            exp_annotations:\n              summary: '").append(name).append(" is not answering its metrics scrape'\n");
        y.append("              description: 'Prometheus could not scrape ").append(instance).append(" for 5 minutes.'\n");
        for (MetricFamily f : m.families()) {
            if (!f.type().equals("counter") || f.errors() == null) {
                continue;
            }
            // the selector's label and one value it matches, and one it does not
            var sel = Pattern.compile("(\\w+)=~\"([^\"|.]+)").matcher(f.errors());
            if (!sel.find()) {
                continue;
            }
            String label = sel.group(1);
            String bad = f.errors().contains("5..") ? "500" : sel.group(2);
            String good = f.errors().contains("5..") ? "200" : "OK";
            y.append("  - interval: 1m\n    input_series:\n");
            for (String v : List.of(bad, good)) {
                y.append("      - series: '").append(f.name()).append("{job=\"").append(name).append("\", ").append(label).append("=\"").append(v)
                        .append("\"}'\n        values: '0+60x30'\n");
            }
            y.append("    alert_rule_test:\n      - eval_time: 20m\n        alertname: ").append(prefix).append("HighErrorRatio").append(suffix(f, m))
                    .append("\n        exp_alerts:\n          - exp_labels: {severity: warning}\n            exp_annotations:\n");
            y.append("              summary: '").append(name).append(": more than ").append(Math.round(c.knowledge().errorRatio() * 100))
                    .append("% of requests fail'\n");
            y.append("              description: 'Failed share over ").append(c.knowledge().window()).append(" is 50% (").append(f.name()).append(").'\n");
        }
        return y.toString();
    }

    /** Tells apart two alerts of one kind (a service with HTTP and WebSocket histograms). */
    private static String suffix(MetricFamily f, ServiceMetrics m) {
        long same = m.families().stream().filter(o -> o.type().equals(f.type())
                && (f.type().equals("histogram") || o.errors() != null)).count();
        if (same <= 1) {
            return "";
        }
        return DevopsEngineer.title(f.name().toLowerCase(Locale.ROOT));
    }

    private static void rule(StringBuilder y, String alert, String expr, String forD, String severity, String summary, String description) {
        y.append("      - alert: ").append(alert).append('\n');
        y.append("        expr: '").append(expr.replace("'", "''")).append("'\n");
        y.append("        for: ").append(forD).append('\n');
        y.append("        labels:\n          severity: ").append(severity).append('\n');
        y.append("        annotations:\n");
        y.append("          summary: '").append(summary.replace("'", "''")).append("'\n");
        y.append("          description: '").append(description.replace("'", "''")).append("'\n");
    }
}
