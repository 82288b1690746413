package dev.rustengineer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rustengineer.advise.Advice;
import dev.rustengineer.advise.Advisor;
import dev.rustengineer.audit.AuditRules;
import dev.rustengineer.audit.Auditor;
import dev.rustengineer.audit.gate.AuditGate;
import dev.rustengineer.audit.gate.AuditRequest;
import dev.rustengineer.audit.gate.GatedReport;
import dev.rustengineer.blueprint.Blueprint;
import dev.rustengineer.blueprint.BlueprintPlanner;
import dev.rustengineer.blueprint.NewOptions;
import dev.rustengineer.blueprint.Offer;
import dev.rustengineer.blueprint.Plan;
import dev.rustengineer.blueprint.ProjectKind;
import dev.rustengineer.brief.Brief;
import dev.rustengineer.brief.BriefModel;
import dev.rustengineer.brief.Evidence;
import dev.rustengineer.brief.Field;
import dev.rustengineer.brief.StructuredBriefReader;
import dev.rustengineer.brief.TextBriefReader;
import dev.rustengineer.brief.corpus.BriefCorpus;
import dev.rustengineer.brief.corpus.CorpusBrief;
import dev.rustengineer.catalogue.CargoLockRecorder;
import dev.rustengineer.catalogue.CatalogueRefresh;
import dev.rustengineer.catalogue.Proposal;
import dev.rustengineer.catalogue.RefreshReport;
import dev.rustengineer.catalogue.Repository;
import dev.rustengineer.catalogue.RepositoryRefresh;
import dev.rustengineer.catalogue.SparseIndex;
import dev.rustengineer.doctor.Doctor;
import dev.rustengineer.evaluate.BriefEvaluation;
import dev.rustengineer.evaluate.CrossValidation;
import dev.rustengineer.evaluate.Score;
import dev.rustengineer.generate.Destination;
import dev.rustengineer.generate.GeneratedProject;
import dev.rustengineer.generate.NewProjectOutcome;
import dev.rustengineer.generate.ProjectGenerator;
import dev.rustengineer.generate.ProjectWriter;
import dev.rustengineer.generate.RustFormatter;
import dev.rustengineer.generate.TemplateSets;
import dev.rustengineer.handoff.CheckRunner;
import dev.rustengineer.handoff.HandoffOutcome;
import dev.rustengineer.handoff.HandoffProgress;
import dev.rustengineer.handoff.Handoffs;
import dev.rustengineer.knowledge.Knowledge;
import dev.rustengineer.knowledge.KnowledgeLoader;
import dev.rustengineer.upgrade.UpgradeOutcome;
import dev.rustengineer.upgrade.UpgradePlan;
import dev.rustengineer.upgrade.UpgradeRequest;
import dev.rustengineer.upgrade.Upgrader;
import dev.rustengineer.verify.ProgressListener;
import dev.rustengineer.verify.VerificationReport;
import dev.rustengineer.verify.Verifier;
import dev.rustengineer.verify.VerifyOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The one facade every front door (CLI, web, MCP) calls. It holds the loaded knowledge and wires the pipeline:
 * brief -> advice -> blueprint -> files -> verification -> handoff. No door makes a decision of its own.
 */
public final class RustEngineer {
    private static volatile RustEngineer shared;

    private final Knowledge knowledge;
    private final Advisor advisor;
    private final TextBriefReader textReader;
    private final StructuredBriefReader structuredReader;
    private final TemplateSets templates;
    private volatile AuditRules auditRules;

    public RustEngineer(Knowledge knowledge) {
        this.knowledge = knowledge;
        // Validated at start-up with the knowledge: a broken manifest names its file and line before any request.
        this.templates = TemplateSets.bundled(knowledge.crates());
        this.advisor = new Advisor(knowledge);
        this.textReader = new TextBriefReader(knowledge);
        this.structuredReader = new StructuredBriefReader(textReader);
    }

    /** The process-wide instance, loading and validating the bundled knowledge on first use. */
    public static RustEngineer shared() {
        RustEngineer r = shared;
        if (r == null) {
            synchronized (RustEngineer.class) {
                r = shared;
                if (r == null) {
                    r = new RustEngineer(KnowledgeLoader.loadBundled());
                    shared = r;
                }
            }
        }
        return r;
    }

    public Knowledge knowledge() {
        return knowledge;
    }

    /** Turns free text into a brief; every field it sets names the words that set it. */
    public Brief readText(String text) {
        return textReader.read(text);
    }

    /** Reads a YAML or JSON brief file (fields by their snake_case keys, plus optional {@code text}). */
    public Brief readBriefFile(Path file) {
        return structuredReader.readFile(file);
    }

    /** Reads one JSON object as a brief (a batch line, a REST body, MCP arguments). */
    public Brief readBriefJson(String json, String source) {
        return structuredReader.readJson(json, source);
    }

    /** Reads an already-parsed JSON/YAML tree as a brief. */
    public Brief readBrief(JsonNode node, String source) {
        return structuredReader.read(node, source, Evidence::file);
    }

    /**
     * Advice plus the user's flags, made into what to generate (or the news that the task belongs elsewhere).
     * A brief that does not say what kind of project it is gets the kind `--kind` names, else a backend service,
     * with evidence saying so (every door that generates goes through here).
     */
    public Plan plan(Brief brief, NewOptions options) {
        return planner().plan(advise(withKind(brief, options.kind())), options);
    }

    /** What `new` offers: every template set's kind, framework, databases and features, each proven in CI. */
    public List<Offer> offers() {
        return templates.offers();
    }

    /** The template sets, validated at start-up. */
    public TemplateSets templates() {
        return templates;
    }

    private BlueprintPlanner planner() {
        return new BlueprintPlanner(knowledge.crates(), templates.offers(), knowledge.contradictions());
    }

    /**
     * The brief with what the kind means (see {@link ProjectKind#briefFacts()}) filled in
     * where the brief leaves it open; without --kind, a brief that names no kind is a backend service.
     */
    private static Brief withKind(Brief brief, String kindFlag) {
        var kind = kindFlag == null ? null : ProjectKind.byId(kindFlag).orElse(null);
        if (kind != null && brief.evidence().values().stream().anyMatch(e -> "default".equals(e.source()))) {
            // A kind named with --kind is the user's word; a reader's guess for a field it could not read yields to it.
            Brief.Builder without = brief.toBuilder();
            brief.evidence().forEach((field, why) -> {
                if ("default".equals(why.source())) {
                    without.remove(field);
                }
            });
            brief = without.build();
        }
        Brief.Builder extra = Brief.builder();
        boolean changed = false;
        var facts = (kind != null ? kind : ProjectKind.SERVICE).briefFacts();
        for (var fact : facts.entrySet()) {
            if (kind == null && fact.getKey() != Field.KIND || brief.has(fact.getKey())) {
                continue;
            }
            extra.set(fact.getKey(), fact.getValue(), kind != null
                    ? Evidence.flag("--kind " + kind.id())
                    : new Evidence("default", "new generates services", null));
            changed = true;
        }
        return changed ? brief.overlay(extra.build()) : brief;
    }

    /**
     * The whole of `new` short of verification: plan, generate and write the project (atomically, or as a zip).
     * Front doors format the outcome; they decide nothing.
     */
    public NewProjectOutcome newProject(Brief brief, NewOptions options,
            Destination destination) {
        var plan = plan(brief, options);
        if (!(plan instanceof Plan.Generate g)) {
            return new NewProjectOutcome.RoutedAway(plan.advice());
        }
        var project = generate(g.blueprint());
        var written = switch (destination) {
            case Destination.Directory d ->
                    writer().toDirectory(project, d.parent().resolve(g.blueprint().name().name()), d.force());
            case Destination.Zip z -> writer().toZip(project, z.file(), z.force());
        };
        return new NewProjectOutcome.Written(g.advice(), g.blueprint(), written);
    }

    /** Renders a blueprint's files in memory (pure: the same blueprint gives the same files). */
    public GeneratedProject generate(Blueprint blueprint) {
        return new ProjectGenerator(templates).generate(blueprint);
    }

    /** Writes, formats and places generated projects (a directory, a zip file, or a stream). */
    public ProjectWriter writer() {
        return new ProjectWriter(new RustFormatter());
    }

    /**
     * Carries a generated project forward: regenerates its recorded blueprint (changed as asked) with this
     * generator and merges the difference into the user's files; shown, proven or applied as the request says.
     */
    public UpgradeOutcome upgrade(UpgradeRequest request, ProgressListener listener) {
        return upgrade(request, plan -> {}, listener);
    }

    /** As {@link #upgrade(UpgradeRequest, ProgressListener)}, telling {@code planned} the plan before cargo runs. */
    public UpgradeOutcome upgrade(UpgradeRequest request, Consumer<UpgradePlan> planned, ProgressListener listener) {
        return upgrader().upgrade(request, planned, listener);
    }

    /** The upgrade pipeline, wired to this facade's templates, catalogue, generator, writer and verifier. */
    public Upgrader upgrader() {
        return new Upgrader(templates, knowledge.crates(), b -> writer().formattedAsWritten(generate(b)), this::verify);
    }

    /**
     * For every pinned crate of the catalogue, the newest release generated projects can use (not yanked, not a
     * pre-release, building on the catalogue's MSRV), read from a crates index over cargo's sparse protocol.
     */
    public List<Proposal> refreshCatalogue(URI index) {
        return CatalogueRefresh.propose(knowledge.crates(), templates, new SparseIndex(index)::releases);
    }

    /**
     * `catalogue refresh` in rust-engineer's repository: proposes the new versions from the crates index, and
     * (unless {@code write} is false) writes them into its catalogue and regenerates its golden files; the
     * report says which template sets and recorded locks they change; with {@code recordLocks}, cargo records
     * the stale locks again first.
     */
    public RefreshReport refreshRepository(Repository repository, URI index, boolean breaking, boolean write, Set<String> hold,
            boolean recordLocks) {
        return RepositoryRefresh.run(repository, new SparseIndex(index)::releases, breaking, write, LocalDate.now(ZoneOffset.UTC).toString(),
                hold, recordLocks ? new CargoLockRecorder() : null);
    }

    /** Proves a Rust project with cargo: fmt, clippy -D warnings, build, test. */
    public VerificationReport verify(Path project,
            VerifyOptions options, ProgressListener listener) {
        return new Verifier().verify(project, options, listener);
    }

    /**
     * Reviews Rust source: findings by rule, escalations and handoffs; with {@code deps}, one row per dependency.
     * Suppression comments apply; there is no cache, baseline or git scope (the web door's and MCP tool's audit).
     */
    public GatedReport audit(Path root, boolean deps) {
        return audit(root, AuditRequest.plain(deps));
    }

    /** Reviews Rust source with what a CI job asks for: a cache, a baseline, only the lines changed since a git ref. */
    public GatedReport audit(Path root, AuditRequest request) {
        return audit(auditRules(), root, request);
    }

    /**
     * The audit needs none of the loaded knowledge, so the CLI's `audit` calls this without building the facade:
     * loading and validating the knowledge took more CPU than everything else in a cached audit of 1.8 million
     * lines (BENCHMARKS.md, audit on real code).
     */
    public static GatedReport audit(AuditRules rules, Path root, AuditRequest request) {
        return new AuditGate(rules).audit(new Auditor(rules), root, request);
    }

    /** The audit's rule catalogue (ids, severities, escalations, handoffs). */
    public AuditRules auditRules() {
        // Loaded and validated once per facade, on first use: verify and advise never pay for it.
        var r = auditRules;
        if (r == null) {
            synchronized (this) {
                r = auditRules;
                if (r == null) {
                    r = AuditRules.bundled();
                    auditRules = r;
                }
            }
        }
        return r;
    }

    /**
     * Makes the package one receiving specialist of the spec's integration patterns needs from a Rust project
     * (generated or not), writes it atomically and runs that specialist's tools on it where they are installed.
     */
    public HandoffOutcome handoff(Handoffs.Request request) {
        return handoffs().handoff(request);
    }

    /** The same, with each stage and check reported to {@code progress} as it starts and ends (MCP progress). */
    public HandoffOutcome handoff(Handoffs.Request request, HandoffProgress progress) {
        return handoffs().handoff(request, progress);
    }

    /** The handoff pipeline, wired to this facade's advice, audit and writer. */
    public Handoffs handoffs() {
        return new Handoffs(knowledge.patterns(), this::readText, this::advise, root -> audit(root, false).effective(),
                writer(), new CheckRunner());
    }

    /** Which of the tools rust-engineer drives are here, with their versions, and what is missing. */
    public Doctor.Report doctor() {
        return new Doctor().run();
    }

    /** Scores advise on one split of the labelled brief corpus, read by the bundled model. */
    public Score evaluateBriefs(CorpusBrief.Split split) {
        BriefCorpus corpus = BriefCorpus.bundled();
        if (split == CorpusBrief.Split.DEV) {
            // The bundled model has seen dev; dev is read by one trained on train alone.
            return CrossValidation.dev(knowledge, corpus.split(CorpusBrief.Split.TRAIN), corpus.split(CorpusBrief.Split.DEV),
                    textReader.embedder());
        }
        return BriefEvaluation.score(corpus.split(split), text -> advise(readText(text)));
    }

    /** K-fold cross-validation of the brief reader over the whole corpus (each fold read by a model trained on the rest). */
    public Score crossValidateBriefs(int folds) {
        return crossValidateBriefs(folds, false);
    }

    /**
     * As {@link #crossValidateBriefs(int)}; with {@code tuningOnly} over the train and dev splits alone, so a
     * reader can be tuned by cross-validation without the test split ever being read.
     */
    public Score crossValidateBriefs(int folds, boolean tuningOnly) {
        BriefCorpus corpus = BriefCorpus.bundled();
        List<CorpusBrief> briefs = tuningOnly ? corpus.split(CorpusBrief.Split.TRAIN, CorpusBrief.Split.DEV) : corpus.all();
        return CrossValidation.run(knowledge, briefs, folds, BriefModel.SEED, textReader.embedder());
    }

    /** The text reader (its model and embedder), for evaluations and benchmarks. */
    public TextBriefReader textReader() {
        return textReader;
    }

    /** Walks the spec's trees and tables for this brief. */
    public Advice advise(Brief brief) {
        return advisor.advise(brief);
    }
}
