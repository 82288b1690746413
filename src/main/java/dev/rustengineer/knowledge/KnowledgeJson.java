package dev.rustengineer.knowledge;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rustengineer.brief.Field;
import java.io.IOException;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * All loaded knowledge as JSON (for `knowledge --json`, the REST API and MCP); conditions in their readable form. A
 * measured value names its source by id, command and date; the full source is once in {@code measurements.sources}.
 */
public final class KnowledgeJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new SimpleModule()
            .addSerializer(Condition.class, new ToText<>(Condition::describe))
            .addSerializer(Pattern.class, new ToText<>(Pattern::pattern))
            .addSerializer(Field.class, new ToText<>(Field::key))
            .addSerializer(Match.class, new ToText<>(KnowledgeJson::match))
            .addSerializer(Measurements.Measured.class, new MeasuredJson()));

    private KnowledgeJson() {}

    public static ObjectNode toJson(Knowledge k) {
        ObjectNode o = MAPPER.valueToTree(k);
        o.set("drawings", MAPPER.createObjectNode()
                .put(k.chooseRust().id(), String.join("\n", TreeDrawing.draw(k.chooseRust())))
                .put(k.webFramework().id(), String.join("\n", TreeDrawing.draw(k.webFramework()))));
        return o;
    }

    public static String render(Knowledge k) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(k));
        } catch (IOException e) {
            throw new IllegalStateException("knowledge JSON cannot fail to serialise", e);
        }
    }

    private static String match(Match m) {
        return switch (m) {
            case Match.Equals e -> String.valueOf(e.value());
            case Match.AnyOf a -> String.valueOf(a.values());
            case Match.Range r -> (r.lower() == null ? "" : ">= " + r.lower()) + (r.lower() != null && r.upper() != null ? " and " : "")
                    + (r.upper() == null ? "" : "< " + r.upper());
        };
    }

    private static final class MeasuredJson extends JsonSerializer<Measurements.Measured> {
        @Override
        public void serialize(Measurements.Measured m, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("value", m.value());
            gen.writeStringField("detail", m.detail());
            gen.writeObjectFieldStart("source");
            gen.writeStringField("id", m.source().id());
            gen.writeStringField("command", m.source().command());
            gen.writeStringField("date", m.source().date());
            gen.writeEndObject();
            gen.writeEndObject();
        }
    }

    private static final class ToText<T> extends JsonSerializer<T> {
        private final Function<T, String> text;

        ToText(Function<T, String> text) {
            this.text = text;
        }

        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(text.apply(value));
        }
    }
}
