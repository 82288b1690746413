package dev.rustengineer.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rustengineer.audit.gate.AuditGate;
import dev.rustengineer.audit.gate.Fingerprints;
import dev.rustengineer.audit.gate.GatedFinding;
import dev.rustengineer.audit.gate.GatedReport;
import dev.rustengineer.audit.gate.Status;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
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
        return text(AuditGate.ungated(r), limit);
    }

    /** The new findings (not suppressed, not in the baseline) by severity and file, then what the gate set aside. */
    public static String text(GatedReport r, int limit) {
        List<Finding> findings = r.newFindings();
        List<String> out = new ArrayList<>();
        List<Severity> order = new ArrayList<>(List.of(Severity.values()));
        Collections.reverse(order);
        int shown = 0;
        for (Severity s : order) {
            List<Finding> fs = findings.stream().filter(f -> f.severity() == s).toList();
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
        if (shown >= limit && findings.size() > limit) {
            out.add("  ... " + (findings.size() - limit) + " more (raise --limit, or use --format json)");
        }
        out.add("");
        out.add(String.format(Locale.ROOT, "%d files, %d lines, %d %sfindings (%s); %d file(s) with parse errors; %.2f s",
                r.files(), r.lines(), findings.size(), r.withBaseline() ? "new " : "", bySeverity(findings).entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")), r.parseErrorFiles(), r.seconds()));
        List<String> gate = gateSummary(r);
        if (!gate.isEmpty()) {
            out.add(String.join("; ", gate));
        }
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
        Map<String, List<Finding>> esc = escalations(findings);
        if (!esc.isEmpty()) {
            out.add("");
            out.add("Escalations to oracle");
            esc.forEach((id, fs) -> out.add("  ! " + id + ": " + fs.size() + " finding(s), first at " + fs.getFirst().file() + ":" + fs.getFirst().line()));
        }
        Map<String, List<Finding>> hand = handoffs(findings);
        if (!hand.isEmpty()) {
            out.add("");
            out.add("Handoffs");
            hand.forEach((to, fs) -> out.add("  -> " + to + ": " + fs.size() + " finding(s) (" + fs.stream().map(Finding::rule).distinct()
                    .collect(Collectors.joining(", ")) + "), first at " + fs.getFirst().file() + ":" + fs.getFirst().line()));
        }
        return String.join(System.lineSeparator(), out) + System.lineSeparator();
    }

    /** What the gate set aside, as phrases for the text summary; empty when it set nothing aside. */
    static List<String> gateSummary(GatedReport r) {
        List<String> out = new ArrayList<>();
        long suppressed = r.count(Status.SUPPRESSED);
        if (suppressed > 0) {
            out.add(suppressed + " suppressed in the code");
        }
        if (r.withBaseline()) {
            out.add(r.count(Status.BASELINE) + " in the baseline" + (r.fixed() > 0 ? " (" + r.fixed() + " baseline entries fixed)" : ""));
        }
        if (r.changedSince() != null) {
            out.add(r.outsideChanges() + " on lines not changed since " + r.changedSince());
        }
        if (r.cachedFiles() > 0) {
            out.add(r.cachedFiles() + " of " + r.files() + " files from the cache");
        }
        return out;
    }

    static Map<String, Long> bySeverity(List<Finding> findings) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Severity s : Severity.values()) {
            long n = findings.stream().filter(f -> f.severity() == s).count();
            if (n > 0) {
                m.put(s.id(), n);
            }
        }
        return m;
    }

    static Map<String, List<Finding>> escalations(List<Finding> findings) {
        return findings.stream().filter(f -> f.escalation() != null)
                .collect(Collectors.groupingBy(Finding::escalation, TreeMap::new, Collectors.toList()));
    }

    static Map<String, List<Finding>> handoffs(List<Finding> findings) {
        return findings.stream().filter(f -> f.handoff() != null)
                .collect(Collectors.groupingBy(Finding::handoff, TreeMap::new, Collectors.toList()));
    }

    public static ObjectNode json(AuditReport r, int limit) {
        return json(AuditGate.ungated(r), limit);
    }

    /**
     * The summary counts the new findings (with no baseline, every finding not suppressed); the findings list holds
     * every finding in scope, new first, then those in the baseline, then the suppressed, each with its status and
     * fingerprint.
     */
    public static ObjectNode json(GatedReport r, int limit) {
        List<Finding> findings = r.newFindings();
        ObjectNode o = JSON.createObjectNode();
        o.put("root", r.root());
        ObjectNode summary = o.putObject("summary");
        summary.put("files", r.files());
        summary.put("lines", r.lines());
        summary.put("findings", findings.size());
        summary.put("parse_error_files", r.parseErrorFiles());
        summary.put("seconds", Math.round(r.seconds() * 1000) / 1000.0);
        ObjectNode sev = summary.putObject("by_severity");
        bySeverity(findings).forEach(sev::put);
        ObjectNode rule = summary.putObject("by_rule");
        new TreeMap<>(findings.stream().collect(Collectors.groupingBy(Finding::rule, Collectors.counting()))).forEach(rule::put);
        summary.put("suppressed", r.count(Status.SUPPRESSED));
        if (r.withBaseline()) {
            summary.put("baseline", r.count(Status.BASELINE));
            if (r.fixed() >= 0) {
                summary.put("baseline_fixed", r.fixed());
            }
        }
        if (r.changedSince() != null) {
            summary.put("changed_since", r.changedSince());
            summary.put("outside_changes", r.outsideChanges());
        }
        summary.put("cached_files", r.cachedFiles());
        ArrayNode esc = o.putArray("escalations");
        escalations(findings).forEach((id, fs) -> {
            ObjectNode e = esc.addObject();
            e.put("id", id);
            e.put("to", "oracle");
            e.put("findings", fs.size());
            e.put("first", fs.getFirst().file() + ":" + fs.getFirst().line());
        });
        ArrayNode hand = o.putArray("handoffs");
        handoffs(findings).forEach((to, fs) -> {
            ObjectNode h = hand.addObject();
            h.put("to", to);
            h.put("findings", fs.size());
            h.put("first", fs.getFirst().file() + ":" + fs.getFirst().line());
        });
        ArrayNode list = o.putArray("findings");
        r.results().stream().limit(limit).forEach(g -> {
            Finding f = g.finding();
            ObjectNode fn = list.addObject();
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
            fn.put("status", g.status().id());
            fn.put("fingerprint", g.fingerprint());
            if (g.suppression() != null) {
                ObjectNode s = fn.putObject("suppression");
                s.put("line", g.suppression().line());
                s.put("reason", g.suppression().reason());
            }
        });
        o.put("truncated", r.results().size() > limit);
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

    public static ObjectNode sarif(AuditReport r, AuditRules rules, String version) {
        return sarif(AuditGate.ungated(r), rules, version);
    }

    /**
     * SARIF 2.1.0, as GitHub code scanning accepts it: one run, the rule catalogue, one result per finding in scope
     * with its fingerprint in {@code partialFingerprints}; suppressed findings carry an {@code inSource} suppression
     * with the comment's reason as justification, and with a baseline every other result says its
     * {@code baselineState} (new or unchanged).
     */
    public static ObjectNode sarif(GatedReport r, AuditRules rules, String version) {
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
        Collections.sort(ids);
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
        base.put("uri", Path.of(r.root()).toUri().toString());
        ArrayNode results = run.putArray("results");
        for (GatedFinding g : r.results()) {
            Finding f = g.finding();
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
            res.putObject("partialFingerprints").put(Fingerprints.KEY, g.fingerprint());
            if (g.suppression() != null) {
                ObjectNode sup = res.putArray("suppressions").addObject();
                sup.put("kind", "inSource");
                sup.put("status", "accepted");
                sup.put("justification", g.suppression().reason());
                ObjectNode at = sup.putObject("location").putObject("physicalLocation");
                at.putObject("artifactLocation").put("uri", f.file()).put("uriBaseId", "SRCROOT");
                at.putObject("region").put("startLine", g.suppression().line()).put("startColumn", g.suppression().column());
            } else if (r.withBaseline()) {
                res.put("baselineState", g.status() == Status.BASELINE ? "unchanged" : "new");
            }
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
