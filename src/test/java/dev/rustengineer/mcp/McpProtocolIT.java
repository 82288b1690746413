package dev.rustengineer.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON-RPC layer of {@code mcp} under input no well-behaved client sends, against the real launcher. */
class McpProtocolIT {
    private static final Path LAUNCHER = Path.of("rust-engineer").toAbsolutePath();

    @Test
    void aLineThatIsNotJsonIsAnsweredWithParseErrorAndTheNextRequestStillIs(@TempDir Path root) throws Exception {
        try (var mcp = new RawMcp(LAUNCHER, root, Map.of())) {
            mcp.send("not json");
            mcp.send(RawMcp.INITIALIZE);
            JsonNode parseError = mcp.next();
            assertThat(parseError.path("error").path("code").asInt()).as(parseError.toString()).isEqualTo(-32700);
            assertThat(parseError.get("id").isNull()).as("the id of a line that could not be read is null").isTrue();
            JsonNode init = mcp.next();
            assertThat(init.path("id").asInt()).isEqualTo(1);
            assertThat(init.path("result").path("serverInfo").path("name").asText()).isEqualTo("rust-engineer");
            mcp.closeInput();
            assertThat(mcp.exitCode()).isZero();
        }
    }

    @Test
    void closingStdinEndsTheServerWithExitZero(@TempDir Path root) throws Exception {
        try (var mcp = new RawMcp(LAUNCHER, root, Map.of())) {
            mcp.initialize();
            mcp.closeInput();
            assertThat(mcp.exitCode()).isZero();
        }
    }
}
