package dev.rustengineer.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rustengineer.RustEngineer;
import dev.rustengineer.brief.Brief;
import dev.rustengineer.brief.Field;
import dev.rustengineer.brief.FieldType;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * Reads a brief from a request: a JSON body ({@code {"text": ".."}} and/or the structured fields), or form
 * parameters with the same names, so {@code curl -d text=...} works as well as a JSON client.
 */
final class BriefBody {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BriefBody() {}

    static Brief read(Context ctx, RustEngineer re) {
        return re.readBrief(json(ctx), "request body");
    }

    /** The request as a JSON object: the body if it is JSON, else the form or query parameters. */
    static ObjectNode json(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        if (type.startsWith("application/json")) {
            try {
                JsonNode node = JSON.readTree(ctx.body());
                if (node == null || !node.isObject()) {
                    throw new ApiError(400, "the body must be a JSON object, e.g. {\"text\": \"A REST API ...\"}");
                }
                return (ObjectNode) node;
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new ApiError(400, "the body is not valid JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
            }
        }
        ObjectNode o = JSON.createObjectNode();
        Map<String, List<String>> params = type.startsWith("multipart/") || type.startsWith("application/x-www-form-urlencoded")
                ? ctx.formParamMap() : ctx.queryParamMap();
        params.forEach((k, values) -> {
            if (values.isEmpty()) {
                return;
            }
            var field = Field.byKey(k);
            if (field.isPresent() && field.get().type() instanceof FieldType.SetOf) {
                var arr = o.putArray(k);
                values.forEach(v -> List.of(v.split(",")).forEach(x -> arr.add(x.strip())));
            } else {
                o.put(k, values.getLast());
            }
        });
        return o;
    }
}
