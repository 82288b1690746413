package dev.rustengineer.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Each tool's outputSchema, kept as JSON beside the code (src/main/resources/mcp/output/TOOL.json) so it reads as a
 * schema. The SDK checks every successful result's structuredContent against it; a result that drifted from its
 * schema turns into an error the tests see.
 */
final class OutputSchemas {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OutputSchemas() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> of(String tool) {
        String resource = "/mcp/output/" + tool + ".json";
        try (InputStream in = OutputSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no output schema " + resource);
            }
            return JSON.readValue(in, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
