package dev.rustengineer.advise;

import dev.rustengineer.UsageException;
import dev.rustengineer.brief.Brief;
import dev.rustengineer.brief.BriefChecks;
import dev.rustengineer.brief.Evidence;
import dev.rustengineer.brief.Field;
import dev.rustengineer.brief.RustNeed;
import dev.rustengineer.knowledge.Advisory;
import dev.rustengineer.knowledge.DecisionTree;
import dev.rustengineer.knowledge.Facts;
import dev.rustengineer.knowledge.FfiTable;
import dev.rustengineer.knowledge.Knowledge;
import dev.rustengineer.knowledge.RuntimeTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The decision engine: triage (invoke / don't invoke / language), then the spec's trees and tables in order,
 * then escalations and handoffs. Every answer it takes without the brief's word is reported as a question.
 */
public final class Advisor {
    private final Knowledge knowledge;
    private final Inferences inferences;
    private final Triage triage;
    private final Escalations escalations;
    private final BriefChecks checks;

    public Advisor(Knowledge knowledge) {
        this.knowledge = knowledge;
        this.inferences = new Inferences(knowledge.inferences());
        this.triage = new Triage(knowledge);
        this.escalations = new Escalations(knowledge);
        this.checks = new BriefChecks(knowledge.contradictions());
    }

    public Advice advise(Brief input) {
        if (input.values().isEmpty()) {
            throw new UsageException(input.text() == null || input.text().isBlank()
                    ? "the brief is empty: give a text, --brief-file FILE, or flags such as --kind backend --latency-ms 5"
                    : "nothing in the brief says what to build: name the kind of project (an API, a CLI tool, a library, code for the browser) or use --kind");
        }
        input = RustNeed.settle(input);
        checks.requireConsistent(input);
        Brief brief = inferences.apply(input);
        List<String> notes = new ArrayList<>();
        checks.find(brief, List.of("text", "embedding", "inference", "flag", "file")).forEach(c ->
                notes.add("The brief says two things that do not fit together: " + c + "."));
        List<String> questions = new ArrayList<>();
        // A field the reader filled by default, not from the brief's words, is still an open question.
        brief.evidence().forEach((field, why) -> {
            if ("default".equals(why.source())) {
                questions.add(field.question() + " (assumed " + brief.get(field) + ": " + why.words() + ")");
            }
        });
        Map<String, Object> factValues = new LinkedHashMap<>(brief.asMap());
        List<Decision> decisions = new ArrayList<>();

        Triage.Result t = triage.decide(brief, factValues, decisions, notes, questions);
        Stack stack = Stack.empty();
        if (t.invoke()) {
            stack = rustStack(brief, factValues, decisions, notes, questions);
        }
        Facts facts = new Facts(factValues);
        List<Escalation> esc = escalations.escalations(brief, facts);
        List<Handoff> handoffs = t.invoke() ? escalations.handoffs(facts) : List.of();
        return new Advice(t.invoke(), t.route(), t.languages(), stack, decisions, esc, handoffs, brief,
                notes, questions.stream().distinct().toList());
    }

    /** The Rust-side frameworks: web framework tree, async runtime table, FFI table, and the stack they give. */
    private Stack rustStack(Brief brief, Map<String, Object> facts, List<Decision> decisions, List<String> notes,
            List<String> questions) {
        String target = "browser".equals(facts.get("web_target")) ? "wasm" : "native";
        facts.put("target", target);

        String web = null;
        List<String> features = new ArrayList<>(brief.list(Field.FEATURES));
        // A worker, bridge or raw-TCP server is a backend with no HTTP surface: the web framework tree is for
        // HTTP APIs, so "http: false" leaves it out (the corpus labels such backends web: none).
        boolean httpApi = ("backend".equals(facts.get("kind")) || "server".equals(facts.get("web_target")))
                && !Boolean.FALSE.equals(facts.get("http"));
        boolean grpcOnly = features.contains("grpc") && !features.contains("rest") && !features.contains("websocket");
        if (httpApi && features.isEmpty()) {
            features.add("rest");
            notes.add("The brief names no interface; a REST API is assumed (add gRPC or WebSocket to the brief if needed).");
        }
        if (httpApi && !grpcOnly) {
            DecisionTree tree = knowledge.webFramework();
            TreeWalker.Walk walk = TreeWalker.walk(tree, new Facts(facts), facts);
            web = walk.outcome().stack().get("web");
            decisions.add(decision(tree, walk));
            walk.assumed().forEach(n -> questions.add(question(n)));
        } else if (grpcOnly) {
            notes.add("A gRPC-only service is built on Tonic (Tokio); the web framework tree applies to HTTP APIs.");
        }
        if (web != null) {
            facts.put("web", web);
        }

        String runtime = null;
        boolean async = Boolean.TRUE.equals(facts.get("async")) || facts.get("runtime") != null || web != null;
        if (async) {
            runtime = runtime(new Facts(facts), decisions, notes);
        }

        String ffi = null;
        Optional<String> situation = brief.string(Field.FFI);
        if (situation.isPresent()) {
            FfiTable table = knowledge.ffi();
            FfiTable.Row row = table.row(situation.get()).orElseThrow();
            ffi = row.decision();
            List<String> advisories = row.advisory() == null ? List.of() : List.of(advisoryText(row.advisory()));
            decisions.add(new Decision(table.id(), List.of(new Decision.Step(row.situation(), table.question(), row.label(), false)),
                    row.decision(), row.decisionLabel() + ": " + row.rationale(), advisories));
        }

        String db = null;
        if (features.contains("database")) {
            db = brief.string(Field.DB_LAYER).orElse("sqlx");
            if (!brief.has(Field.DB_LAYER)) {
                questions.add(Field.DB_LAYER.question() + " (took sqlx, the spec's first choice, for compile-time checked queries)");
            }
            if ("wasm".equals(target)) {
                notes.add("A database layer does not run inside a browser module; the database stays behind a server API.");
                db = null;
            }
        }
        return new Stack(runtime, web, db, ffi, target, List.copyOf(new TreeSet<>(features)));
    }

    private String runtime(Facts facts, List<Decision> decisions, List<String> notes) {
        RuntimeTable table = knowledge.asyncRuntime();
        for (RuntimeTable.Rule rule : table.rules()) {
            if (!rule.when().test(facts)) {
                continue;
            }
            String chosen = rule.choose() != null ? rule.choose() : (String) facts.get(rule.chooseFromField());
            RuntimeTable.Column column = table.column(chosen);
            List<String> advisories = new ArrayList<>();
            String stackValue = chosen;
            if (column.advisory() != null) {
                advisories.add(advisoryText(column.advisory()));
                boolean explicit = rule.chooseFromField() != null;
                if (column.advisory().replacement() != null && !explicit) {
                    stackValue = column.advisory().replacement();
                    notes.add("The spec's table picks " + column.label() + " here; " + column.advisory().text()
                            + " The stack uses " + table.column(stackValue).label() + " instead.");
                } else if (explicit) {
                    notes.add("You asked for " + column.label() + ": " + column.advisory().text());
                }
            }
            decisions.add(new Decision(table.id(),
                    List.of(new Decision.Step(rule.id(), rule.question(), rule.answer(), false)),
                    chosen, rule.rationale(), advisories));
            return stackValue;
        }
        throw new IllegalStateException("the loader guarantees a final always-rule in " + table.id());
    }

    static Decision decision(DecisionTree tree, TreeWalker.Walk walk) {
        return new Decision(tree.id(), walk.path(), walk.outcome().id(),
                walk.outcome().label() + ": " + walk.outcome().rationale(), List.of());
    }

    static String question(DecisionTree.Node node) {
        return node.field().question() + " (took " + node.defaultAnswer() + " at \"" + node.question() + "\")";
    }

    static String advisoryText(Advisory a) {
        return a.text() + " [" + a.reference() + ", " + a.date() + "]";
    }

    static String evidence(Brief brief, Field field) {
        Evidence e = brief.evidence().get(field);
        return field.key() + " = " + brief.get(field) + (e == null ? "" : " from " + e);
    }
}
