package dev.rustengineer.audit;

import java.util.List;
import java.util.Map;

/**
 * What an audit found in a tree of Rust source.
 *
 * @param parseErrorFiles files with at least one part that did not parse
 * @param crates one summary row per dependency (with --deps), else empty
 * @param seconds how long the audit took
 */
public record AuditReport(String root, int files, long lines, int parseErrorFiles, List<Finding> findings,
        List<CrateSummary> crates, double seconds) {

    public AuditReport {
        findings = List.copyOf(findings);
        crates = List.copyOf(crates);
    }

    /** One dependency's numbers, as cargo-geiger reports per crate. */
    public record CrateSummary(String name, String version, int files, long lines, int parseErrorFiles,
            Map<String, Integer> byRule) {}

    public long count(String rule) {
        return findings.stream().filter(f -> f.rule().equals(rule)).count();
    }

    public boolean anyAtOrAbove(Severity s) {
        return findings.stream().anyMatch(f -> f.severity().compareTo(s) >= 0);
    }
}
