package dev.rustengineer.cli;

import dev.rustengineer.RustEngineer;
import dev.rustengineer.UsageException;
import dev.rustengineer.Version;
import dev.rustengineer.audit.AuditOutput;
import dev.rustengineer.audit.AuditReport;
import dev.rustengineer.audit.Severity;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "audit",
        header = "Review Rust source for unsafe code, FFI, async hazards and unwraps, with escalations.", mixinStandardHelpOptions = true,
        description = {"Review Rust source the way the spec's Rust engineer would: unsafe code, FFI boundaries, custom executors,",
            "complex lifetimes, blocking calls and std locks in async code, unwraps, queries in loops; escalations to oracle",
            "and handoffs at the end."},
        footer = {"", "Examples:", "  rust-engineer audit ./my-service", "  rust-engineer audit ./my-service --format sarif > audit.sarif",
            "  rust-engineer audit ./my-service --deps", "  rust-engineer audit ./my-service --fail-on high"})
final class AuditCommand implements Callable<Integer> {
    private final Supplier<RustEngineer> facade;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATH", description = "A crate, a workspace, or any directory of Rust files.")
    Path path;

    @Option(names = "--format", defaultValue = "text", description = "text, json or sarif (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--deps", description = "Also audit every dependency (vendor/ or cargo's registry sources), one row per crate.")
    boolean deps;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", description = "Exit 1 when a finding at or above this severity exists (info, low, medium, high, critical).")
    String failOn;

    @Option(names = "--limit", defaultValue = "200", description = "How many findings to list in text and JSON (default: ${DEFAULT-VALUE}; SARIF lists all).")
    int limit;

    AuditCommand(Supplier<RustEngineer> facade) {
        this.facade = facade;
    }

    @Override
    public Integer call() {
        Severity threshold = failOn == null ? null : Severity.parse(failOn);
        if (!format.equals("text") && !format.equals("json") && !format.equals("sarif")) {
            throw new UsageException("unknown --format '" + format + "'; one of: text, json, sarif");
        }
        AuditReport report = facade.get().audit(path, deps);
        var out = spec.commandLine().getOut();
        out.print(switch (format) {
            case "json" -> AuditOutput.json(report, limit).toPrettyString() + System.lineSeparator();
            case "sarif" -> AuditOutput.sarif(report, facade.get().auditRules(), Version.current()).toPrettyString() + System.lineSeparator();
            default -> AuditOutput.text(report, limit);
        });
        out.flush();
        return threshold != null && report.anyAtOrAbove(threshold) ? ExitCode.NEGATIVE : ExitCode.OK;
    }
}
