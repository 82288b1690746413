package dev.rustengineer;

import dev.rustengineer.advise.Advice;
import dev.rustengineer.advise.Advisor;
import dev.rustengineer.brief.Brief;
import dev.rustengineer.brief.StructuredBriefReader;
import dev.rustengineer.brief.BriefModel;
import dev.rustengineer.brief.TextBriefReader;
import dev.rustengineer.brief.corpus.BriefCorpus;
import dev.rustengineer.brief.corpus.CorpusBrief;
import dev.rustengineer.evaluate.BriefEvaluation;
import dev.rustengineer.evaluate.CrossValidation;
import dev.rustengineer.evaluate.Score;
import dev.rustengineer.knowledge.Knowledge;
import dev.rustengineer.knowledge.KnowledgeLoader;

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
    private final dev.rustengineer.generate.TemplateSets templates;
    private volatile dev.rustengineer.audit.AuditRules auditRules;

    public RustEngineer(Knowledge knowledge) {
        this.knowledge = knowledge;
        // Validated at start-up with the knowledge: a broken manifest names its file and line before any request.
        this.templates = dev.rustengineer.generate.TemplateSets.bundled(knowledge.crates());
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
    public Brief readBriefFile(java.nio.file.Path file) {
        return structuredReader.readFile(file);
    }

    /** Reads one JSON object as a brief (a batch line, a REST body, MCP arguments). */
    public Brief readBriefJson(String json, String source) {
        return structuredReader.readJson(json, source);
    }

    /** Reads an already-parsed JSON/YAML tree as a brief. */
    public Brief readBrief(com.fasterxml.jackson.databind.JsonNode node, String source) {
        return structuredReader.read(node, source, dev.rustengineer.brief.Evidence::file);
    }

    /**
     * Advice plus the user's flags, made into what to generate (or the news that the task belongs elsewhere).
     * A brief that does not say what kind of project it is gets the kind `--kind` names, else a backend service,
     * with evidence saying so (every door that generates goes through here).
     */
    public dev.rustengineer.blueprint.Plan plan(Brief brief, dev.rustengineer.blueprint.NewOptions options) {
        return planner().plan(advise(withKind(brief, options.kind())), options);
    }

    /** What `new` offers: every template set's kind, framework, databases and features, each proven in CI. */
    public java.util.List<dev.rustengineer.blueprint.Offer> offers() {
        return templates.offers();
    }

    /** The template sets, validated at start-up. */
    public dev.rustengineer.generate.TemplateSets templates() {
        return templates;
    }

    private dev.rustengineer.blueprint.BlueprintPlanner planner() {
        return new dev.rustengineer.blueprint.BlueprintPlanner(knowledge.crates(), templates.offers(), knowledge.contradictions());
    }

    /**
     * The brief with what the kind means (see {@link dev.rustengineer.blueprint.ProjectKind#briefFacts()}) filled in
     * where the brief leaves it open; without --kind, a brief that names no kind is a backend service.
     */
    private static Brief withKind(Brief brief, String kindFlag) {
        var kind = kindFlag == null ? null : dev.rustengineer.blueprint.ProjectKind.byId(kindFlag).orElse(null);
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
        var facts = (kind != null ? kind : dev.rustengineer.blueprint.ProjectKind.SERVICE).briefFacts();
        for (var fact : facts.entrySet()) {
            if (kind == null && fact.getKey() != dev.rustengineer.brief.Field.KIND || brief.has(fact.getKey())) {
                continue;
            }
            extra.set(fact.getKey(), fact.getValue(), kind != null
                    ? dev.rustengineer.brief.Evidence.flag("--kind " + kind.id())
                    : new dev.rustengineer.brief.Evidence("default", "new generates services", null));
            changed = true;
        }
        return changed ? brief.overlay(extra.build()) : brief;
    }

    /**
     * The whole of `new` short of verification: plan, generate and write the project (atomically, or as a zip).
     * Front doors format the outcome; they decide nothing.
     */
    public dev.rustengineer.generate.NewProjectOutcome newProject(Brief brief, dev.rustengineer.blueprint.NewOptions options,
            dev.rustengineer.generate.Destination destination) {
        var plan = plan(brief, options);
        if (!(plan instanceof dev.rustengineer.blueprint.Plan.Generate g)) {
            return new dev.rustengineer.generate.NewProjectOutcome.RoutedAway(plan.advice());
        }
        var project = generate(g.blueprint());
        var written = switch (destination) {
            case dev.rustengineer.generate.Destination.Directory d ->
                    writer().toDirectory(project, d.parent().resolve(g.blueprint().name().name()), d.force());
            case dev.rustengineer.generate.Destination.Zip z -> writer().toZip(project, z.file(), z.force());
        };
        return new dev.rustengineer.generate.NewProjectOutcome.Written(g.advice(), g.blueprint(), written);
    }

    /** Renders a blueprint's files in memory (pure: the same blueprint gives the same files). */
    public dev.rustengineer.generate.GeneratedProject generate(dev.rustengineer.blueprint.Blueprint blueprint) {
        return new dev.rustengineer.generate.ProjectGenerator(templates).generate(blueprint);
    }

    /** Writes, formats and places generated projects (a directory, a zip file, or a stream). */
    public dev.rustengineer.generate.ProjectWriter writer() {
        return new dev.rustengineer.generate.ProjectWriter(new dev.rustengineer.generate.RustFormatter());
    }

    /** Proves a Rust project with cargo: fmt, clippy -D warnings, build, test. */
    public dev.rustengineer.verify.VerificationReport verify(java.nio.file.Path project,
            dev.rustengineer.verify.VerifyOptions options, dev.rustengineer.verify.ProgressListener listener) {
        return new dev.rustengineer.verify.Verifier().verify(project, options, listener);
    }

    /** Reviews Rust source: findings by rule, escalations and handoffs; with {@code deps}, one row per dependency. */
    public dev.rustengineer.audit.AuditReport audit(java.nio.file.Path root, boolean deps) {
        var auditor = new dev.rustengineer.audit.Auditor(auditRules());
        return deps ? auditor.auditWithDependencies(root) : auditor.audit(root);
    }

    /** The audit's rule catalogue (ids, severities, escalations, handoffs). */
    public dev.rustengineer.audit.AuditRules auditRules() {
        // Loaded and validated once per facade, on first use: verify and advise never pay for it.
        var r = auditRules;
        if (r == null) {
            synchronized (this) {
                r = auditRules;
                if (r == null) {
                    r = dev.rustengineer.audit.AuditRules.bundled();
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
    public dev.rustengineer.handoff.HandoffOutcome handoff(dev.rustengineer.handoff.Handoffs.Request request) {
        return handoffs().handoff(request);
    }

    /** The handoff pipeline, wired to this facade's advice, audit and writer. */
    public dev.rustengineer.handoff.Handoffs handoffs() {
        return new dev.rustengineer.handoff.Handoffs(knowledge.patterns(), this::readText, this::advise, root -> audit(root, false),
                writer(), new dev.rustengineer.handoff.CheckRunner());
    }

    /** Which of the tools rust-engineer drives are here, with their versions, and what is missing. */
    public dev.rustengineer.doctor.Doctor.Report doctor() {
        return new dev.rustengineer.doctor.Doctor().run();
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
        return CrossValidation.run(knowledge, BriefCorpus.bundled().all(), folds, BriefModel.SEED, textReader.embedder());
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
