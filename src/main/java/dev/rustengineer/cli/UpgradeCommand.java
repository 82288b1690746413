package dev.rustengineer.cli;

import dev.rustengineer.RustEngineer;
import dev.rustengineer.upgrade.BlueprintChange;
import dev.rustengineer.upgrade.FileChange;
import dev.rustengineer.upgrade.UpgradeOutcome;
import dev.rustengineer.upgrade.UpgradePlan;
import dev.rustengineer.upgrade.UpgradeRequest;
import dev.rustengineer.verify.ConsoleProgress;
import dev.rustengineer.verify.ReportText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "upgrade", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Carry a generated project forward: regenerate its recorded choices (.rust-engineer/project.toml) "
            + "with this rust-engineer and merge the difference into your files, three ways per file against the files "
            + "as generated then (.rust-engineer/base.zip). Files you never changed are updated, your changes are kept, "
            + "Cargo.toml is merged by key, and where both changed the same lines git's conflict markers are written and listed.",
            "Exit 0 when upgraded (or up to date), 1 when conflicts were written or --verify failed (nothing written then), "
            + "2 when the input is wrong."},
        footer = {"", "Examples:",
            "  rust-engineer upgrade orders --dry-run",
            "  rust-engineer upgrade orders --verify",
            "  rust-engineer upgrade orders --with websocket",
            "  rust-engineer upgrade orders --db postgres",
            "  rust-engineer upgrade orders --web actix-web --dry-run"})
final class UpgradeCommand implements Callable<Integer> {
    private final Supplier<RustEngineer> facade;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = ".",
            description = "The generated project's directory (default: the current one).")
    Path dir;

    @Option(names = "--dry-run", description = "Print the plan and the unified diff of what would change; write nothing.")
    boolean dryRun;

    @Option(names = "--allow-dirty", description = "Upgrade even though the project's git work tree has uncommitted changes.")
    boolean allowDirty;

    @Option(names = "--with", split = ",", paramLabel = "FEATURE", description = "Switch on an optional feature the project's set offers (e.g. websocket).")
    List<String> with = List.of();

    @Option(names = "--without", split = ",", paramLabel = "FEATURE", description = "Switch off an optional feature the project has.")
    List<String> without = List.of();

    @Option(names = "--db", paramLabel = "ENGINE", description = "Switch the database engine (e.g. sqlite to postgres).")
    String db;

    @Option(names = "--db-layer", paramLabel = "LAYER", description = "Switch the database layer (sqlx or diesel, where the set offers both).")
    String dbLayer;

    @Option(names = "--web", paramLabel = "FRAMEWORK", description = "Switch a service's web framework (another template set, e.g. axum to actix-web).")
    String web;

    @Option(names = "--verify", description = "Prove the upgraded project with cargo on a copy first; write nothing unless it passes.")
    boolean verify;

    @Mixin
    VerifyOptionsMixin verifyOptions;

    UpgradeCommand(Supplier<RustEngineer> facade) {
        this.facade = facade;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        var request = new UpgradeRequest(dir, new BlueprintChange(with, without, db, dbLayer, web), dryRun, allowDirty,
                verify ? verifyOptions.options() : null);
        UpgradeOutcome outcome = facade.get().upgrade(request, p -> printPlan(out, p),
                new ConsoleProgress(out, VerifyOptionsMixin.terminal()));
        UpgradePlan plan = outcome.plan();
        if (outcome instanceof UpgradeOutcome.UpToDate) {
            out.println(plan.dir() + " is up to date with rust-engineer " + plan.toVersion() + ": nothing to do.");
            out.flush();
            return ExitCode.OK;
        }
        int code = switch (outcome) {
            case UpgradeOutcome.DryRun d -> {
                out.println();
                out.println("Dry run: nothing written. What upgrade would write:");
                out.print(plan.diff());
                yield ExitCode.OK;
            }
            case UpgradeOutcome.NotWritten n -> {
                if (n.proof() != null) {
                    out.println();
                    out.print(ReportText.render(n.proof()));
                }
                out.println("Nothing was written: " + n.reason() + ".");
                yield ExitCode.NEGATIVE;
            }
            case UpgradeOutcome.Written w -> written(out, w);
            case UpgradeOutcome.UpToDate u -> ExitCode.OK;
        };
        out.flush();
        return code;
    }

    private static int written(PrintWriter out, UpgradeOutcome.Written w) {
        UpgradePlan plan = w.plan();
        if (w.proof() != null) {
            out.println();
            out.print(ReportText.render(w.proof()));
        }
        long wrote = plan.changes().stream().filter(FileChange::writes).count();
        long removed = plan.changes().stream().filter(FileChange::deletes).count();
        out.println();
        out.println("Upgraded " + plan.dir() + ": " + wrote + " file(s) written, " + removed + " removed, record and merge base "
                + "updated" + (w.proof() != null ? ", proven with cargo" : "") + ".");
        List<FileChange> conflicts = plan.conflicts();
        if (conflicts.isEmpty()) {
            out.println("Review with `git diff`, then commit.");
            return ExitCode.OK;
        }
        out.println(conflicts.size() + " file(s) need you:");
        conflicts.forEach(c -> out.println("  " + c.path() + ": " + c.action().why()));
        out.println("Resolve the markers (<<<<<<< yours ... >>>>>>> rust-engineer " + plan.toVersion() + "), then commit.");
        return ExitCode.NEGATIVE;
    }

    private static void printPlan(PrintWriter out, UpgradePlan plan) {
        out.println("Upgrading " + plan.dir() + " (" + plan.to().summary() + ") from rust-engineer " + plan.from().generator()
                + " to " + plan.toVersion());
        if (!plan.from().blueprint().summary().equals(plan.to().summary())) {
            out.println("  choices: " + plan.from().blueprint().summary() + " -> " + plan.to().summary());
        }
        for (FileChange c : plan.changes()) {
            String regions = c.conflicts() > 1 && c.action() == FileChange.Action.CONFLICT ? " (" + c.conflicts() + " regions)" : "";
            out.println(String.format("  %-14s %-44s %s%s", c.action().label(), c.path(), c.action().why(), regions));
        }
        if (plan.recordChanged()) {
            out.println(String.format("  %-14s %-44s %s", "record", ".rust-engineer/", "project.toml and base.zip: the new merge base"));
        }
        out.flush();
    }
}
