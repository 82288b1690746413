package dev.rustengineer.mcp;

import dev.rustengineer.brief.Field;
import dev.rustengineer.brief.FieldType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON schema of a brief as tool arguments, generated from the one brief schema ({@link Field}). */
final class BriefSchema {
    private BriefSchema() {}

    static Map<String, Object> properties() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("text", Map.of("type", "string", "description",
                "The task in plain words, e.g. 'A REST API for payments; p99 under 5 ms; data in PostgreSQL'. "
                        + "Structured fields given beside it override what the text says."));
        for (Field f : Field.values()) {
            Map<String, Object> p = new LinkedHashMap<>();
            switch (f.type()) {
                case FieldType.Bool b -> p.put("type", "boolean");
                case FieldType.Int i -> {
                    p.put("type", "integer");
                    p.put("minimum", i.min());
                }
                case FieldType.OneOf o -> {
                    p.put("type", "string");
                    p.put("enum", o.values());
                }
                case FieldType.SetOf s -> {
                    p.put("type", "array");
                    p.put("items", Map.of("type", "string", "enum", s.values()));
                }
                case FieldType.Text t -> p.put("type", "string");
            }
            p.put("description", f.question());
            props.put(f.key(), p);
        }
        return props;
    }

    static Map<String, Object> object(Map<String, Object> properties, List<String> required) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        schema.put("additionalProperties", false);
        return schema;
    }
}
