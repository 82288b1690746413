package dev.rustengineer.brief;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.rustengineer.UsageException;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a structured brief (YAML or JSON, a file or one JSON object) into a {@link Brief}. Keys are the
 * fields' snake_case names plus {@code text} for free text read by the text rules; anything else is an error.
 */
public final class StructuredBriefReader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TextBriefReader text;

    public StructuredBriefReader(TextBriefReader text) {
        this.text = text;
    }

    public Brief readFile(Path file) {
        String content;
        try {
            content = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new UsageException("brief file not found: " + file);
        } catch (MalformedInputException e) {
            throw new UsageException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new UsageException("cannot read brief file " + file + ": " + e.getMessage());
        }
        boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        JsonNode node;
        try {
            node = (json ? JSON : YAML).readTree(content);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new UsageException(file + (line > 0 ? ":" + line : "") + ": not valid " + (json ? "JSON" : "YAML")
                    + ": " + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        return read(node, file.toString(), Evidence::file);
    }

    /** Reads one JSON object (a line of a batch, a REST body, MCP arguments). */
    public Brief readJson(String json, String source) {
        try {
            return read(JSON.readTree(json), source, Evidence::file);
        } catch (JsonProcessingException e) {
            throw new UsageException(source + ": not valid JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
    }

    public Brief read(JsonNode node, String source, Function<String, Evidence> evidence) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new UsageException(source + ": the brief is empty");
        }
        if (!node.isObject()) {
            throw new UsageException(source + ": a brief must be a mapping of fields, e.g. {kind: backend, latency_ms: 5}");
        }
        Brief base = Brief.empty();
        JsonNode t = node.get("text");
        if (t != null && !t.isNull()) {
            if (!t.isTextual()) {
                throw new UsageException(source + ": 'text' must be a string");
            }
            base = text.read(t.asText());
        }
        Brief.Builder b = Brief.builder();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String key = e.getKey();
            if (key.equals("text")) {
                continue;
            }
            Field field = Field.byKey(key).orElseThrow(() -> new UsageException(source + ": unknown field '" + key
                    + "'; known fields: text, " + String.join(", ", Arrays.stream(Field.values()).map(Field::key).toList())));
            JsonNode v = e.getValue();
            if (v.isNull()) {
                continue;
            }
            try {
                b.set(field, raw(v), evidence.apply(key));
            } catch (UsageException ex) {
                throw new UsageException(source + ": " + ex.getMessage());
            }
        }
        return base.overlay(b.build());
    }

    private static Object raw(JsonNode v) {
        if (v.isArray()) {
            List<Object> items = new ArrayList<>();
            v.forEach(i -> items.add(i.asText()));
            return items;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isNumber()) {
            return v.numberValue();
        }
        return v.asText();
    }
}
