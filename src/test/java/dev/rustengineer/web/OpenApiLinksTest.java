package dev.rustengineer.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rustengineer.RustEngineer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The served document's OpenAPI links (what schemathesis' stateful phase follows) point at operations that exist,
 * read fields the source's response schema declares, and write fields the target's request schema takes: a link
 * that names a field nobody serves would make the stateful phase send nonsense and pass anyway.
 */
class OpenApiLinksTest {
    private static final Pattern BODY_POINTER = Pattern.compile("^\\$response\\.body#(/.*)$");
    private static ObjectNode doc;
    private static final Map<String, JsonNode> OPERATIONS = new HashMap<>();

    @BeforeAll
    static void build() throws IOException {
        try (InputStream in = WebServer.class.getResourceAsStream("/web/openapi.json")) {
            RustEngineer re = RustEngineer.shared();
            doc = OpenApiDocument.build(new String(in.readAllBytes(), StandardCharsets.UTF_8), re.offers(), re.handoffs().offered());
        }
        doc.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            assertThat(op.getValue().has("operationId")).as("%s %s has an operationId", op.getKey(), path.getKey()).isTrue();
            assertThat(OPERATIONS.put(op.getValue().get("operationId").asText(), op.getValue())).as("operationIds are unique").isNull();
        }));
    }

    private record Link(String name, JsonNode source, JsonNode definition) {}

    private static List<Link> links() {
        List<Link> links = new ArrayList<>();
        OPERATIONS.values().forEach(op -> op.path("responses").properties().forEach(r -> r.getValue().path("links").properties()
                .forEach(l -> links.add(new Link(l.getKey(), r.getValue(), l.getValue())))));
        return links;
    }

    /** The schema a JSON pointer into a response body lands on, following $ref and properties. */
    private static JsonNode schemaAt(JsonNode schema, String pointer) {
        JsonNode s = resolve(schema);
        for (String part : pointer.substring(1).split("/")) {
            s = resolve(s.path("properties").path(part));
            assertThat(s.isMissingNode()).as("the response schema declares %s", pointer).isFalse();
        }
        return s;
    }

    private static JsonNode resolve(JsonNode schema) {
        return schema.has("$ref") ? doc.at(schema.get("$ref").asText().substring(1)) : schema;
    }

    private static JsonNode requestSchema(JsonNode operation) {
        return resolve(operation.at("/requestBody/content/application~1json/schema"));
    }

    @Test
    void theAdviceFeedsThePreviewTheZipAndTheHandoffAndThePreviewFeedsTheZip() {
        assertThat(links()).extracting(l -> l.definition().get("operationId").asText())
                .contains("previewProject", "generateProject", "handoff");
    }

    @Test
    void everyLinkReadsWhatTheSourceServesAndWritesWhatTheTargetTakes() {
        assertThat(links()).isNotEmpty().allSatisfy(link -> {
            JsonNode target = OPERATIONS.get(link.definition().path("operationId").asText());
            assertThat(target).as("%s targets an operation", link.name()).isNotNull();
            JsonNode response = link.source().at("/content/application~1json/schema");
            JsonNode body = link.definition().get("requestBody");
            JsonNode takes = requestSchema(target).path("properties");
            if (body.isTextual()) {
                // The whole body from one pointer: an object whose keys the target takes (the brief's fields).
                Matcher m = BODY_POINTER.matcher(body.asText());
                assertThat(m.matches()).as(body.asText()).isTrue();
                assertThat(schemaAt(response, m.group(1)).path("type").asText()).isEqualTo("object");
                assertThat(doc.at("/components/schemas/Brief/properties").properties()).isNotEmpty()
                        .allSatisfy(f -> assertThat(takes.has(f.getKey())).as("the target takes the brief's %s", f.getKey()).isTrue());
            } else {
                body.properties().forEach(field -> {
                    assertThat(takes.has(field.getKey())).as("%s: the target takes %s", link.name(), field.getKey()).isTrue();
                    Matcher m = BODY_POINTER.matcher(field.getValue().asText());
                    assertThat(m.matches()).as(field.getValue().asText()).isTrue();
                    JsonNode served = schemaAt(response, m.group(1));
                    assertThat(served.path("nullable").asBoolean(false)).as("%s may be null, which the target refuses", m.group(1)).isFalse();
                });
            }
        });
    }
}
