package dev.rustengineer.cli;

import dev.rustengineer.RustEngineer;
import dev.rustengineer.UsageException;
import dev.rustengineer.advise.Advice;
import dev.rustengineer.advise.Decision;
import dev.rustengineer.blueprint.Blueprint;
import dev.rustengineer.blueprint.NewOptions;
import dev.rustengineer.blueprint.Offer;
import dev.rustengineer.blueprint.ProjectKind;
import dev.rustengineer.brief.Brief;
import dev.rustengineer.brief.Embedder;
import dev.rustengineer.generate.Destination;
import dev.rustengineer.generate.NewProjectOutcome;
import dev.rustengineer.generate.ProjectWriter;
import dev.rustengineer.verify.ConsoleProgress;
import dev.rustengineer.verify.ReportText;
import dev.rustengineer.verify.VerificationReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

@Command(name = "new",
        header = "Generate a production-grade Rust project of any offered kind from a brief and flags.", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generate a production-grade Rust project from a brief: advise decides, flags override, the "
            + "blueprint becomes files. Offered (kind, web framework, databases), each combination proven in CI:"},
        footer = {"", "Examples:",
            "  rust-engineer new orders --brief \"REST API for orders, p99 under 5 ms\" --verify",
            "  rust-engineer new orders --web axum --db postgres --with openapi,metrics --dir ./svc",
            "  rust-engineer new orders --zip orders.zip"})
final class NewCommand implements Callable<Integer> {
    private final Supplier<RustEngineer> facade;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The cargo package name (also the directory's).")
    String name;

    @Option(names = "--brief", paramLabel = "TEXT", description = "The brief in plain words.")
    String brief;

    @Option(names = "--brief-file", paramLabel = "FILE", description = "A YAML or JSON brief.")
    Path briefFile;

    @Option(names = "--kind", paramLabel = "KIND", completionCandidates = KindCandidates.class,
            description = "Override the kind of project: ${COMPLETION-CANDIDATES} (default: from the brief, else service).")
    String kind;

    /** The kinds `--kind` takes, for its help and for shell completion: every kind, from the enum itself. */
    static final class KindCandidates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(ProjectKind.values()).map(ProjectKind::id).iterator();
        }
    }

    @Option(names = "--web", paramLabel = "FRAMEWORK", description = "Override the web framework of a service (see the list above).")
    String web;

    @Option(names = "--db", paramLabel = "ENGINE", description = "Override the database engine: sqlite (default) or postgres, where the kind has one.")
    String db;

    @Option(names = "--db-layer", paramLabel = "LAYER", description = "Override the database layer (see the list above; default sqlx).")
    String dbLayer;

    @Option(names = "--with", split = ",", paramLabel = "FEATURE", description = "Optional features to switch on (see the list above, e.g. websocket).")
    List<String> with = List.of();

    @Option(names = "--resource", paramLabel = "NAME", description = "The REST resource (default: from the brief, else items).")
    String resource;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = ".", description = "Where the project directory goes (default: the current one).")
    Path dir;

    @Option(names = "--zip", paramLabel = "FILE", description = "Write a zip instead of a directory.")
    Path zip;

    @Option(names = "--force", description = "Write into a non-empty directory (only generated files are replaced) or over an existing zip.")
    boolean force;

    @Option(names = "--force-rust", description = "Generate even when the advice routes the task away from Rust.")
    boolean forceRust;

    @Option(names = "--verify", description = "Prove the project with cargo right after writing it.")
    boolean verify;

    @Mixin
    VerifyOptionsMixin verifyOptions;

    /** Lists what `new` offers right under the description, read from the template sets when help is shown. */
    static void addOffersSection(CommandLine cl, Supplier<RustEngineer> facade) {
        var sections = new ArrayList<>(cl.getHelpSectionKeys());
        sections.add(sections.indexOf(UsageMessageSpec.SECTION_KEY_DESCRIPTION) + 1, "offers");
        cl.getHelpSectionMap().put("offers", help -> String.join(System.lineSeparator(),
                Offer.describe(facade.get().offers()).stream().map(l -> "  " + l).toList())
                + System.lineSeparator() + System.lineSeparator());
        cl.setHelpSectionKeys(sections);
    }

    NewCommand(Supplier<RustEngineer> facade) {
        this.facade = facade;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (brief != null) {
            // The embedding model loads on its own thread while the knowledge and templates load.
            Embedder.shared().preload();
        }
        RustEngineer re = facade.get();
        if (zip != null && verify) {
            throw new UsageException("--verify needs a directory to build in; drop --zip, or verify after unzipping");
        }
        Brief b = brief == null ? Brief.empty() : re.readText(brief);
        if (briefFile != null) {
            b = b.overlay(re.readBriefFile(briefFile));
        }
        Destination destination = zip != null ? new Destination.Zip(zip, force) : new Destination.Directory(dir, force);
        NewProjectOutcome outcome = re.newProject(b, new NewOptions(name, kind, web, db, dbLayer, with, resource, forceRust), destination);
        printDecisions(out, outcome.advice());
        if (!(outcome instanceof NewProjectOutcome.Written done)) {
            Advice a = outcome.advice();
            out.println();
            out.println("Not generating: this task goes to " + a.route() + " (" + String.join(", ", a.languages()) + "), not rust-engineer.");
            a.decisions().stream().map(d -> "  " + d.framework() + ": " + d.rationale()).forEach(out::println);
            out.println("Use --force-rust to generate the Rust project anyway.");
            out.flush();
            return ExitCode.NEGATIVE;
        }
        Blueprint blueprint = done.blueprint();
        ProjectWriter.Written written = done.written();
        blueprint.notes().forEach(n -> out.println("note: " + n));
        out.println();
        out.println("Wrote " + written.files().size() + " files to " + written.location() + " (" + blueprint.summary() + ")");
        if (written.formatProblem() != null) {
            out.println("warning: " + written.formatProblem());
        }
        if (!verify) {
            out.println(zip != null
                    ? "Next: unzip " + written.location() + " && cd " + blueprint.name().name() + " && cargo test"
                    : "Next: cd " + written.location() + " && cargo test   (or: rust-engineer verify " + written.location() + ")");
            out.flush();
            return ExitCode.OK;
        }
        out.println();
        VerificationReport report = re.verify(written.location(), verifyOptions.options(),
                new ConsoleProgress(out, VerifyOptionsMixin.terminal()));
        out.print(ReportText.render(report));
        out.flush();
        return report.passed() ? ExitCode.OK : ExitCode.NEGATIVE;
    }

    private static void printDecisions(PrintWriter out, Advice a) {
        out.println("Decisions");
        for (Decision d : a.decisions()) {
            out.println("  " + d.framework() + " -> " + d.outcome() + ": " + d.rationale());
            d.advisories().forEach(adv -> out.println("    advisory: " + adv));
        }
        a.questions().forEach(q -> out.println("  assumed: " + q));
        a.notes().forEach(n -> out.println("  note: " + n));
    }
}
