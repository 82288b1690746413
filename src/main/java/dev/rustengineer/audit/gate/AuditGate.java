package dev.rustengineer.audit.gate;

import dev.rustengineer.UsageException;
import dev.rustengineer.audit.AuditReport;
import dev.rustengineer.audit.AuditRules;
import dev.rustengineer.audit.AuditRun;
import dev.rustengineer.audit.Auditor;
import dev.rustengineer.audit.Finding;
import dev.rustengineer.audit.notes.SourceNotes;
import dev.rustengineer.audit.notes.Suppression;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The layer between the rules and the outputs that makes the audit usable every day: it adds the bad-suppression
 * findings, fingerprints every finding, keeps those on lines changed since a git ref, and marks each as suppressed
 * (a comment covers it), baseline (the baseline file lists it) or new. It never changes what a rule found.
 */
public final class AuditGate {
    private static final Comparator<GatedFinding> ORDER = Comparator.comparing(GatedFinding::status)
            .thenComparing(GatedFinding::finding);
    private final Suppressions suppressions;

    public AuditGate(AuditRules rules) {
        this.suppressions = new Suppressions(rules);
    }

    /**
     * Audits the tree and gates the findings. Bad input (an unknown ref, a missing baseline) fails before the audit.
     * With {@code updateBaseline}, writes the baseline first and returns the report as gated by it.
     */
    public GatedReport audit(Auditor auditor, Path root, AuditRequest request) {
        if (request.updateBaseline() && request.changedSince() != null) {
            throw new UsageException("--update-baseline records every finding of the tree, so it cannot be combined with --changed-since");
        }
        if (request.updateBaseline() && request.baseline() == null) {
            throw new UsageException("--update-baseline needs the file to write (--baseline FILE)");
        }
        ChangedLines changed = request.changedSince() == null ? null : ChangedLines.since(root, request.changedSince());
        Baseline baseline = request.baseline() == null || request.updateBaseline() ? null : Baseline.read(request.baseline());
        AuditRun run = auditor.run(root, request.deps(), request.cache());
        if (request.updateBaseline()) {
            Baseline written = Baseline.of(apply(run, null, null).results());
            written.write(request.baseline());
            return apply(run, written, null);
        }
        return apply(run, baseline, changed);
    }

    /**
     * @param baseline null for none
     * @param changed null for the whole tree
     */
    public GatedReport apply(AuditRun run, Baseline baseline, ChangedLines changed) {
        Map<String, SourceNotes> notes = run.notes();
        List<Finding> all = new ArrayList<>(run.report().findings());
        all.addAll(suppressions.problems(notes));
        all.sort(null);
        List<String> fingerprints = Fingerprints.of(all, notes);
        Set<String> accepted = baseline == null ? Set.of() : baseline.fingerprints();
        Set<String> seen = new HashSet<>();
        List<GatedFinding> results = new ArrayList<>();
        int outside = 0;
        for (int i = 0; i < all.size(); i++) {
            Finding f = all.get(i);
            String fp = fingerprints.get(i);
            seen.add(fp);
            if (changed != null && !changed.contains(f.file(), f.line())) {
                outside++;
                continue;
            }
            Suppression s = suppressions.covering(f, notes);
            Status status = s != null ? Status.SUPPRESSED : accepted.contains(fp) ? Status.BASELINE : Status.NEW;
            results.add(new GatedFinding(f, fp, status, s));
        }
        results.sort(ORDER);
        int fixed = baseline == null || changed != null ? -1 : (int) accepted.stream().filter(fp -> !seen.contains(fp)).count();
        return new GatedReport(run.report(), results, changed == null ? null : changed.ref(), outside, baseline != null, fixed,
                run.cachedFiles());
    }

    /** A report read without the source (no suppressions, no line contexts): every finding new. */
    public static GatedReport ungated(AuditReport report) {
        List<Finding> all = report.findings().stream().sorted().toList();
        List<String> fingerprints = Fingerprints.of(all, Map.of());
        List<GatedFinding> results = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            results.add(new GatedFinding(all.get(i), fingerprints.get(i), Status.NEW, null));
        }
        return new GatedReport(report, results, null, 0, false, -1, 0);
    }
}
