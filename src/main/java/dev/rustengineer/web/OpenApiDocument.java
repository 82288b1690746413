package dev.rustengineer.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rustengineer.Version;
import dev.rustengineer.blueprint.Offer;
import dev.rustengineer.blueprint.ProjectName;
import dev.rustengineer.brief.Field;
import dev.rustengineer.brief.FieldType;
import dev.rustengineer.brief.TextBriefReader;
import java.util.Collection;
import java.util.List;

/**
 * The served API document: web/openapi.json with what the code owns filled in from the code, so the two cannot
 * drift. The brief's fields come from {@link Field} (types, enums, ranges), the text's length from the reader's
 * limit, the generator's enums from the template sets' offers, the specialists from the handoffs, and the names
 * cargo refuses from {@link ProjectName}. {@link RequestSchemas} then checks every request against this document.
 */
final class OpenApiDocument {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenApiDocument() {}

    static ObjectNode build(String template, List<Offer> offers, List<String> specialists) {
        return build(template, offers, specialists, TextBriefReader.MAX_BYTES);
    }

    /** The document for a server whose brief texts may be at most {@code maxBriefBytes} long. */
    static ObjectNode build(String template, List<Offer> offers, List<String> specialists, int maxBriefBytes) {
        ObjectNode doc;
        try {
            doc = (ObjectNode) JSON.readTree(template);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("web/openapi.json is not valid JSON", e);
        }
        doc.withObject("info").put("version", Version.current());
        ObjectNode schemas = (ObjectNode) doc.at("/components/schemas");
        ObjectNode brief = briefProperties((ObjectNode) schemas.get("Brief").withObject("properties"), maxBriefBytes);
        ObjectNode project = (ObjectNode) schemas.get("ProjectRequest").withObject("properties");
        Offer.choices(offers).forEach((name, values) ->
                enumOf(name.equals("with") ? project.withObject("with").withObject("items") : project.withObject(name), values));
        enumOf(project.withObject("name").withObject("not"), ProjectName.refused());
        // A project request is a brief plus the generator's options: one flat object, so additionalProperties
        // false applies to the whole (allOf with two closed schemas would refuse every request).
        brief.properties().forEach(p -> project.set(p.getKey(), p.getValue().deepCopy()));
        for (var p : doc.at("/paths/~1api~1handoffs/post/parameters")) {
            if (p.get("name").asText().equals("to")) {
                enumOf((ObjectNode) p.get("schema"), specialists);
            }
        }
        return doc;
    }

    private static ObjectNode briefProperties(ObjectNode props, int maxBriefBytes) {
        props.withObject("text").put("maxLength", maxBriefBytes);
        for (Field f : Field.values()) {
            ObjectNode p = props.putObject(f.key());
            p.put("description", f.question());
            switch (f.type()) {
                case FieldType.Bool b -> p.put("type", "boolean");
                case FieldType.Int i -> p.put("type", "integer").put("minimum", i.min()).put("maximum", Integer.MAX_VALUE);
                case FieldType.OneOf one -> enumOf(p, one.values());
                case FieldType.SetOf set -> {
                    p.put("type", "array").put("minItems", 1); // an empty list says nothing, and a form cannot send one
                    enumOf(p.putObject("items"), set.values());
                }
                case FieldType.Text t -> p.put("type", "string").put("maxLength", maxBriefBytes);
            }
        }
        return props;
    }

    private static void enumOf(ObjectNode schema, Collection<String> values) {
        schema.put("type", "string");
        if (values.isEmpty()) {
            schema.remove("enum"); // an empty enum would allow nothing; no values means none is offered yet
            return;
        }
        ArrayNode e = schema.putArray("enum");
        values.forEach(e::add);
    }
}
