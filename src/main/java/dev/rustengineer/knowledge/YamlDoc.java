package dev.rustengineer.knowledge;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document read into Jackson nodes, remembering the line where every mapping and sequence starts.
 * Jackson's tree model drops locations, and validation errors must name file and line, so this walks the
 * streaming parser itself (about forty lines instead of a second YAML library).
 */
public final class YamlDoc {
    private static final YAMLFactory YAML = new YAMLFactory();

    private final String file;
    private final JsonNode root;
    private final Map<JsonNode, Integer> lines;
    private final Map<JsonNode, Map<String, Integer>> keyLines;

    private YamlDoc(String file, JsonNode root, Map<JsonNode, Integer> lines, Map<JsonNode, Map<String, Integer>> keyLines) {
        this.file = file;
        this.root = root;
        this.lines = lines;
        this.keyLines = keyLines;
    }

    public static YamlDoc read(String file, InputStream in) {
        Map<JsonNode, Integer> lines = new IdentityHashMap<>();
        Map<JsonNode, Map<String, Integer>> keyLines = new IdentityHashMap<>();
        try (JsonParser p = YAML.createParser(in)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new KnowledgeException(file, 1, "the file is empty");
            }
            JsonNode root = readValue(p, lines, keyLines);
            return new YamlDoc(file, root, lines, keyLines);
        } catch (IOException e) {
            int line = e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
                    ? j.getLocation().getLineNr()
                    : 1;
            throw new KnowledgeException(file, line, "not valid YAML: " + firstLine(e.getMessage()));
        }
    }

    private static JsonNode readValue(JsonParser p, Map<JsonNode, Integer> lines, Map<JsonNode, Map<String, Integer>> keyLines)
            throws IOException {
        JsonNodeFactory f = JsonNodeFactory.instance;
        int line = p.currentTokenLocation().getLineNr();
        return switch (p.currentToken()) {
            case START_OBJECT -> {
                ObjectNode o = f.objectNode();
                lines.put(o, line);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    keyLines.computeIfAbsent(o, k -> new HashMap<>())
                            .put(name, p.currentTokenLocation().getLineNr());
                    p.nextToken();
                    o.set(name, readValue(p, lines, keyLines));
                }
                yield o;
            }
            case START_ARRAY -> {
                ArrayNode a = f.arrayNode();
                lines.put(a, line);
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(readValue(p, lines, keyLines));
                }
                yield a;
            }
            case VALUE_STRING -> f.textNode(p.getText());
            case VALUE_NUMBER_INT -> f.numberNode(p.getLongValue());
            case VALUE_NUMBER_FLOAT -> f.numberNode(p.getDoubleValue());
            case VALUE_TRUE -> f.booleanNode(true);
            case VALUE_FALSE -> f.booleanNode(false);
            case VALUE_NULL -> f.nullNode();
            default -> throw new KnowledgeException("?", line, "unexpected YAML token " + p.currentToken());
        };
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    public String file() {
        return file;
    }

    public JsonNode root() {
        return root;
    }

    /** The line where a mapping or sequence starts; 1 when unknown (scalars report their parent's line). */
    public int line(JsonNode node) {
        return lines.getOrDefault(node, 1);
    }

    /** The line of one key of a mapping, falling back to the mapping's own line. */
    public int line(JsonNode obj, String key) {
        Map<String, Integer> keys = keyLines.get(obj);
        Integer l = keys == null ? null : keys.get(key);
        return l != null ? l : line(obj);
    }

    public KnowledgeException error(JsonNode obj, String key, String message) {
        return new KnowledgeException(file, line(obj, key), message);
    }

    public KnowledgeException error(JsonNode at, String message) {
        return new KnowledgeException(file, line(at), message);
    }

    /** A required text field of a mapping. */
    public String text(JsonNode obj, String key) {
        JsonNode v = obj.get(key);
        if (v == null || v.isNull() || !v.isValueNode()) {
            throw error(obj, "missing '" + key + "'");
        }
        return v.asText();
    }

    public String optText(JsonNode obj, String key) {
        JsonNode v = obj.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** A required sequence of a mapping. */
    public List<JsonNode> list(JsonNode obj, String key) {
        JsonNode v = obj.get(key);
        if (v == null || !v.isArray()) {
            throw error(obj, "missing list '" + key + "'");
        }
        List<JsonNode> out = new ArrayList<>();
        v.forEach(out::add);
        return out;
    }

    public List<String> texts(JsonNode obj, String key) {
        JsonNode v = obj.get(key);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw error(obj, "'" + key + "' must be a list");
        }
        List<String> out = new ArrayList<>();
        v.forEach(n -> out.add(n.asText()));
        return out;
    }
}
