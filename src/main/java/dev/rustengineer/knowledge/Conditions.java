package dev.rustengineer.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rustengineer.UsageException;
import dev.rustengineer.brief.Brief;
import dev.rustengineer.brief.Field;
import dev.rustengineer.brief.FieldType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads condition mappings from a knowledge file, checking every field name and value against the schema. */
final class Conditions {
    /** The values a derived fact may take (decisions taken earlier in the same advice). */
    private static final Map<String, List<String>> DERIVED_VALUES = Map.of(
            "web", List.of("axum", "hyper", "actix-web", "rocket"),
            "target", List.of("native", "wasm"));

    private Conditions() {}

    static Condition read(YamlDoc doc, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw doc.error(node == null ? doc.root() : node, "a condition must be a mapping");
        }
        if (node.has("all") || node.has("any")) {
            String key = node.has("all") ? "all" : "any";
            List<Condition> parts = new ArrayList<>();
            for (JsonNode part : doc.list(node, key)) {
                parts.add(read(doc, part));
            }
            if (parts.isEmpty()) {
                throw doc.error(node, key, "'" + key + "' needs at least one condition");
            }
            return key.equals("all") ? new Condition.All(parts) : new Condition.Any(parts);
        }
        if (node.has("not")) {
            return new Condition.Not(read(doc, node.get("not")));
        }
        if (node.has("always")) {
            return new Condition.Always();
        }
        String field = doc.text(node, "field");
        checkField(doc, node, field);
        for (Condition.Op op : Condition.Op.values()) {
            String key = op.name().toLowerCase(Locale.ROOT);
            JsonNode v = node.get(key);
            if (v == null) {
                continue;
            }
            Object value = switch (op) {
                case SET -> {
                    if (!v.isBoolean()) {
                        throw doc.error(node, key, "'set' takes true or false");
                    }
                    yield v.asBoolean();
                }
                case LT, LTE, GT, GTE -> {
                    if (!v.isNumber()) {
                        throw doc.error(node, key, "'" + key + "' takes a number");
                    }
                    yield v.numberValue();
                }
                case IN -> {
                    List<Object> values = new ArrayList<>();
                    for (JsonNode item : v) {
                        values.add(value(doc, node, key, field, item, false));
                    }
                    yield List.copyOf(values);
                }
                case CONTAINS -> value(doc, node, key, field, v, true);
                case IS -> value(doc, node, key, field, v, false);
            };
            return new Condition.Compare(field, op, value);
        }
        throw doc.error(node, "condition on '" + field + "' has no test (is, in, set, contains, lt, lte, gt, gte)");
    }

    static void checkField(YamlDoc doc, JsonNode node, String field) {
        if (Field.byKey(field).isEmpty() && !Facts.DERIVED.contains(field)) {
            throw doc.error(node, "field", "unknown field '" + field + "'");
        }
    }

    /** A value checked against the field's type; {@code element} reads one element of a set field. */
    private static Object value(YamlDoc doc, JsonNode node, String key, String fieldKey, JsonNode v, boolean element) {
        Optional<Field> field = Field.byKey(fieldKey);
        if (field.isEmpty()) {
            String s = v.asText();
            if (!DERIVED_VALUES.get(fieldKey).contains(s)) {
                throw doc.error(node, key, "unknown value '" + s + "' for '" + fieldKey + "'; expected one of: "
                        + String.join(", ", DERIVED_VALUES.get(fieldKey)));
            }
            return s;
        }
        try {
            Object raw = v.isBoolean() ? v.asBoolean() : v.isNumber() ? v.numberValue() : v.asText();
            if (field.get().type() instanceof FieldType.SetOf) {
                if (!element) {
                    throw doc.error(node, key, "'" + fieldKey + "' is a set: test it with 'contains'");
                }
                return ((List<?>) Brief.coerce(field.get(), List.of(raw))).getFirst();
            }
            if (element) {
                throw doc.error(node, key, "'contains' applies only to set fields; '" + fieldKey + "' is not one");
            }
            return Brief.coerce(field.get(), raw);
        } catch (UsageException e) {
            throw doc.error(node, key, e.getMessage());
        }
    }
}
