package dev.rustengineer.cli;

import dev.rustengineer.RustEngineer;
import dev.rustengineer.handoff.CheckResult;
import dev.rustengineer.handoff.HandoffException;
import dev.rustengineer.handoff.HandoffOutcome;
import dev.rustengineer.handoff.Handoffs;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "handoff",
        header = "Make the package another specialist takes over from a Rust project, checked with their tools.", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Make the package another specialist takes over from a Rust project,",
            "generated or not (the spec's integration patterns): backend-developer,",
            "database-optimizer, devops-engineer, frontend-developer, cpp-pro, golang-pro",
            "or kubernetes-specialist. Each package has a HANDOFF.md and is checked with",
            "that specialist's own tools where installed: tsc, protoc, psql, promtool,",
            "protoc-gen-go, protoc-gen-go-grpc, go, helm, kubernetes-validate, the wasm",
            "toolchain and node, gcc, g++ and pkg-config."},
        footer = {"", "Examples:", "  rust-engineer handoff ./orders --to devops-engineer",
            "  rust-engineer handoff ./orders --to kubernetes-specialist --out ./k8s-handoff",
            "  rust-engineer handoff ./orders --to database-optimizer --database-url postgres://postgres@127.0.0.1:55432/postgres",
            "  rust-engineer handoff ./orders --to devops-engineer --brief \"REST API for orders, p99 under 5 ms\"",
            "  rust-engineer handoff ./pix --to frontend-developer",
            "  rust-engineer handoff ./cabi --to cpp-pro"})
final class HandoffCommand implements Callable<Integer> {
    private final Supplier<RustEngineer> facade;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT", description = "A Rust project (a folder with Cargo.toml), generated or not.")
    Path project;

    @Option(names = "--to", required = true, paramLabel = "SPECIALIST", description = "Who takes over: backend-developer, database-optimizer, devops-engineer, frontend-developer, cpp-pro, golang-pro or kubernetes-specialist.")
    String to;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the package goes (default: PROJECT/handoff/SPECIALIST).")
    Path out;

    @Option(names = "--force", description = "Write into a non-empty DIR (only the package's files are replaced).")
    boolean force;

    @Option(names = "--brief", paramLabel = "TEXT", description = "The project's brief, for the decisions (default: the README's first paragraph).")
    String brief;

    @Option(names = "--target-dir", paramLabel = "DIR", description = "cargo's target directory, when the package needs the built service (backend-developer).")
    Path targetDir;

    @Option(names = "--database-url", paramLabel = "URL", description = "A PostgreSQL server for database-optimizer's EXPLAIN ANALYZE (a scratch database is made there and dropped; default: DATABASE_URL when it is postgres://).")
    String databaseUrl;

    @Option(names = "--no-check", negatable = false, description = "Do not run the specialist's tools on the package.")
    boolean noCheck;

    HandoffCommand(Supplier<RustEngineer> facade) {
        this.facade = facade;
    }

    @Override
    public Integer call() {
        HandoffOutcome outcome;
        try {
            outcome = facade.get().handoff(new Handoffs.Request(project, to, out, force, brief, !noCheck, targetDir, databaseUrl));
        } catch (HandoffException e) {
            spec.commandLine().getErr().println("rust-engineer: " + Main.oneLine(e.getMessage()));
            return ExitCode.NEGATIVE;
        }
        var stdout = spec.commandLine().getOut();
        if (outcome instanceof HandoffOutcome.Lacking lacking) {
            var err = spec.commandLine().getErr();
            err.println("rust-engineer: " + lacking.project() + " lacks what a handoff to " + lacking.specialist() + " needs:");
            lacking.missing().forEach(m -> err.println("  - " + m));
            err.flush();
            return ExitCode.NEGATIVE;
        }
        var written = (HandoffOutcome.Written) outcome;
        stdout.println("Handoff to " + written.specialist() + ": wrote " + written.files().size() + " files to " + written.location());
        written.files().forEach(f -> stdout.println("  " + f));
        if (!written.checks().isEmpty()) {
            stdout.println("Checks");
            for (CheckResult r : written.checks()) {
                stdout.printf(Locale.ROOT, "  %-7s %s (%.1f s): %s%n", r.status().name().toLowerCase(Locale.ROOT), r.check().name(), r.seconds(),
                        r.check().script());
                if (r.status() != CheckResult.Status.PASSED) {
                    r.output().lines().forEach(l -> stdout.println("          " + l));
                }
            }
        }
        stdout.println("Next: read " + written.location().resolve("HANDOFF.md"));
        stdout.flush();
        return written.checksPassed() ? ExitCode.OK : ExitCode.NEGATIVE;
    }
}
