package dev.rustengineer.advise;

import dev.rustengineer.brief.Brief;
import dev.rustengineer.brief.Field;
import dev.rustengineer.knowledge.DecisionTree;
import dev.rustengineer.knowledge.Facts;
import dev.rustengineer.knowledge.InvokeRules;
import dev.rustengineer.knowledge.Knowledge;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who takes the task: a language named plainly, then the Don't Invoke rules, then the When-to-Choose-Rust tree.
 * A brief that names Rust keeps the task here even where the rules or the tree would send it elsewhere.
 */
final class Triage {
    record Result(boolean invoke, String route, List<String> languages) {}

    private final Knowledge knowledge;

    Triage(Knowledge knowledge) {
        this.knowledge = knowledge;
    }

    Result decide(Brief brief, Map<String, Object> facts, List<Decision> decisions, List<String> notes,
            List<String> questions) {
        InvokeRules rules = knowledge.invoke();
        Facts f = new Facts(facts);
        Optional<String> language = brief.string(Field.LANGUAGE);
        // "This isn't a Rust job" outranks a mention of Rust elsewhere in the brief ("our Rust search service").
        boolean ruledOut = brief.bool(Field.RUST_OK).filter(ok -> !ok).isPresent();
        boolean saysRust = language.filter("rust"::equals).isPresent() && !ruledOut;

        List<Decision.Step> path = new ArrayList<>();
        if (language.isPresent()) {
            path.add(new Decision.Step("language", Field.LANGUAGE.question(), language.get(), false));
        }
        if (language.isPresent() && !language.get().equals("rust")) {
            String route = rules.languageRoutes().get(language.get());
            decisions.add(new Decision("invoke", path, route,
                    "the brief names " + language.get() + "; " + route + " takes it", List.of()));
            return new Result(false, route, List.of(language.get()));
        }
        Optional<InvokeRules.DontInvoke> dont = rules.dontInvoke().stream().filter(d -> d.when().test(f)).findFirst();
        for (InvokeRules.DontInvoke d : rules.dontInvoke()) {
            path.add(new Decision.Step(d.id(), "Don't invoke when: " + d.label(), d.when().test(f) ? "YES" : "NO", false));
            if (d.when().test(f)) {
                break;
            }
        }
        if (ruledOut && dont.isEmpty()) {
            // Rust is out, but the tree still tells a Go/Node.js job from one that only Rust would have suited.
            path.add(new Decision.Step("rust-ok", Field.RUST_OK.question(), "NO", false));
            TreeWalker.Walk walk = TreeWalker.walk(knowledge.chooseRust(), f, facts);
            walk.assumed().forEach(n -> questions.add(Advisor.question(n)));
            DecisionTree.Outcome outcome = walk.outcome();
            boolean rustLeaf = "rust-engineer".equals(outcome.route());
            String route = rustLeaf ? "generalist" : outcome.route();
            decisions.add(new Decision("invoke", path, route, "the brief rules Rust out; "
                    + (rustLeaf ? "no other language is named, so a generalist picks one for the job"
                            : "the tree's answer without Rust is " + outcome.label()), List.of()));
            decisions.add(Advisor.decision(knowledge.chooseRust(), walk));
            return new Result(false, route, rustLeaf ? List.of() : outcome.languages());
        }
        List<String> matched = rules.invokeWhen().stream().filter(r -> r.when().test(f)).map(InvokeRules.Rule::label).toList();
        if (dont.isPresent() && !saysRust) {
            decisions.add(new Decision("invoke", path, dont.get().route(), dont.get().label(), List.of()));
            return new Result(false, dont.get().route(), dont.get().languages());
        }

        DecisionTree tree = knowledge.chooseRust();
        TreeWalker.Walk walk = TreeWalker.walk(tree, f, facts);
        walk.assumed().forEach(n -> questions.add(Advisor.question(n)));
        DecisionTree.Outcome outcome = walk.outcome();
        boolean treeSaysRust = "rust-engineer".equals(outcome.route());
        String invokeRationale = matched.isEmpty()
                ? "no Don't Invoke rule applies"
                : "Invoke when: " + String.join("; ", matched);
        if (dont.isPresent()) {
            notes.add("The Don't Invoke rule \"" + dont.get().label() + "\" applies, but the brief names Rust, so the task stays with rust-engineer.");
            invokeRationale = "the brief names Rust (Don't Invoke rule '" + dont.get().id() + "' overridden)";
        }
        decisions.add(new Decision("invoke", path, saysRust ? "rust-engineer" : "pass", invokeRationale
                + (saysRust ? "" : "; the When to Choose Rust tree decides"), List.of()));
        decisions.add(Advisor.decision(tree, walk));
        outcome.stack().forEach(facts::putIfAbsent);
        if (treeSaysRust && !ruledOut) {
            return new Result(true, "rust-engineer", outcome.languages());
        }
        if (saysRust) {
            notes.add("The tree leads to " + outcome.label() + " (" + outcome.rationale()
                    + "), but the brief names Rust: the Rust-side decisions follow.");
            return new Result(true, "rust-engineer", List.of("rust"));
        }
        if (matched.isEmpty() && "other-language".equals(outcome.id())) {
            questions.add("Which language fits the use case best? The spec's tree only says to use a language optimized for it.");
        }
        return new Result(false, outcome.route(), outcome.languages());
    }
}
