package dev.rustengineer.handoff;

import dev.rustengineer.UsageException;
import dev.rustengineer.advise.Advice;
import dev.rustengineer.audit.AuditReport;
import dev.rustengineer.brief.Brief;
import dev.rustengineer.generate.GeneratedProject;
import dev.rustengineer.generate.ProjectWriter;
import dev.rustengineer.knowledge.IntegrationPattern;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The handoff pipeline: read the project, advise on its brief, let the specialist say what is missing or make
 * its package, write the package atomically (staged, then moved: nothing already there is replaced without
 * --force, and then only the package's own files), and run the receiving tools' checks on it.
 */
public final class Handoffs {

    /** What the caller asked for. @param brief null: the README's description is the brief */
    public record Request(Path project, String to, Path out, boolean force, String brief, boolean check, Path cargoTargetDir,
            String databaseUrl) {
        public Request(Path project, String to, Path out, boolean force, String brief, boolean check) {
            this(project, to, out, force, brief, check, null, null);
        }
    }

    private final List<IntegrationPattern> patterns;
    private final Function<Brief, Advice> advise;
    private final Function<String, Brief> readText;
    private final Function<Path, AuditReport> audit;
    private final ProjectWriter writer;
    private final CheckRunner checks;

    public Handoffs(List<IntegrationPattern> patterns, Function<String, Brief> readText, Function<Brief, Advice> advise,
            Function<Path, AuditReport> audit, ProjectWriter writer, CheckRunner checks) {
        this.patterns = List.copyOf(patterns);
        this.readText = readText;
        this.advise = advise;
        this.audit = audit;
        this.writer = writer;
        this.checks = checks;
    }

    /** The specialists a package can be made for now, in the spec's order. */
    public List<String> offered() {
        return patterns.stream().map(IntegrationPattern::to).filter(id -> Specialist.byId(id).isPresent()).toList();
    }

    public HandoffOutcome handoff(Request r) {
        return handoff(r, HandoffProgress.NONE);
    }

    /** The same, telling {@code progress} as each stage and each check starts and ends. */
    public HandoffOutcome handoff(Request r, HandoffProgress progress) {
        IntegrationPattern pattern = patterns.stream().filter(p -> p.to().equals(r.to())).findFirst()
                .orElseThrow(() -> new UsageException("unknown specialist '" + r.to() + "'; one of: " + String.join(", ", offered())));
        Specialist specialist = Specialist.byId(r.to()).orElseThrow(() -> new UsageException("a handoff to " + r.to()
                + " is not built; one of: " + String.join(", ", offered())));
        RustProject project = RustProject.read(r.project());
        HandoffContext context = context(project, pattern, r.brief(), r.cargoTargetDir(), postgres(r.databaseUrl()));
        List<String> missing = specialist.lacking(context);
        if (!missing.isEmpty()) {
            return new HandoffOutcome.Lacking(specialist.id(), project.root(), missing);
        }
        progress.packageStarted(specialist.id());
        HandoffPackage pkg = specialist.build(context);
        Path out = r.out() != null ? r.out() : project.root().resolve("handoff").resolve(specialist.id());
        var written = writer.toDirectory(new GeneratedProject(specialist.id(), pkg.files()), out, r.force());
        List<Check> toRun = r.check() ? pkg.checks() : List.of();
        progress.packageWritten(written.files().size(), toRun.size());
        List<CheckResult> results = new ArrayList<>();
        for (Check c : toRun) {
            progress.checkStarted(c);
            CheckResult result = checks.run(written.location(), c);
            results.add(result);
            progress.checkFinished(result);
            if (Thread.currentThread().isInterrupted()) {
                break; // cancelled: the check running was stopped with its processes; the rest are not started
            }
        }
        return new HandoffOutcome.Written(specialist.id(), written.location(), written.files(), results);
    }

    HandoffContext context(RustProject project, IntegrationPattern pattern, String briefText, Path cargoTargetDir, String databaseUrl) {
        String brief = briefText != null && !briefText.isBlank() ? briefText : project.description();
        if (brief.isBlank()) {
            brief = "a Rust service named " + project.name();
        }
        Advice advice = advise.apply(readText.apply(brief));
        Supplier<AuditReport> report = memo(() -> audit.apply(project.root()));
        return new HandoffContext(project, brief, advice, pattern, HandoffKnowledge.bundled(), generatedDecisions(project.readme()), report, cargoTargetDir,
                databaseUrl);
    }

    /** The PostgreSQL server given, else DATABASE_URL when it names one; null when there is none. */
    private static String postgres(String given) {
        String url = given != null ? given : System.getenv("DATABASE_URL");
        if (url == null || url.isBlank()) {
            return null;
        }
        if (!url.startsWith("postgres://") && !url.startsWith("postgresql://")) {
            if (given != null) {
                throw new UsageException("--database-url must be a postgres:// URL, not '" + url.replaceAll("//[^@/]*@", "//***@") + "'");
            }
            return null;
        }
        return url;
    }

    /** The "- id: outcome (rationale)" lines under a generated README's "from these decisions:". */
    static List<String> generatedDecisions(String readme) {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String line : readme.lines().toList()) {
            if (line.contains("from these decisions:")) {
                in = true;
            } else if (in && line.startsWith("- ")) {
                out.add(line.substring(2).strip());
            } else if (in && !line.isBlank()) {
                break;
            }
        }
        return out;
    }

    private static <T> Supplier<T> memo(Supplier<T> s) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = s.get();
                }
                return value;
            }
        };
    }
}
