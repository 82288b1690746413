package dev.rustengineer.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rustengineer.brief.BriefTooLargeException;
import dev.rustengineer.brief.TextBriefReader;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Reads the body of a brief or project request: a JSON object, or form parameters with the same names (so
 * {@code curl -d text=...} works as well as a JSON client), checked against the document's schema for it. Any
 * other media type is a 415; a text over the brief limit a 413, before anything reads it.
 */
final class BriefBody {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> MEDIA_TYPES = List.of("application/json", "application/x-www-form-urlencoded");

    private BriefBody() {}

    /**
     * The request as a JSON object that conforms to {@code #/components/schemas/COMPONENT}, its text at most
     * {@code maxBriefBytes} (serve's --max-brief-bytes, never more than the reader's own limit).
     */
    static ObjectNode read(Context ctx, RequestSchemas schemas, String component, int maxBriefBytes) {
        String type = mediaType(ctx);
        ObjectNode body = switch (type) {
            case "application/json" -> parse(ctx.body());
            case "application/x-www-form-urlencoded" -> form(ctx, schemas, component);
            default -> throw new ApiError(415, (type.isEmpty() ? "the request has no Content-Type" : "the body is " + type)
                    + "; send " + String.join(" or ", MEDIA_TYPES), List.of(new FieldProblem("Content-Type", "one of " + MEDIA_TYPES)));
        };
        JsonNode text = body.get("text");
        int bytes = text != null && text.isTextual() ? text.asText().getBytes(StandardCharsets.UTF_8).length : 0;
        if (bytes > maxBriefBytes) {
            throw new BriefTooLargeException(maxBriefBytes == TextBriefReader.MAX_BYTES
                    ? "the brief is " + bytes / 1024 + " KiB; a brief may be at most 64 KiB"
                    : "the brief is " + bytes + " bytes; this server takes at most " + maxBriefBytes);
        }
        var problems = schemas.body(component, body);
        if (!problems.isEmpty()) {
            throw new ApiError(400, "the body does not match the API document: " + RequestSchemas.summary(problems), problems);
        }
        return body;
    }

    /** The media type without parameters (charset), lower case; empty when the request has none. */
    static String mediaType(Context ctx) {
        String type = ctx.contentType();
        return type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    private static ObjectNode parse(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw new ApiError(400, "the body must be a JSON object, e.g. {\"text\": \"A REST API ...\"}",
                        List.of(new FieldProblem("body", "a JSON object")));
            }
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            String why = e.getOriginalMessage().lines().findFirst().orElse("");
            throw new ApiError(400, "the body is not valid JSON: " + why, List.of(new FieldProblem("body", why)));
        }
    }

    private static ObjectNode form(Context ctx, RequestSchemas schemas, String component) {
        ObjectNode o = JSON.createObjectNode();
        ctx.formParamMap().forEach((k, values) -> {
            String type = schemas.propertyType(component, k);
            if (type.equals("array")) {
                // A list comes as repeated keys or comma-separated (features=rest,metrics), as the CLI takes it.
                var arr = o.putArray(k);
                values.forEach(v -> List.of(v.split(",")).forEach(x -> arr.add(x.strip())));
            } else if (!values.isEmpty()) {
                o.set(k, RequestSchemas.typed(type, values.getLast()));
            }
        });
        return o;
    }
}
