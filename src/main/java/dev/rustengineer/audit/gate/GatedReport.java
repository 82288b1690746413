package dev.rustengineer.audit.gate;

import dev.rustengineer.audit.AuditReport;
import dev.rustengineer.audit.Finding;
import dev.rustengineer.audit.Severity;
import java.util.List;

/**
 * An audit report after the gate: every finding in scope with its fingerprint and status (new, in the baseline,
 * suppressed), listed in that order and by location within each.
 *
 * @param report the rules' report (all findings, before suppression and scope)
 * @param results the findings in scope (on changed lines with {@code --changed-since}, else all), with the
 *     bad-suppression findings the comments gave
 * @param changedSince the ref findings were limited to, or null
 * @param outsideChanges findings dropped because their line did not change since the ref
 * @param withBaseline whether a baseline was read (SARIF then says each result's baselineState)
 * @param fixed baseline entries no finding matches any more (-1 when unknown: no baseline, or --changed-since)
 * @param cachedFiles files whose results came from the cache
 */
public record GatedReport(AuditReport report, List<GatedFinding> results, String changedSince, int outsideChanges,
        boolean withBaseline, int fixed, int cachedFiles) {

    public GatedReport {
        results = List.copyOf(results);
    }

    public String root() {
        return report.root();
    }

    public int files() {
        return report.files();
    }

    public long lines() {
        return report.lines();
    }

    public int parseErrorFiles() {
        return report.parseErrorFiles();
    }

    public double seconds() {
        return report.seconds();
    }

    public List<AuditReport.CrateSummary> crates() {
        return report.crates();
    }

    /** The findings not suppressed (new and in the baseline): what the code has. */
    public List<Finding> findings() {
        return with(Status.NEW, Status.BASELINE);
    }

    /** The findings that are neither suppressed nor in the baseline: what `--fail-on` and the text output show. */
    public List<Finding> newFindings() {
        return with(Status.NEW);
    }

    public long count(Status s) {
        return results.stream().filter(g -> g.status() == s).count();
    }

    /** Whether a new finding is at or above this severity: the build fails. */
    public boolean failsAt(Severity threshold) {
        return newFindings().stream().anyMatch(f -> f.severity().compareTo(threshold) >= 0);
    }

    /** The rules' report with suppressed findings and those out of scope left out (for handoffs and other readers). */
    public AuditReport effective() {
        return new AuditReport(report.root(), report.files(), report.lines(), report.parseErrorFiles(), findings(), report.crates(),
                report.seconds());
    }

    /** In location order: results are sorted by status, then location, so filtering keeps each status's order. */
    private List<Finding> with(Status... statuses) {
        List<Status> s = List.of(statuses);
        List<Finding> out = results.stream().filter(g -> s.contains(g.status())).map(GatedFinding::finding).toList();
        return s.size() == 1 ? out : out.stream().sorted().toList();
    }
}
