package dev.rustengineer.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
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

    @Test
    void jsonThatIsNotARequestIsAnsweredWithInvalidRequest(@TempDir Path root) throws Exception {
        try (var mcp = new RawMcp(LAUNCHER, root, Map.of())) {
            mcp.initialize();
            mcp.send("{\"jsonrpc\":\"2.0\",\"id\":7}");
            mcp.send("[]");
            JsonNode first = mcp.next();
            assertThat(first.path("error").path("code").asInt()).as(first.toString()).isEqualTo(-32600);
            assertThat(first.path("id").asInt()).isEqualTo(7);
            assertThat(mcp.next().path("error").path("code").asInt()).isEqualTo(-32600);
            mcp.send(Map.of("jsonrpc", "2.0", "id", 2, "method", "ping"));
            assertThat(mcp.reply(2).has("result")).isTrue();
        }
    }

    @Test
    void anUnknownToolsErrorNamesIt(@TempDir Path root) throws Exception {
        try (var mcp = new RawMcp(LAUNCHER, root, Map.of())) {
            mcp.initialize();
            mcp.send(Map.of("jsonrpc", "2.0", "id", 2, "method", "tools/call", "params", Map.of("name", "no_such_tool", "arguments", Map.of())));
            JsonNode error = mcp.reply(2).path("error");
            assertThat(error.path("code").asInt()).isEqualTo(-32602);
            assertThat(error.path("message").asText()).contains("no_such_tool").contains("advise");
        }
    }

    /** A cargo that starts a child and waits: what a cancellation must stop, tree and all. */
    private static Path slowCargo(Path dir) throws Exception {
        Path cargo = dir.resolve("cargo");
        Files.writeString(cargo, "#!/usr/bin/env bash\necho \"Compiling slow v0.1.0\" >&2\nsleep 600 &\necho $! > \"" + dir.resolve("child.pid")
                + "\"\nwait\n");
        Files.setPosixFilePermissions(cargo, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(dir.resolve("project"));
        Files.writeString(dir.resolve("project/Cargo.toml"), "[package]\nname = \"slow\"\nversion = \"0.1.0\"\n");
        return cargo;
    }

    private static ProcessHandle child(Path root) throws Exception {
        Path pid = root.resolve("child.pid");
        while (!Files.exists(pid) || Files.readString(pid).isBlank()) {
            Thread.sleep(100);
        }
        return ProcessHandle.of(Long.parseLong(Files.readString(pid).strip())).orElseThrow();
    }

    private static void awaitGone(ProcessHandle p) throws Exception {
        assertThat(p.onExit().get(3, java.util.concurrent.TimeUnit.MINUTES).isAlive()).isFalse();
    }

    @Test
    void verifyReportsProgressAndACancellationStopsCargosProcessTree(@TempDir Path root) throws Exception {
        Path cargo = slowCargo(root);
        try (var mcp = new RawMcp(LAUNCHER, root, Map.of("CARGO", cargo.toString()))) {
            mcp.initialize();
            mcp.send(Map.of("jsonrpc", "2.0", "id", 5, "method", "tools/call", "params", Map.of("name", "verify",
                    "arguments", Map.of("path", "project", "steps", List.of("build")), "_meta", Map.of("progressToken", "v1"))));
            JsonNode progress = mcp.next(m -> "notifications/progress".equals(m.path("method").asText()));
            assertThat(progress.path("params").path("progressToken").asText()).isEqualTo("v1");
            assertThat(progress.path("params").path("message").asText()).isEqualTo("build: started");
            assertThat(progress.path("params").path("total").asDouble()).isEqualTo(2.0);
            ProcessHandle sleeper = child(root);
            mcp.send(Map.of("jsonrpc", "2.0", "method", "notifications/cancelled", "params", Map.of("requestId", 5, "reason", "test")));
            awaitGone(sleeper);
            JsonNode reply = mcp.reply(5);
            assertThat(reply.path("result").path("isError").asBoolean()).as(reply.toString()).isTrue();
            assertThat(reply.toString()).contains("verify: cancelled");
            mcp.send(Map.of("jsonrpc", "2.0", "id", 6, "method", "ping"));
            assertThat(mcp.reply(6).has("result")).isTrue();
        }
    }

    @Test
    void closingStdinDuringVerifyStopsCargoAndExitsZero(@TempDir Path root) throws Exception {
        Path cargo = slowCargo(root);
        try (var mcp = new RawMcp(LAUNCHER, root, Map.of("CARGO", cargo.toString()))) {
            mcp.initialize();
            mcp.send(Map.of("jsonrpc", "2.0", "id", 5, "method", "tools/call", "params", Map.of("name", "verify",
                    "arguments", Map.of("path", "project", "steps", List.of("build")))));
            ProcessHandle sleeper = child(root);
            mcp.closeInput();
            assertThat(mcp.exitCode()).isZero();
            awaitGone(sleeper);
        }
    }

    @Test
    void resourcesAndPromptsAreListedAndReadable(@TempDir Path root) throws Exception {
        try (var mcp = new RawMcp(LAUNCHER, root, Map.of())) {
            JsonNode caps = mcp.initialize().path("result").path("capabilities");
            assertThat(caps.has("resources")).isTrue();
            assertThat(caps.has("prompts")).isTrue();
            mcp.send(Map.of("jsonrpc", "2.0", "id", 2, "method", "resources/list"));
            List<String> uris = mcp.reply(2).path("result").path("resources").findValuesAsText("uri");
            assertThat(uris).contains("rust-engineer://knowledge", "rust-engineer://knowledge/crates", "rust-engineer://audit/rules",
                    "rust-engineer://knowledge/tables/async-runtime", "rust-engineer://knowledge/tables/ffi");
            assertThat(uris).filteredOn(u -> u.startsWith("rust-engineer://knowledge/trees/")).hasSize(2);
            int id = 10;
            for (String uri : uris) {
                mcp.send(Map.of("jsonrpc", "2.0", "id", id, "method", "resources/read", "params", Map.of("uri", uri)));
                JsonNode contents = mcp.reply(id++).path("result").path("contents").get(0);
                assertThat(contents.path("uri").asText()).isEqualTo(uri);
                assertThat(contents.path("text").asText()).as(uri).hasSizeGreaterThan(100);
            }
            mcp.send(Map.of("jsonrpc", "2.0", "id", 3, "method", "prompts/list"));
            assertThat(mcp.reply(3).path("result").path("prompts").findValuesAsText("name"))
                    .contains("advise_on_brief", "review_crate", "start_service");
            mcp.send(Map.of("jsonrpc", "2.0", "id", 4, "method", "prompts/get",
                    "params", Map.of("name", "advise_on_brief", "arguments", Map.of("brief", "A CLI that parses logs"))));
            assertThat(mcp.reply(4).path("result").path("messages").get(0).path("content").path("text").asText())
                    .contains("advise").contains("A CLI that parses logs");
        }
    }
}
