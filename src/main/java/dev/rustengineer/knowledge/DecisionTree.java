package dev.rustengineer.knowledge;

import dev.rustengineer.brief.Field;
import java.util.List;
import java.util.Map;

/**
 * A decision tree of the spec: nodes ask about one brief field, branches lead to another node or an outcome.
 *
 * @param question the tree's own heading question where the spec prints one ("Building HTTP API?"), else null
 * @param nodes by id, in file order
 * @param outcomes by id, in file order
 */
public record DecisionTree(
        String id,
        String title,
        String source,
        String question,
        String root,
        Map<String, Node> nodes,
        Map<String, Outcome> outcomes) {

    public Node rootNode() {
        return nodes.get(root);
    }

    /**
     * @param defaultAnswer the answer label taken when the brief leaves the field open
     */
    public record Node(String id, String question, Field field, String defaultAnswer, List<Branch> branches) {
        public Branch branch(String answer) {
            return branches.stream().filter(b -> b.answer().equals(answer)).findFirst().orElseThrow();
        }
    }

    /** Exactly one of {@code next} and {@code outcome} is set. */
    public record Branch(String answer, Match when, String next, String outcome) {}

    /** An outcome (leaf): who takes the task, in which languages, and what it adds to the stack. */
    public record Outcome(
            String id, String label, String rationale, String route, List<String> languages, Map<String, String> stack) {}
}
