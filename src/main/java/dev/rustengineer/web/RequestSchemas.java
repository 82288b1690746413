package dev.rustengineer.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks requests against the served OpenAPI document itself, so what the document calls valid is what the
 * handlers accept: a body against a component schema, query parameters against their parameter schemas. Form and
 * query values arrive as strings and are first read as the type their schema names (an integer, a boolean, a
 * list), as OpenAPI's form style says.
 */
final class RequestSchemas {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

    private final ObjectNode doc;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    RequestSchemas(ObjectNode doc) {
        this.doc = doc;
    }

    /** The body's problems against {@code #/components/schemas/NAME}; empty when it conforms. */
    List<FieldProblem> body(String component, JsonNode body) {
        // The validator cannot compare a number beyond 64 bits with a maximum (it fails on 1e30): such a number is
        // out of every range this API has, so it is refused here.
        List<FieldProblem> huge = new ArrayList<>();
        body.properties().forEach(p -> {
            if (p.getValue().isNumber() && !p.getValue().canConvertToLong()) {
                huge.add(new FieldProblem(p.getKey(), "must be a whole number no larger than " + Integer.MAX_VALUE));
            }
        });
        if (!huge.isEmpty()) {
            return huge;
        }
        return check(component, "#/components/schemas/" + component, body, "body");
    }

    /** The type a component's property has ({@code string} when the schema does not say or has no such property). */
    String propertyType(String component, String property) {
        JsonNode t = doc.at("/components/schemas/" + component + "/properties/" + property + "/type");
        return t.isTextual() ? t.asText() : "string";
    }

    /**
     * The query of an operation as a JSON object of typed values, checked against its parameters.
     *
     * @throws ApiError 400 with a field problem per bad parameter
     */
    ObjectNode query(String path, String method, Map<String, List<String>> params) {
        ObjectNode values = JSON.createObjectNode();
        ObjectNode schema = JSON.createObjectNode().put("type", "object");
        var required = schema.putArray("required");
        var properties = schema.putObject("properties");
        for (JsonNode p : doc.path("paths").path(path).path(method).path("parameters")) {
            String name = p.get("name").asText();
            properties.set(name, p.get("schema"));
            if (p.path("required").asBoolean()) {
                required.add(name);
            }
            List<String> given = params.get(name);
            if (given == null || given.isEmpty()) {
                continue;
            }
            if (given.size() > 1) {
                throw new ApiError(400, "the query parameter '" + name + "' is given " + given.size() + " times",
                        List.of(new FieldProblem(name, "give it once")));
            }
            values.set(name, typed(p.get("schema").path("type").asText("string"), given.getFirst()));
        }
        ObjectNode root = schema.deepCopy();
        root.set("components", doc.get("components"));
        var problems = errors(REGISTRY.getSchema(root.toString(), InputFormat.JSON), values, "query");
        if (!problems.isEmpty()) {
            throw new ApiError(400, "the query does not match the API document: " + summary(problems), problems);
        }
        return values;
    }

    /** A string from a form or a query as the JSON value its schema type reads it as; left a string if it is not one. */
    static JsonNode typed(String type, String raw) {
        return switch (type) {
            case "integer" -> raw.strip().matches("[-+]?\\d{1,40}")
                    ? JSON.getNodeFactory().numberNode(new BigInteger(raw.strip())) : JSON.getNodeFactory().textNode(raw);
            case "boolean" -> raw.equalsIgnoreCase("true") || raw.equalsIgnoreCase("false")
                    ? JSON.getNodeFactory().booleanNode(Boolean.parseBoolean(raw)) : JSON.getNodeFactory().textNode(raw);
            default -> JSON.getNodeFactory().textNode(raw);
        };
    }

    static String summary(List<FieldProblem> problems) {
        var first = problems.getFirst();
        return first.field() + ": " + first.message() + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "");
    }

    private List<FieldProblem> check(String key, String ref, JsonNode value, String whole) {
        Schema schema = compiled.computeIfAbsent(key, k -> {
            ObjectNode root = JSON.createObjectNode().put("$ref", ref);
            root.set("components", doc.get("components"));
            return REGISTRY.getSchema(root.toString(), InputFormat.JSON);
        });
        return errors(schema, value, whole);
    }

    private static List<FieldProblem> errors(Schema schema, JsonNode value, String whole) {
        return schema.validate(value.toString(), InputFormat.JSON).stream().map(e -> problem(e, whole)).distinct().toList();
    }

    private static FieldProblem problem(Error e, String whole) {
        // "/features/0" names the value (a JSON pointer without its slash); a missing or extra property is named by
        // the error itself.
        String at = e.getInstanceLocation().toString().replaceFirst("^[$/]\\.?", "");
        String field = e.getProperty() != null && ("required".equals(e.getKeyword()) || "additionalProperties".equals(e.getKeyword()))
                ? (at.isEmpty() ? "" : at + "/") + e.getProperty() : at;
        String message = e.getMessage().replaceFirst("^\\$[^:]*: ", "");
        return new FieldProblem(field.isEmpty() ? whole : field, message);
    }
}
