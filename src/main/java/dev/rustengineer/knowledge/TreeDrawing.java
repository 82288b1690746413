package dev.rustengineer.knowledge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Draws a decision tree the way the spec prints it: box-drawing branches, outcomes in bold with a tick. */
public final class TreeDrawing {
    private TreeDrawing() {}

    public static List<String> draw(DecisionTree tree) {
        List<String> lines = new ArrayList<>();
        String indent = "";
        if (tree.question() != null) {
            lines.add(tree.question());
            lines.add("│");
            lines.add("├─ " + tree.rootNode().question());
            indent = "│  ";
        } else {
            lines.add(tree.rootNode().question());
        }
        // A node reached a second time (the spec's "See BACKEND API/SERVICE above") is referred to, not redrawn.
        Map<String, String> firstReachedBy = new HashMap<>();
        firstReachedBy.put(tree.root(), tree.rootNode().question());
        children(tree, tree.rootNode(), indent, lines, firstReachedBy);
        return lines;
    }

    private static void children(DecisionTree tree, DecisionTree.Node node, String prefix, List<String> lines,
            Map<String, String> firstReachedBy) {
        lines.add(prefix + "│");
        List<DecisionTree.Branch> branches = node.branches();
        for (int i = 0; i < branches.size(); i++) {
            DecisionTree.Branch b = branches.get(i);
            boolean last = i == branches.size() - 1;
            String head = b.answer() + " → ";
            String below = prefix + (last ? "   " : "│  ") + " ".repeat(head.length());
            String connector = prefix + (last ? "└─ " : "├─ ");
            if (b.outcome() != null) {
                DecisionTree.Outcome o = tree.outcomes().get(b.outcome());
                lines.add(connector + head + "**" + o.label() + "** ✓");
                lines.add(below + "(" + o.rationale() + ")");
            } else if (firstReachedBy.containsKey(b.next())) {
                lines.add(connector + head + "See \"" + firstReachedBy.get(b.next()) + "\" above");
            } else {
                DecisionTree.Node next = tree.nodes().get(b.next());
                firstReachedBy.put(next.id(), b.answer());
                lines.add(connector + head + next.question());
                children(tree, next, below, lines, firstReachedBy);
            }
            if (!last) {
                lines.add(prefix + "│");
            }
        }
    }
}
