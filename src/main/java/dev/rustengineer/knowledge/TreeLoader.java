package dev.rustengineer.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rustengineer.UsageException;
import dev.rustengineer.brief.Brief;
import dev.rustengineer.brief.Field;
import dev.rustengineer.brief.FieldType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a decision tree and proves it sound: every reference resolves, every node and outcome is reachable from
 * the root, every branch ends somewhere, there are no cycles, and every answer value fits its field.
 */
final class TreeLoader {
    static final Set<String> STACK_KEYS = Set.of("runtime", "web", "db", "ffi", "target");

    private TreeLoader() {}

    static DecisionTree load(YamlDoc doc, Set<String> routes) {
        JsonNode root = doc.root();
        String id = doc.text(root, "id");
        Map<String, DecisionTree.Node> nodes = new LinkedHashMap<>();
        Map<String, JsonNode> nodeAt = new LinkedHashMap<>();
        Map<String, JsonNode> branchAt = new LinkedHashMap<>();
        for (JsonNode n : doc.list(root, "nodes")) {
            String nid = doc.text(n, "id");
            if (nodes.containsKey(nid)) {
                throw doc.error(n, "id", "duplicate node id '" + nid + "'");
            }
            Field field = Field.byKey(doc.text(n, "field"))
                    .orElseThrow(() -> doc.error(n, "field", "unknown field '" + n.get("field").asText() + "'"));
            List<DecisionTree.Branch> branches = new ArrayList<>();
            for (JsonNode b : doc.list(n, "branches")) {
                String answer = doc.text(b, "answer");
                String next = doc.optText(b, "next");
                String outcome = doc.optText(b, "outcome");
                if ((next == null) == (outcome == null)) {
                    throw doc.error(b, "branch '" + answer + "' of node '" + nid + "' needs exactly one of 'next' or 'outcome'"
                            + (next == null ? " (missing outcome)" : ""));
                }
                if (!b.has("when")) {
                    throw doc.error(b, "branch '" + answer + "' of node '" + nid + "' has no 'when'");
                }
                branches.add(new DecisionTree.Branch(answer, match(doc, b, field), next, outcome));
                branchAt.put(nid + "/" + answer, b);
            }
            if (branches.size() < 2) {
                throw doc.error(n, "node '" + nid + "' needs at least two branches");
            }
            checkCoverage(doc, n, nid, field, branches);
            String dflt = doc.text(n, "default");
            if (branches.stream().noneMatch(br -> br.answer().equals(dflt))) {
                throw doc.error(n, "default", "default '" + dflt + "' of node '" + nid + "' is not one of its answers");
            }
            nodes.put(nid, new DecisionTree.Node(nid, doc.text(n, "question"), field, dflt, List.copyOf(branches)));
            nodeAt.put(nid, n);
        }
        Map<String, DecisionTree.Outcome> outcomes = new LinkedHashMap<>();
        Map<String, JsonNode> outcomeAt = new LinkedHashMap<>();
        for (JsonNode o : doc.list(root, "outcomes")) {
            String oid = doc.text(o, "id");
            if (outcomes.containsKey(oid)) {
                throw doc.error(o, "id", "duplicate outcome id '" + oid + "'");
            }
            String route = doc.optText(o, "route");
            if (route != null && !routes.contains(route)) {
                throw doc.error(o, "route", "unknown route '" + route + "'; expected one of: " + String.join(", ", routes));
            }
            Map<String, String> stack = new LinkedHashMap<>();
            JsonNode s = o.get("stack");
            if (s != null) {
                s.properties().forEach(e -> {
                    if (!STACK_KEYS.contains(e.getKey())) {
                        throw doc.error(s, e.getKey(), "unknown stack key '" + e.getKey() + "'");
                    }
                    stack.put(e.getKey(), e.getValue().asText());
                });
            }
            outcomes.put(oid, new DecisionTree.Outcome(oid, doc.text(o, "label"), doc.text(o, "rationale"), route,
                    doc.texts(o, "languages"), Map.copyOf(stack)));
            outcomeAt.put(oid, o);
        }
        String rootId = doc.text(root, "root");
        if (!nodes.containsKey(rootId)) {
            throw doc.error(root, "root", "unknown root node '" + rootId + "'");
        }
        // References, then reachability and cycles by a walk from the root.
        nodes.values().forEach(n -> n.branches().forEach(b -> {
            JsonNode at = branchAt.get(n.id() + "/" + b.answer());
            if (b.next() != null && !nodes.containsKey(b.next())) {
                throw doc.error(at, "next", "unknown node id '" + b.next() + "'");
            }
            if (b.outcome() != null && !outcomes.containsKey(b.outcome())) {
                throw doc.error(at, "outcome", "unknown outcome id '" + b.outcome() + "'");
            }
        }));
        Set<String> reachedNodes = new HashSet<>();
        Set<String> reachedOutcomes = new HashSet<>();
        walk(doc, nodes, nodeAt, rootId, new ArrayDeque<>(), reachedNodes, reachedOutcomes);
        nodes.keySet().stream().filter(n -> !reachedNodes.contains(n)).findFirst().ifPresent(n -> {
            throw doc.error(nodeAt.get(n), "node '" + n + "' cannot be reached from the root '" + rootId + "'");
        });
        outcomes.keySet().stream().filter(o -> !reachedOutcomes.contains(o)).findFirst().ifPresent(o -> {
            throw doc.error(outcomeAt.get(o), "leaf '" + o + "' cannot be reached: no branch leads to it");
        });
        return new DecisionTree(id, doc.text(root, "title"), doc.text(root, "source"), doc.optText(root, "question"),
                rootId, nodes, outcomes);
    }

    private static void walk(YamlDoc doc, Map<String, DecisionTree.Node> nodes, Map<String, JsonNode> nodeAt, String id,
            ArrayDeque<String> stack, Set<String> reachedNodes, Set<String> reachedOutcomes) {
        if (stack.contains(id)) {
            throw doc.error(nodeAt.get(id), "cycle through node '" + id + "': " + String.join(" -> ", stack) + " -> " + id);
        }
        reachedNodes.add(id);
        stack.addLast(id);
        for (DecisionTree.Branch b : nodes.get(id).branches()) {
            if (b.next() != null) {
                walk(doc, nodes, nodeAt, b.next(), stack, reachedNodes, reachedOutcomes);
            } else {
                reachedOutcomes.add(b.outcome());
            }
        }
        stack.removeLast();
    }

    /** Every value the field can take must lead down exactly one branch. */
    private static void checkCoverage(YamlDoc doc, JsonNode n, String nid, Field field, List<DecisionTree.Branch> branches) {
        List<Object> probes = new ArrayList<>();
        switch (field.type()) {
            case FieldType.Bool b -> probes.addAll(List.of(true, false));
            case FieldType.OneOf o -> probes.addAll(o.values());
            case FieldType.Int i -> {
                probes.add(i.min());
                probes.add(1_000_000_000);
                for (DecisionTree.Branch br : branches) {
                    if (br.when() instanceof Match.Range r) {
                        for (Double bound : new Double[] {r.lower(), r.upper()}) {
                            if (bound != null) {
                                probes.add(bound);
                                probes.add(bound - 0.5);
                            }
                        }
                    }
                }
            }
            default -> {}
        }
        for (Object probe : probes) {
            long taking = branches.stream().filter(br -> br.when().matches(probe)).count();
            if (taking != 1) {
                throw doc.error(n, "value " + probe + " of '" + field.key() + "' at node '" + nid + "' takes "
                        + (taking == 0 ? "no branch" : taking + " branches"));
            }
        }
    }

    private static Match match(YamlDoc doc, JsonNode branch, Field field) {
        JsonNode w = branch.get("when");
        try {
            if (w.isObject()) {
                if (!(field.type() instanceof FieldType.Int)) {
                    throw doc.error(branch, "when", "a range applies only to number fields; '" + field.key() + "' is not one");
                }
                Double lower = w.has("gte") ? w.get("gte").asDouble() : null;
                Double upper = w.has("lt") ? w.get("lt").asDouble() : null;
                if (lower == null && upper == null) {
                    throw doc.error(branch, "when", "a range needs 'gte' or 'lt'");
                }
                return new Match.Range(lower, upper);
            }
            if (w.isArray()) {
                List<Object> values = new ArrayList<>();
                w.forEach(v -> values.add(Brief.coerce(field, scalar(v))));
                return new Match.AnyOf(List.copyOf(values));
            }
            return new Match.Equals(Brief.coerce(field, scalar(w)));
        } catch (UsageException e) {
            throw doc.error(branch, "when", e.getMessage());
        }
    }

    private static Object scalar(JsonNode v) {
        return v.isBoolean() ? v.asBoolean() : v.isNumber() ? v.numberValue() : v.asText();
    }
}
