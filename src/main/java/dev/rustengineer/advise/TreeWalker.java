package dev.rustengineer.advise;

import dev.rustengineer.knowledge.DecisionTree;
import dev.rustengineer.knowledge.Facts;
import dev.rustengineer.knowledge.Match;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Walks a decision tree for a set of facts, taking the node's default where the brief is silent. */
final class TreeWalker {
    private TreeWalker() {}

    /**
     * @param assumedFacts receives the value of every assumed answer that names a single value, so that later
     *     frameworks see the same assumption
     */
    record Walk(List<Decision.Step> path, DecisionTree.Outcome outcome, List<DecisionTree.Node> assumed) {}

    static Walk walk(DecisionTree tree, Facts facts, Map<String, Object> assumedFacts) {
        List<Decision.Step> path = new ArrayList<>();
        List<DecisionTree.Node> assumed = new ArrayList<>();
        DecisionTree.Node node = tree.rootNode();
        while (true) {
            Object value = facts.get(node.field().key());
            DecisionTree.Branch branch;
            boolean wasAssumed = value == null;
            if (wasAssumed) {
                branch = node.branch(node.defaultAnswer());
                assumed.add(node);
                if (branch.when() instanceof Match.Equals e) {
                    assumedFacts.put(node.field().key(), e.value());
                } else if (branch.when() instanceof Match.AnyOf a) {
                    assumedFacts.put(node.field().key(), a.values().getFirst());
                }
            } else {
                branch = node.branches().stream()
                        .filter(b -> b.when().matches(value))
                        .findFirst()
                        // The loader proves every value of the field takes exactly one branch.
                        .orElseThrow(() -> new IllegalStateException("no branch of " + tree.id() + " for " + value));
            }
            path.add(new Decision.Step(node.id(), node.question(), branch.answer(), wasAssumed));
            if (branch.outcome() != null) {
                return new Walk(path, tree.outcomes().get(branch.outcome()), assumed);
            }
            node = tree.nodes().get(branch.next());
        }
    }
}
