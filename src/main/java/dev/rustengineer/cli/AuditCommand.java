package dev.rustengineer.cli;

import dev.rustengineer.RustEngineer;
import dev.rustengineer.UsageException;
import dev.rustengineer.Version;
import dev.rustengineer.audit.AuditOutput;
import dev.rustengineer.audit.AuditRules;
import dev.rustengineer.audit.Severity;
import dev.rustengineer.audit.gate.AuditRequest;
import dev.rustengineer.audit.gate.GatedReport;
import dev.rustengineer.audit.gate.Status;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "audit",
        header = "Review Rust source for unsafe code, FFI, async hazards and unwraps, with escalations.", mixinStandardHelpOptions = true,
        description = {"Review Rust source the way the spec's Rust engineer would: unsafe code, FFI boundaries, custom executors,",
            "complex lifetimes, blocking calls and std locks in async code, unwraps, queries in loops; escalations to oracle",
            "and handoffs at the end.",
            "A `// rust-engineer: allow(rule-id) reason` comment on a finding's line or the line above suppresses it.",
            "Exit codes: 0 done (no new finding at or above --fail-on), 1 a new finding at or above --fail-on,",
            "2 bad input (unknown ref, missing baseline, bad option)."},
        footer = {"", "Examples:", "  rust-engineer audit ./my-service", "  rust-engineer audit ./my-service --format sarif > audit.sarif",
            "  rust-engineer audit ./my-service --deps", "  rust-engineer audit ./my-service --fail-on high",
            "  rust-engineer audit ./my-service --disable unwrap-in-production,complex-lifetimes",
            "  rust-engineer audit . --baseline audit-baseline.json --update-baseline",
            "  rust-engineer audit . --baseline audit-baseline.json --changed-since origin/main --fail-on medium --format sarif"})
final class AuditCommand implements Callable<Integer> {
    static final String DEFAULT_BASELINE = "audit-baseline.json";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATH", description = "A crate, a workspace, or any directory of Rust files.")
    Path path;

    @Option(names = "--format", defaultValue = "text", description = "text, json or sarif (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--deps", description = "Also audit every dependency (vendor/ or cargo's registry sources), one row per crate.")
    boolean deps;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Exit 1 when a new finding (not suppressed, not in the baseline, on a changed line with --changed-since) "
                    + "is at or above this severity (info, low, medium, high, critical).")
    String failOn;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Findings whose fingerprints this file lists are not new (written by --update-baseline).")
    Path baseline;

    @Option(names = "--update-baseline",
            description = "Write the baseline (--baseline FILE, default PATH/" + DEFAULT_BASELINE + ") from this run's findings.")
    boolean updateBaseline;

    @Option(names = "--changed-since", paramLabel = "REF",
            description = "Only findings on lines changed since this git ref (committed, staged, unstaged and untracked changes).")
    String changedSince;

    @Option(names = "--no-cache",
            description = "Audit every file afresh and leave no cache (the cache lives in PATH/target/rust-engineer-audit/, "
                    + "or under $RUST_ENGINEER_CACHE).")
    boolean noCache;

    @Option(names = "--disable", paramLabel = "RULE", split = ",",
            description = "Switch these rules off (comma-separated or repeated rule ids; an unknown id is a usage error).")
    List<String> disable = List.of();

    @Option(names = "--limit", defaultValue = "200", description = "How many findings to list in text and JSON (default: ${DEFAULT-VALUE}; SARIF lists all).")
    int limit;

    @Override
    public Integer call() {
        Severity threshold = failOn == null ? null : Severity.parse(failOn);
        if (!format.equals("text") && !format.equals("json") && !format.equals("sarif")) {
            throw new UsageException("unknown --format '" + format + "'; one of: text, json, sarif");
        }
        Path baselineFile = baseline != null ? baseline : updateBaseline ? path.resolve(DEFAULT_BASELINE) : null;
        // Not through the facade instance: building it loads all the knowledge, which the audit does not use.
        AuditRules rules = AuditRules.bundled().withDisabled(disable);
        GatedReport report = RustEngineer.audit(rules, path, new AuditRequest(deps, !noCache, baselineFile, updateBaseline, changedSince));
        if (updateBaseline) {
            spec.commandLine().getErr().println("rust-engineer: wrote " + report.count(Status.BASELINE) + " finding(s) to " + baselineFile);
        }
        var out = spec.commandLine().getOut();
        out.print(switch (format) {
            case "json" -> AuditOutput.json(report, limit).toPrettyString() + System.lineSeparator();
            case "sarif" -> AuditOutput.sarif(report, rules, Version.current()).toPrettyString() + System.lineSeparator();
            default -> AuditOutput.text(report, limit);
        });
        out.flush();
        return threshold != null && report.failsAt(threshold) ? ExitCode.NEGATIVE : ExitCode.OK;
    }
}
