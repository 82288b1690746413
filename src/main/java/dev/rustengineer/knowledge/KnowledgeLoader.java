package dev.rustengineer.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rustengineer.UsageException;
import dev.rustengineer.brief.Brief;
import dev.rustengineer.brief.Field;
import dev.rustengineer.brief.FieldType;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Loads every knowledge file and checks it against the schema and the spec's contracts (route names, the six
 * trigger ids, the seven integration specialists). Any problem is a {@link KnowledgeException} naming file and line.
 */
public final class KnowledgeLoader {
    /** Who may take a task (the {@code route} of an advice). */
    public static final List<String> ROUTES = List.of(
            "rust-engineer", "java-architect", "mobile-developer", "backend-developer", "golang-pro", "generalist");
    /** The spec's six escalation triggers, in its order. */
    public static final List<String> TRIGGER_IDS = List.of(
            "microservice-architecture", "rust-vs-go-greenfield", "custom-executor", "complex-lifetimes",
            "unsafe-performance", "wasm-js-interop-at-scale");
    /** The spec's seven integration specialists, in its order. */
    public static final List<String> SPECIALISTS = List.of(
            "backend-developer", "database-optimizer", "devops-engineer", "frontend-developer", "cpp-pro",
            "golang-pro", "kubernetes-specialist");

    private static final String DIR = "/knowledge/";
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private KnowledgeLoader() {}

    /** Loads the knowledge bundled in the jar. */
    public static Knowledge loadBundled() {
        return load(name -> KnowledgeLoader.class.getResourceAsStream(DIR + name));
    }

    /** Loads knowledge through {@code open}, which returns a file's stream by name (null when missing). */
    public static Knowledge load(Function<String, InputStream> open) {
        Set<String> routes = Set.copyOf(ROUTES);
        DecisionTree choose = TreeLoader.load(doc(open, "choose-rust.yaml"), routes);
        DecisionTree web = TreeLoader.load(doc(open, "web-framework.yaml"), routes);
        YamlDoc escalations = doc(open, "escalations.yaml");
        YamlDoc integrations = doc(open, "integrations.yaml");
        YamlDoc inferences = doc(open, "inferences.yaml");
        RuntimeTable runtime = runtimeTable(doc(open, "async-runtime.yaml"));
        Measurements measurements = measurements(doc(open, "measurements.yaml"),
                Map.of(runtime.id(), new TableShape(runtime.aspectIds(), runtime.columnIds())));
        return new Knowledge(
                choose,
                web,
                runtime.withMeasured(measurements),
                ffiTable(doc(open, "ffi.yaml")),
                invokeRules(doc(open, "invoke.yaml"), routes),
                triggers(escalations),
                escalations.text(escalations.root(), "source"),
                patterns(integrations),
                integrations.text(integrations.root(), "source"),
                inferences(inferences),
                contradictions(inferences),
                textRules(doc(open, "text-rules.yaml")),
                crates(doc(open, "crates.yaml")),
                measurements);
    }

    private static YamlDoc doc(Function<String, InputStream> open, String name) {
        String file = "knowledge/" + name;
        try (InputStream in = open.apply(name)) {
            if (in == null) {
                throw new KnowledgeException(file, 1, "missing knowledge file");
            }
            return YamlDoc.read(file, in);
        } catch (IOException e) {
            throw new KnowledgeException(file, 1, "cannot read: " + e.getMessage());
        }
    }

    private static Advisory advisory(YamlDoc doc, JsonNode owner) {
        JsonNode a = owner.get("advisory");
        if (a == null) {
            return null;
        }
        return new Advisory(doc.text(a, "text"), doc.text(a, "reference"), doc.text(a, "date"), doc.optText(a, "replacement"));
    }

    static RuntimeTable runtimeTable(YamlDoc doc) {
        JsonNode root = doc.root();
        List<RuntimeTable.Column> columns = new ArrayList<>();
        for (JsonNode c : doc.list(root, "columns")) {
            columns.add(new RuntimeTable.Column(doc.text(c, "id"), doc.text(c, "label"), advisory(doc, c)));
        }
        Set<String> ids = new HashSet<>();
        columns.forEach(c -> ids.add(c.id()));
        List<String> allowed = Field.RUNTIME.type().allowed();
        for (RuntimeTable.Column c : columns) {
            if (!allowed.contains(c.id())) {
                throw doc.error(root, "columns", "column '" + c.id() + "' is not a runtime the brief can name");
            }
            if (c.advisory() != null && c.advisory().replacement() != null && !ids.contains(c.advisory().replacement())) {
                throw doc.error(root, "columns", "advisory of '" + c.id() + "' names unknown replacement '"
                        + c.advisory().replacement() + "'");
            }
        }
        List<RuntimeTable.Aspect> aspects = new ArrayList<>();
        Set<String> aspectIds = new HashSet<>();
        for (JsonNode a : doc.list(root, "aspects")) {
            String aspectId = doc.text(a, "id");
            if (!aspectIds.add(aspectId)) {
                throw doc.error(a, "id", "duplicate aspect id '" + aspectId + "'");
            }
            Map<String, String> values = new LinkedHashMap<>();
            JsonNode v = a.get("values");
            for (String id : ids) {
                if (v == null || !v.has(id)) {
                    throw doc.error(a, "aspect '" + doc.text(a, "aspect") + "' has no value for '" + id + "'");
                }
            }
            columns.forEach(c -> values.put(c.id(), v.get(c.id()).asText()));
            aspects.add(new RuntimeTable.Aspect(aspectId, doc.text(a, "aspect"), values, Map.of()));
        }
        List<RuntimeTable.Rule> rules = new ArrayList<>();
        for (JsonNode r : doc.list(root, "rules")) {
            JsonNode choose = r.get("choose");
            String column = null;
            String fromField = null;
            if (choose != null && choose.isObject()) {
                fromField = doc.text(choose, "from_field");
                Conditions.checkField(doc, choose, fromField);
            } else {
                column = doc.text(r, "choose");
                if (!ids.contains(column)) {
                    throw doc.error(r, "choose", "unknown column '" + column + "'");
                }
            }
            rules.add(new RuntimeTable.Rule(doc.text(r, "id"), doc.text(r, "question"), doc.text(r, "answer"),
                    Conditions.read(doc, r.get("when")), column, fromField, doc.text(r, "rationale")));
        }
        if (!(rules.getLast().when() instanceof Condition.Always)) {
            throw doc.error(root, "rules", "the last rule must be {always: true} so every brief gets a runtime");
        }
        return new RuntimeTable(doc.text(root, "id"), doc.text(root, "title"), doc.text(root, "source"),
                doc.text(root, "recommendation"), columns, aspects, rules);
    }

    /** The row and column ids of a table that measured cells may name. */
    record TableShape(List<String> rows, List<String> columns) {}

    /**
     * Reads measurements.yaml: sources, cells of the tables in {@code tables} (by table id), free figures. An unknown
     * table, row, column or source, a duplicate, or a malformed date is refused at its line.
     */
    static Measurements measurements(YamlDoc doc, Map<String, TableShape> tables) {
        JsonNode root = doc.root();
        Map<String, Measurements.Source> sources = new LinkedHashMap<>();
        for (JsonNode s : doc.list(root, "sources")) {
            String id = doc.text(s, "id");
            String date = doc.text(s, "date");
            if (!DATE.matcher(date).matches()) {
                throw doc.error(s, "date", "source '" + id + "' needs its date as YYYY-MM-DD, not '" + date + "'");
            }
            var source = new Measurements.Source(id, doc.text(s, "command"), date, doc.text(s, "machine"),
                    doc.optText(s, "rustc"), doc.optText(s, "notes"));
            if (sources.put(id, source) != null) {
                throw doc.error(s, "id", "duplicate source id '" + id + "'");
            }
        }
        List<Measurements.Cell> cells = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode c : optList(doc, root, "cells")) {
            String table = doc.text(c, "table");
            TableShape shape = tables.get(table);
            if (shape == null) {
                throw doc.error(c, "table", "unknown table '" + table + "'; measured cells can be in: "
                        + String.join(", ", tables.keySet().stream().sorted().toList()));
            }
            String row = doc.text(c, "row");
            if (!shape.rows().contains(row)) {
                throw doc.error(c, "row", "unknown row '" + row + "' of table '" + table + "'; its rows are: "
                        + String.join(", ", shape.rows()));
            }
            String column = doc.text(c, "column");
            if (!shape.columns().contains(column)) {
                throw doc.error(c, "column", "unknown column '" + column + "' of table '" + table + "'; its columns are: "
                        + String.join(", ", shape.columns()));
            }
            if (!seen.add(table + "/" + row + "/" + column)) {
                throw doc.error(c, "row", "cell " + table + "/" + row + "/" + column + " is measured twice");
            }
            cells.add(new Measurements.Cell(table, row, column, measured(doc, c, sources)));
        }
        List<Measurements.Figure> figures = new ArrayList<>();
        Set<String> figureIds = new HashSet<>();
        for (JsonNode f : optList(doc, root, "figures")) {
            String id = doc.text(f, "id");
            if (!figureIds.add(id)) {
                throw doc.error(f, "id", "duplicate figure id '" + id + "'");
            }
            figures.add(new Measurements.Figure(id, doc.text(f, "label"), measured(doc, f, sources)));
        }
        return new Measurements(List.copyOf(sources.values()), cells, figures);
    }

    private static Measurements.Measured measured(YamlDoc doc, JsonNode entry, Map<String, Measurements.Source> sources) {
        String source = doc.text(entry, "source");
        if (!sources.containsKey(source)) {
            throw doc.error(entry, "source", "unknown source '" + source + "'; the file's sources are: "
                    + String.join(", ", sources.keySet()));
        }
        return new Measurements.Measured(doc.text(entry, "value"), doc.optText(entry, "detail"), sources.get(source));
    }

    private static List<JsonNode> optList(YamlDoc doc, JsonNode obj, String key) {
        return obj.has(key) && !obj.get(key).isNull() ? doc.list(obj, key) : List.of();
    }

    static FfiTable ffiTable(YamlDoc doc) {
        JsonNode root = doc.root();
        Field field = Field.byKey(doc.text(root, "field"))
                .orElseThrow(() -> doc.error(root, "field", "unknown field '" + root.get("field").asText() + "'"));
        List<FfiTable.Row> rows = new ArrayList<>();
        for (JsonNode r : doc.list(root, "rows")) {
            String situation = doc.text(r, "situation");
            if (!field.type().allowed().contains(situation)) {
                throw doc.error(r, "situation", "unknown situation '" + situation + "'; expected one of: "
                        + String.join(", ", field.type().allowed()));
            }
            rows.add(new FfiTable.Row(situation, doc.text(r, "label"), doc.text(r, "decision"),
                    doc.text(r, "decision_label"), doc.text(r, "rationale"), advisory(doc, r)));
        }
        for (String situation : field.type().allowed()) {
            if (rows.stream().noneMatch(r -> r.situation().equals(situation))) {
                throw doc.error(root, "rows", "no row for situation '" + situation + "'");
            }
        }
        return new FfiTable(doc.text(root, "id"), doc.text(root, "title"), doc.text(root, "source"), field,
                doc.text(root, "question"), rows);
    }

    static InvokeRules invokeRules(YamlDoc doc, Set<String> routes) {
        JsonNode root = doc.root();
        List<InvokeRules.Rule> invoke = new ArrayList<>();
        for (JsonNode r : doc.list(root, "invoke_when")) {
            invoke.add(new InvokeRules.Rule(doc.text(r, "id"), doc.text(r, "label"), Conditions.read(doc, r.get("when"))));
        }
        List<InvokeRules.DontInvoke> dont = new ArrayList<>();
        for (JsonNode r : doc.list(root, "dont_invoke")) {
            String route = doc.text(r, "route");
            if (!routes.contains(route)) {
                throw doc.error(r, "route", "unknown route '" + route + "'");
            }
            dont.add(new InvokeRules.DontInvoke(doc.text(r, "id"), doc.text(r, "label"),
                    Conditions.read(doc, r.get("when")), route, doc.texts(r, "languages")));
        }
        Map<String, String> languageRoutes = new LinkedHashMap<>();
        for (JsonNode r : doc.list(root, "language_routes")) {
            String language = doc.text(r, "language");
            String route = doc.text(r, "route");
            if (!Field.LANGUAGE.type().allowed().contains(language)) {
                throw doc.error(r, "language", "unknown language '" + language + "'");
            }
            if (!routes.contains(route)) {
                throw doc.error(r, "route", "unknown route '" + route + "'");
            }
            languageRoutes.put(language, route);
        }
        for (String language : Field.LANGUAGE.type().allowed()) {
            if (!languageRoutes.containsKey(language)) {
                throw doc.error(root, "language_routes", "no route for language '" + language + "'");
            }
        }
        return new InvokeRules(doc.text(root, "source"), doc.texts(root, "when_to_use"), invoke, dont, languageRoutes);
    }

    static List<Trigger> triggers(YamlDoc doc) {
        List<Trigger> out = new ArrayList<>();
        for (JsonNode t : doc.list(doc.root(), "triggers")) {
            String id = doc.text(t, "id");
            if (!TRIGGER_IDS.contains(id)) {
                throw doc.error(t, "id", "unknown trigger id '" + id + "'; the spec's are: " + String.join(", ", TRIGGER_IDS));
            }
            if (out.stream().anyMatch(x -> x.id().equals(id))) {
                throw doc.error(t, "id", "duplicate trigger id '" + id + "'");
            }
            List<String> evidence = doc.texts(t, "evidence");
            for (String f : evidence) {
                if (Field.byKey(f).isEmpty()) {
                    throw doc.error(t, "evidence", "unknown field '" + f + "'");
                }
            }
            out.add(new Trigger(id, doc.text(t, "to"), doc.text(t, "text"), Conditions.read(doc, t.get("when")), evidence));
        }
        for (String id : TRIGGER_IDS) {
            if (out.stream().noneMatch(t -> t.id().equals(id))) {
                throw doc.error(doc.root(), "triggers", "the spec's trigger '" + id + "' is missing");
            }
        }
        return out;
    }

    static List<IntegrationPattern> patterns(YamlDoc doc) {
        List<IntegrationPattern> out = new ArrayList<>();
        for (JsonNode p : doc.list(doc.root(), "patterns")) {
            String to = doc.text(p, "to");
            if (!SPECIALISTS.contains(to)) {
                throw doc.error(p, "to", "unknown specialist '" + to + "'; the spec's are: " + String.join(", ", SPECIALISTS));
            }
            out.add(new IntegrationPattern(to, doc.text(p, "handoff"), doc.texts(p, "tools"),
                    Conditions.read(doc, p.get("when")), doc.texts(p, "artifacts")));
        }
        for (String s : SPECIALISTS) {
            if (out.stream().noneMatch(p -> p.to().equals(s))) {
                throw doc.error(doc.root(), "patterns", "the spec's pattern for '" + s + "' is missing");
            }
        }
        return out;
    }

    static List<Inference> inferences(YamlDoc doc) {
        List<Inference> out = new ArrayList<>();
        for (JsonNode i : doc.list(doc.root(), "inferences")) {
            boolean add = i.has("add");
            JsonNode assign = i.get(add ? "add" : "set");
            if (assign == null || !assign.isObject() || assign.size() != 1) {
                throw doc.error(i, "inference '" + doc.optText(i, "id") + "' needs one 'set' or 'add' of a single field");
            }
            var entry = assign.properties().iterator().next();
            Field field = field(doc, assign, entry.getKey());
            Object value = literal(doc, assign, entry.getKey(), field, entry.getValue(), add);
            out.add(new Inference(doc.text(i, "id"), field, value, add, Conditions.read(doc, i.get("when")),
                    doc.text(i, "because")));
        }
        return out;
    }

    static List<Contradiction> contradictions(YamlDoc doc) {
        List<Contradiction> out = new ArrayList<>();
        for (JsonNode c : doc.list(doc.root(), "contradictions")) {
            JsonNode impossible = c.get("impossible");
            if (impossible != null && !impossible.isBoolean()) {
                throw doc.error(c, "impossible", "impossible must be true or false");
            }
            out.add(new Contradiction(doc.text(c, "id"), Conditions.read(doc, c.get("when")), doc.text(c, "message"),
                    impossible != null && impossible.asBoolean()));
        }
        return out;
    }

    static List<TextRule> textRules(YamlDoc doc) {
        List<TextRule> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode r : doc.list(doc.root(), "rules")) {
            String id = doc.text(r, "id");
            if (!ids.add(id)) {
                throw doc.error(r, "id", "duplicate rule id '" + id + "'");
            }
            Pattern pattern = regex(doc, r, "pattern");
            Pattern unless = r.has("unless") ? regex(doc, r, "unless") : null;
            List<TextRule.Assignment> assignments = new ArrayList<>();
            for (String key : List.of("set", "add")) {
                JsonNode assign = r.get(key);
                if (assign == null) {
                    continue;
                }
                assign.properties().forEach(e -> {
                    Field field = field(doc, assign, e.getKey());
                    JsonNode v = e.getValue();
                    TextRule.Value value;
                    if (v.isObject() && v.has("capture")) {
                        value = new TextRule.Value.Capture(group(doc, assign, e.getKey(), pattern, v.get("capture").asInt()));
                    } else if (v.isObject() && v.has("count")) {
                        value = new TextRule.Value.Count(group(doc, assign, e.getKey(), pattern, v.get("count").asInt()));
                    } else if (v.isObject() && v.has("duration_ms")) {
                        JsonNode g = v.get("duration_ms");
                        value = new TextRule.Value.DurationMs(group(doc, assign, e.getKey(), pattern, g.get(0).asInt()),
                                group(doc, assign, e.getKey(), pattern, g.get(1).asInt()));
                    } else {
                        value = new TextRule.Value.Literal(literal(doc, assign, e.getKey(), field, v, key.equals("add")));
                    }
                    assignments.add(new TextRule.Assignment(field, value, key.equals("add")));
                });
            }
            if (assignments.isEmpty()) {
                throw doc.error(r, "rule '" + id + "' sets nothing");
            }
            // What the brief says when every match lies inside a negation ("they never talk to each other").
            List<TextRule.Assignment> negated = new ArrayList<>();
            JsonNode neg = r.get("negated");
            if (neg != null) {
                neg.properties().forEach(e -> {
                    Field field = field(doc, neg, e.getKey());
                    negated.add(new TextRule.Assignment(field,
                            new TextRule.Value.Literal(literal(doc, neg, e.getKey(), field, e.getValue(), false)), false));
                });
            }
            boolean fallback = ruleFlag(doc, r, id, "fallback");
            boolean afterModel = ruleFlag(doc, r, id, "after_model");
            if (fallback && afterModel) {
                throw doc.error(r, "after_model", "rule '" + id + "': a rule is read either as a fallback or after the model, not both");
            }
            boolean mention = ruleFlag(doc, r, id, "mention");
            out.add(new TextRule(id, pattern, unless, assignments, negated, fallback, afterModel, mention));
        }
        return out;
    }

    /** A text rule's optional true/false key (absent is false); any other value is an error naming the line. */
    private static boolean ruleFlag(YamlDoc doc, JsonNode rule, String id, String key) {
        JsonNode v = rule.get(key);
        if (v != null && !v.isBoolean()) {
            throw doc.error(rule, key, "rule '" + id + "': " + key + " must be true or false");
        }
        return v != null && v.asBoolean();
    }

    static CrateCatalogue crates(YamlDoc doc) {
        JsonNode root = doc.root();
        Map<String, CrateCatalogue.Crate> crates = new LinkedHashMap<>();
        for (JsonNode c : doc.list(root, "crates")) {
            String name = doc.text(c, "name");
            String version = doc.text(c, "version");
            if (!version.matches("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.]+)?")) {
                throw doc.error(c, "version", "crate '" + name + "' needs an exact version (MAJOR.MINOR.PATCH), not '" + version + "'");
            }
            var crate = new CrateCatalogue.Crate(name, version, doc.text(c, "why"));
            if (crates.put(name, crate) != null) {
                throw doc.error(c, "name", "duplicate crate '" + name + "'");
            }
        }
        return new CrateCatalogue(doc.text(root, "source"), doc.text(root, "checked"), doc.text(root, "msrv"), crates);
    }

    private static Field field(YamlDoc doc, JsonNode owner, String key) {
        return Field.byKey(key).orElseThrow(() -> doc.error(owner, key, "unknown field '" + key + "'"));
    }

    private static Object literal(YamlDoc doc, JsonNode owner, String key, Field field, JsonNode v, boolean element) {
        Object raw = v.isBoolean() ? v.asBoolean() : v.isNumber() ? v.numberValue() : v.asText();
        try {
            if (field.type() instanceof FieldType.SetOf) {
                if (!element) {
                    throw doc.error(owner, key, "'" + key + "' is a set field: use 'add'");
                }
                return ((List<?>) Brief.coerce(field, List.of(raw))).getFirst();
            }
            if (element) {
                throw doc.error(owner, key, "'add' applies only to set fields; '" + key + "' is not one");
            }
            return Brief.coerce(field, raw);
        } catch (UsageException e) {
            throw doc.error(owner, key, e.getMessage());
        }
    }

    private static Pattern regex(YamlDoc doc, JsonNode r, String key) {
        try {
            return Pattern.compile(doc.text(r, key), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            throw doc.error(r, key, "bad regular expression: " + e.getDescription());
        }
    }

    private static int group(YamlDoc doc, JsonNode owner, String key, Pattern pattern, int group) {
        int groups = pattern.matcher("").groupCount();
        if (group < 1 || group > groups) {
            throw doc.error(owner, key, "capture group " + group + " does not exist (the pattern has " + groups + ")");
        }
        return group;
    }
}
