package dev.rustengineer.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The audit report as text (grouped by severity and file), JSON, or SARIF 2.1.0. */
public final class AuditOutput {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditOutput() {}

    public static String text(AuditReport r, int limit) {
        List<String> out = new ArrayList<>();
        List<Severity> order = new ArrayList<>(List.of(Severity.values()));
        java.util.Collections.reverse(order);
        int shown = 0;
        for (Severity s : order) {
            List<Finding> fs = r.findings().stream().filter(f -> f.severity() == s).toList();
            if (fs.isEmpty()) {
                continue;
            }
            out.add(s.id().toUpperCase(Locale.ROOT) + " (" + fs.size() + ")");
            Map<String, List<Finding>> byFile = fs.stream().collect(Collectors.groupingBy(Finding::file, TreeMap::new, Collectors.toList()));
            for (var e : byFile.entrySet()) {
                if (shown >= limit) {
                    break;
                }
                out.add("  " + e.getKey());
                for (Finding f : e.getValue()) {
                    if (shown++ >= limit) {
                        break;
                    }
                    out.add(String.format(Locale.ROOT, "    %d:%d  %-22s %s", f.line(), f.column(), f.rule(), f.message()));
                }
            }
        }
        if (shown >= limit && r.findings().size() > limit) {
            out.add("  ... " + (r.findings().size() - limit) + " more (raise --limit, or use --format json)");
        }
        out.add("");
        out.add(String.format(Locale.ROOT, "%d files, %d lines, %d findings (%s); %d file(s) with parse errors; %.2f s",
                r.files(), r.lines(), r.findings().size(), bySeverity(r).entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")), r.parseErrorFiles(), r.seconds()));
        if (!r.crates().isEmpty()) {
            out.add("");
            out.add(String.format(Locale.ROOT, "%-28s %-10s %6s %8s %6s %6s %6s %6s", "crate", "version", "files", "lines",
                    "unsafe", "undoc", "fn", "impl"));
            for (AuditReport.CrateSummary c : r.crates()) {
                out.add(String.format(Locale.ROOT, "%-28s %-10s %6d %8d %6d %6d %6d %6d", c.name(), c.version(), c.files(), c.lines(),
                        c.byRule().getOrDefault("unsafe-block", 0), c.byRule().getOrDefault("undocumented-unsafe", 0),
                        c.byRule().getOrDefault("unsafe-fn", 0), c.byRule().getOrDefault("unsafe-impl", 0)));
            }
        }
        Map<String, List<Finding>> esc = escalations(r);
        if (!esc.isEmpty()) {
            out.add("");
            out.add("Escalations to oracle");
            esc.forEach((id, fs) -> out.add("  ! " + id + ": " + fs.size() + " finding(s), first at " + fs.getFirst().file() + ":" + fs.getFirst().line()));
        }
        Map<String, List<Finding>> hand = handoffs(r);
        if (!hand.isEmpty()) {
            out.add("");
            out.add("Handoffs");
            hand.forEach((to, fs) -> out.add("  -> " + to + ": " + fs.size() + " finding(s) (" + fs.stream().map(Finding::rule).distinct()
                    .collect(Collectors.joining(", ")) + "), first at " + fs.getFirst().file() + ":" + fs.getFirst().line()));
        }
        return String.join(System.lineSeparator(), out) + System.lineSeparator();
    }

    static Map<String, Long> bySeverity(AuditReport r) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Severity s : Severity.values()) {
            long n = r.findings().stream().filter(f -> f.severity() == s).count();
            if (n > 0) {
                m.put(s.id(), n);
            }
        }
        return m;
    }

    static Map<String, List<Finding>> escalations(AuditReport r) {
        return r.findings().stream().filter(f -> f.escalation() != null)
                .collect(Collectors.groupingBy(Finding::escalation, TreeMap::new, Collectors.toList()));
    }

    static Map<String, List<Finding>> handoffs(AuditReport r) {
        return r.findings().stream().filter(f -> f.handoff() != null)
                .collect(Collectors.groupingBy(Finding::handoff, TreeMap::new, Collectors.toList()));
    }

    public static ObjectNode json(AuditReport r, int limit) {
        ObjectNode o = JSON.createObjectNode();
        o.put("root", r.root());
        ObjectNode summary = o.putObject("summary");
        summary.put("files", r.files());
        summary.put("lines", r.lines());
        summary.put("findings", r.findings().size());
        summary.put("parse_error_files", r.parseErrorFiles());
        summary.put("seconds", Math.round(r.seconds() * 1000) / 1000.0);
        ObjectNode sev = summary.putObject("by_severity");
        bySeverity(r).forEach(sev::put);
        ObjectNode rule = summary.putObject("by_rule");
        new TreeMap<>(r.findings().stream().collect(Collectors.groupingBy(Finding::rule, Collectors.counting()))).forEach(rule::put);
        ArrayNode esc = o.putArray("escalations");
        escalations(r).forEach((id, fs) -> {
            ObjectNode e = esc.addObject();
            e.put("id", id);
            e.put("to", "oracle");
            e.put("findings", fs.size());
            e.put("first", fs.getFirst().file() + ":" + fs.getFirst().line());
        });
        ArrayNode hand = o.putArray("handoffs");
        handoffs(r).forEach((to, fs) -> {
            ObjectNode h = hand.addObject();
            h.put("to", to);
            h.put("findings", fs.size());
            h.put("first", fs.getFirst().file() + ":" + fs.getFirst().line());
        });
        ArrayNode findings = o.putArray("findings");
        r.findings().stream().limit(limit).forEach(f -> {
            ObjectNode fn = findings.addObject();
            fn.put("rule", f.rule());
            fn.put("severity", f.severity().id());
            fn.put("file", f.file());
            fn.put("line", f.line());
            fn.put("column", f.column());
            fn.put("message", f.message());
            if (f.escalation() != null) {
                fn.put("escalation", f.escalation());
            }
            if (f.handoff() != null) {
                fn.put("handoff", f.handoff());
            }
        });
        o.put("truncated", r.findings().size() > limit);
        if (!r.crates().isEmpty()) {
            ArrayNode crates = o.putArray("crates");
            for (AuditReport.CrateSummary c : r.crates()) {
                ObjectNode cn = crates.addObject();
                cn.put("name", c.name());
                cn.put("version", c.version());
                cn.put("files", c.files());
                cn.put("lines", c.lines());
                cn.put("parse_error_files", c.parseErrorFiles());
                ObjectNode br = cn.putObject("by_rule");
                c.byRule().forEach(br::put);
            }
        }
        return o;
    }

    /** SARIF 2.1.0, as GitHub code scanning accepts it: one run, the rule catalogue, one result per finding. */
    public static ObjectNode sarif(AuditReport r, AuditRules rules, String version) {
        ObjectNode log = JSON.createObjectNode();
        log.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "rust-engineer");
        driver.put("version", version);
        driver.put("informationUri", "https://github.com/rust-engineer/rust-engineer");
        ArrayNode ruleArray = driver.putArray("rules");
        List<String> ids = new ArrayList<>(rules.all().keySet());
        java.util.Collections.sort(ids);
        for (String id : ids) {
            AuditRules.Rule rule = rules.rule(id);
            ObjectNode rn = ruleArray.addObject();
            rn.put("id", id);
            rn.putObject("shortDescription").put("text", rule.description());
            rn.putObject("defaultConfiguration").put("level", rule.severity().sarifLevel());
            ObjectNode props = rn.putObject("properties");
            props.put("severity", rule.severity().id());
            if (rule.escalation() != null) {
                props.put("escalation", rule.escalation());
            }
            if (rule.handoff() != null) {
                props.put("handoff", rule.handoff());
            }
        }
        run.put("columnKind", "unicodeCodePoints");
        ObjectNode base = run.putObject("originalUriBaseIds").putObject("SRCROOT");
        base.put("uri", java.nio.file.Path.of(r.root()).toUri().toString());
        ArrayNode results = run.putArray("results");
        for (Finding f : r.findings()) {
            ObjectNode res = results.addObject();
            res.put("ruleId", f.rule());
            res.put("ruleIndex", ids.indexOf(f.rule()));
            res.put("level", f.severity().sarifLevel());
            res.putObject("message").put("text", f.message());
            ObjectNode loc = res.putArray("locations").addObject().putObject("physicalLocation");
            ObjectNode art = loc.putObject("artifactLocation");
            art.put("uri", f.file());
            art.put("uriBaseId", "SRCROOT");
            ObjectNode region = loc.putObject("region");
            region.put("startLine", f.line());
            region.put("startColumn", f.column());
            ObjectNode props = res.putObject("properties");
            props.put("severity", f.severity().id());
            if (f.escalation() != null) {
                props.put("escalation", f.escalation());
            }
            if (f.handoff() != null) {
                props.put("handoff", f.handoff());
            }
        }
        return log;
    }
}
