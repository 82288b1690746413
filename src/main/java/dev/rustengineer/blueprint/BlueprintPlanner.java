package dev.rustengineer.blueprint;

import dev.rustengineer.UsageException;
import dev.rustengineer.advise.Advice;
import dev.rustengineer.advise.Decision;
import dev.rustengineer.brief.Field;
import dev.rustengineer.knowledge.Contradiction;
import dev.rustengineer.knowledge.CrateCatalogue;
import dev.rustengineer.knowledge.Facts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns an advice and the user's flags into a blueprint. What can be generated is data: the {@link Offer}s of the
 * template sets, each combination generated and proven in CI. The advice decides kind, framework, database and
 * features; a flag overrides it with a note; anything no set offers is refused with what is offered instead.
 */
public final class BlueprintPlanner {
    private final CrateCatalogue crates;
    private final List<Offer> offers;
    private final List<Contradiction> impossible;

    /** @param contradictions the knowledge's contradictions; the impossible ones are refused here */
    public BlueprintPlanner(CrateCatalogue crates, List<Offer> offers, List<Contradiction> contradictions) {
        this.crates = crates;
        this.offers = List.copyOf(offers);
        this.impossible = contradictions.stream().filter(Contradiction::impossible).toList();
    }

    public Plan plan(Advice advice, NewOptions options) {
        ProjectName name = new ProjectName(options.name());
        if (!advice.invoke() && !options.forceRust()) {
            return new Plan.RoutedAway(advice);
        }
        List<String> notes = new ArrayList<>();
        if (!advice.invoke()) {
            notes.add("The advice routes this task to " + advice.route() + "; generating the Rust project because --force-rust was given.");
        }
        ProjectKind kind = kind(advice, options, notes);
        refuseImpossible(advice, options, kind);
        List<Offer> candidates = offers.stream().filter(o -> o.kind() == kind).toList();

        String web = null;
        if (kind == ProjectKind.SERVICE) {
            web = choose("web framework", options.web(), advice.stack().web(), "axum", Offer.values(candidates, o -> List.of(o.web())),
                    "--web", notes);
            String w = web;
            candidates = candidates.stream().filter(o -> w.equals(o.web())).toList();
            if (options.web() == null && !advice.brief().bool(Field.HTTP).orElse(true)) {
                // No set generates a queue worker without a server; say so rather than silently serve HTTP.
                notes.add("The brief says the service answers no HTTP, and no template set generates a worker without a "
                        + "server: this " + web + " service keeps /health and /metrics for probes and Prometheus; drop the "
                        + "resource routes you do not need.");
            }
        } else if (options.web() != null) {
            throw new UsageException("--web does not apply to a " + kind.label() + " (--kind " + kind.id() + ")");
        }

        String db = null;
        String layer = null;
        Offer offer;
        if (candidates.stream().anyMatch(Offer::hasDatabase)) {
            db = choose("database", options.db(), advice.brief().string(Field.DATABASE).orElse(null), "sqlite",
                    Offer.values(candidates, Offer::db), "--db", notes);
            String engine = db;
            List<Offer> onEngine = candidates.stream().filter(o -> o.db().contains(engine)).toList();
            layer = choose("database layer", options.dbLayer(), advice.stack().db(), "sqlx", Offer.values(onEngine, Offer::dbLayers),
                    "--db-layer", notes);
            String l = layer;
            offer = onEngine.stream().filter(o -> o.dbLayers().contains(l)).findFirst().orElseThrow();
        } else {
            if (options.db() != null || options.dbLayer() != null) {
                throw new UsageException((options.db() != null ? "--db" : "--db-layer") + " does not apply to a " + kind.label()
                        + ": it has no database");
            }
            if (advice.stack().db() != null) {
                notes.add("The brief mentions a database; the " + kind.label() + " is generated without one.");
            }
            offer = candidates.getFirst();
        }

        if (offer.caveat() != null) {
            notes.add(offer.caveat());
        }
        List<String> features = features(offer, options, advice, notes, db, layer);
        String runtime = kind.runtime();
        String advisedRuntime = advice.stack().runtime();
        if (runtime != null && advisedRuntime != null && !advisedRuntime.equals(runtime)) {
            notes.add("The " + offer.label() + " runs on Tokio; the advice's runtime " + advisedRuntime + " does not apply to it.");
        } else if (runtime == null && advisedRuntime != null) {
            notes.add("The " + offer.label() + " has no async runtime; the advice's runtime " + advisedRuntime + " does not apply to it.");
        }
        ResourceName resource = options.resource() != null
                ? ResourceName.of(options.resource())
                : ResourceName.fromBrief(advice.brief().text()).orElseGet(() -> {
                    if (kind.hasResource()) {
                        notes.add("The brief names no resource; the service manages 'items' (use --resource to name it).");
                    }
                    return ResourceName.defaultName();
                });
        List<String> with = features.stream().filter(f -> !offer.features().contains(f)).toList();
        Blueprint blueprint = new Blueprint(name, kind, offer.set(), web, runtime, db, layer, features, with, resource,
                crates.msrv(), crates.crates(), List.of(), notes);
        return new Plan.Generate(advice, blueprint.withDecisions(decisionLines(advice, blueprint)));
    }

    /** Every combination offered, for help texts and forms: "axum HTTP service: sqlite/postgres via sqlx/diesel". */
    public List<Offer> offers() {
        return offers;
    }

    /**
     * The flag if given, else what the brief and advice make of it: a browser target is a WebAssembly library, an
     * FFI situation the kind that delivers the FFI table's decision for it, a CLI brief a command-line tool, a
     * backend an HTTP or (gRPC only) a gRPC service. A brief for something no template set generates is refused
     * unless a flag names the kind.
     */
    private ProjectKind kind(Advice advice, NewOptions options, List<String> notes) {
        String unsupported = null;
        ProjectKind advised = null;
        String briefKind = advice.brief().string(Field.KIND).orElse("backend");
        String situation = advice.brief().string(Field.FFI).orElse(null);
        if ("wasm".equals(advice.stack().target())) {
            advised = ProjectKind.WASM;
        } else if (situation != null) {
            advised = ProjectKind.decidedBy(Field.FFI, situation).orElseThrow();
        } else if (briefKind.equals("cli")) {
            advised = ProjectKind.CLI;
        } else if (briefKind.equals("backend") || briefKind.equals("web")) {
            List<String> f = advice.stack().features();
            boolean grpcOnly = f.contains("grpc") && !f.contains("rest") && !f.contains("websocket");
            advised = grpcOnly ? ProjectKind.GRPC : ProjectKind.SERVICE;
        } else {
            unsupported = "the brief describes a " + briefKind + " project without saying which (an FFI situation or a browser target)";
        }
        if (advised != null && !offeredKinds().contains(advised)) {
            unsupported = "the brief asks for a " + advised.label() + ", which no template set generates";
            advised = null;
        }
        if (options.kind() == null) {
            if (unsupported != null) {
                throw new UsageException(unsupported + "; `new` generates " + kindsList() + "; pass --kind "
                        + String.join("|", offeredKinds().stream().map(ProjectKind::id).toList()) + " if one of them is what you want");
            }
            return advised;
        }
        ProjectKind k = ProjectKind.byId(options.kind()).filter(offeredKinds()::contains).orElseThrow(() -> new UsageException(
                "--kind " + options.kind() + " is not offered: one of "
                        + String.join(", ", offeredKinds().stream().map(ProjectKind::id).toList())));
        if (unsupported != null) {
            notes.add(capitalised(unsupported) + "; --kind " + k.id() + " generates a " + k.label() + " instead.");
        } else if (advised != k) {
            notes.add("The advice makes this a " + advised.label() + "; --kind " + k.id() + " overrides it.");
        }
        return k;
    }

    /**
     * Refuses what no project can be (the knowledge's impossible contradictions), whichever source said it: the
     * brief, the inferences, what --kind means, or a --db flag. A broken project is never generated.
     */
    private void refuseImpossible(Advice advice, NewOptions options, ProjectKind kind) {
        Map<String, Object> facts = new LinkedHashMap<>(advice.brief().asMap());
        kind.briefFacts().forEach((f, v) -> facts.put(f.key(), v));
        if (options.db() != null) {
            facts.put(Field.DATABASE.key(), options.db());
            List<String> features = new ArrayList<>(advice.brief().list(Field.FEATURES));
            features.add("database");
            facts.put(Field.FEATURES.key(), features);
        }
        Facts f = new Facts(facts);
        for (Contradiction c : impossible) {
            if (c.when().test(f)) {
                throw new UsageException("cannot generate a " + kind.label() + " for this: " + c.message());
            }
        }
    }

    private List<ProjectKind> offeredKinds() {
        return offers.stream().map(Offer::kind).distinct().toList();
    }

    private String kindsList() {
        return String.join(", ", offeredKinds().stream().map(k -> k.label() + "s").toList());
    }

    private static List<String> features(Offer offer, NewOptions options, Advice advice, List<String> notes, String db,
            String layer) {
        TreeSet<String> features = new TreeSet<>(offer.features());
        // Optional features are proven (generated and run in CI) on the set's first engine and layer only.
        String provenOn = offer.optionalProvenWith(db, layer) ? null
                : offer.db().getFirst() + " via " + offer.dbLayers().getFirst();
        for (String f : options.with()) {
            String w = f.strip().toLowerCase(Locale.ROOT);
            if (offer.optional().contains(w)) {
                if (provenOn != null) {
                    throw new UsageException("--with " + w + " is proven on " + provenOn + " only, not on " + db + " via " + layer
                            + "; drop --with " + w + " or the --db/--db-layer choice");
                }
                features.add(w);
            } else if (!offer.features().contains(w)) {
                throw new UsageException("--with " + w + " is not offered for the " + offer.label() + " (built in: "
                        + listOrNone(offer.features()) + "; optional: " + listOrNone(offer.optional()) + ")");
            }
        }
        List<String> asked = new ArrayList<>(advice.stack().features());
        if (advice.brief().bool(Field.CPP_LIBRARY).orElse(false)) {
            asked.add("cxx"); // a C++ library is wrapped through cxx where the set offers it
        }
        for (String f : asked) {
            if (features.contains(f)) {
                continue;
            }
            if (offer.optional().contains(f) && provenOn != null) {
                notes.add("The brief asks for " + f + ", which is proven on " + provenOn + " only; it is generated without it.");
            } else if (offer.optional().contains(f)) {
                features.add(f);
                notes.add("The brief asks for " + f + ": switched on, as --with " + f + " would.");
            } else {
                notes.add("The brief asks for " + f + ", which the " + offer.label() + " does not generate; it is generated without it.");
            }
        }
        return List.copyOf(features);
    }

    /** The flag if given (checked against what is offered), else the advice's value, else the default. */
    private static String choose(String what, String flag, String advised, String fallback, List<String> offered,
            String flagName, List<String> notes) {
        if (flag != null) {
            String f = flag.strip().toLowerCase(Locale.ROOT);
            if (!offered.contains(f)) {
                throw new UsageException(flagName + " " + flag + " is not offered here: only what CI generates and proves is ("
                        + String.join(", ", offered) + ")");
            }
            if (advised != null && !advised.equals(f)) {
                notes.add("The advice picks " + advised + " as " + what + "; " + flagName + " " + f + " overrides it.");
            }
            return f;
        }
        String pick = advised != null ? advised : fallback;
        if (!offered.contains(pick)) {
            if (advised == null) {
                return offered.getFirst();
            }
            throw new UsageException("the advice picks " + advised + " as " + what + ", which `new` does not generate here; pass "
                    + flagName + " " + String.join("|", offered) + " to generate what is offered");
        }
        return pick;
    }

    private static String listOrNone(List<String> l) {
        return l.isEmpty() ? "none" : String.join(", ", l);
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static List<String> decisionLines(Advice advice, Blueprint b) {
        List<String> lines = new ArrayList<>();
        for (Decision d : advice.decisions()) {
            if (!d.framework().equals("invoke")) {
                lines.add(d.framework() + ": " + d.outcome() + " (" + d.rationale() + ")");
            }
        }
        lines.add(generatedLine(b));
        return lines;
    }

    /** The last decision line, what was generated; `upgrade` writes it anew when a recorded choice changes. */
    public static String generatedLine(Blueprint b) {
        return "generated: " + b.summary() + (b.runtime() != null ? ", runtime " + b.runtime() : "");
    }
}
