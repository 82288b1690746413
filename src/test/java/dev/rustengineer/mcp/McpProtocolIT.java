package dev.rustengineer.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rustengineer.verify.CargoFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
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
        assertThat(p.onExit().get(3, TimeUnit.MINUTES).isAlive()).isFalse();
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

    /**
     * The processes whose command line or working directory is inside {@code project}: cargo runs there, and rustc,
     * build scripts and test binaries name it (their --out-dir, their own path under target/).
     */
    private static Map<Long, String> processesOf(Path project) throws IOException {
        Map<Long, String> found = new TreeMap<>();
        String path = project.toString();
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String command = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ').strip();
                    String cwd = Files.readSymbolicLink(proc.resolve("cwd")).toString();
                    if (command.contains(path) || cwd.startsWith(path)) {
                        found.put(Long.parseLong(proc.getFileName().toString()), command + " (in " + cwd + ")");
                    }
                } catch (IOException gone) {
                    // the process ended while it was read
                }
            }
        }
        return found;
    }

    /** The case with real cargo: an agent that closes stdin while verify runs the tests leaves no cargo behind. */
    @Test
    void closingStdinDuringARealCargoTestLeavesNothingOfThatRunRunning(@TempDir Path root) throws Exception {
        Path project = CargoFixtures.project(root, "mcp_stdin_fixture", """
                #[cfg(test)]
                mod tests {
                    #[test]
                    fn sleeps() {
                        std::thread::sleep(std::time::Duration::from_secs(300));
                    }
                }
                """);
        try (var mcp = new RawMcp(LAUNCHER, root, Map.of())) {
            mcp.initialize();
            mcp.send(Map.of("jsonrpc", "2.0", "id", 5, "method", "tools/call", "params", Map.of("name", "verify",
                    "arguments", Map.of("path", "mcp_stdin_fixture", "steps", List.of("test")))));
            Map<Long, String> running = Map.of();
            for (int i = 0; i < 1800 && running.values().stream().noneMatch(c -> c.contains("/deps/mcp_stdin_fixture-")); i++) {
                Thread.sleep(100);
                running = processesOf(project);
            }
            assertThat(running.values()).as("cargo and the test binary running").anySatisfy(c -> assertThat(c).contains("cargo test --message-format=json"))
                    .anySatisfy(c -> assertThat(c).contains("/deps/mcp_stdin_fixture-"));
            mcp.closeInput();
            assertThat(mcp.exitCode()).isZero();
            running.keySet().forEach(pid -> ProcessHandle.of(pid).ifPresent(h -> h.onExit().completeOnTimeout(h, 10, TimeUnit.SECONDS).join()));
            assertThat(processesOf(project)).as("left running").isEmpty();
        }
    }

    /** A supervisor's SIGTERM (not stdin) ends the server; cargo's tree goes with it. */
    @Test
    void sigtermDuringVerifyStopsCargosProcessTree(@TempDir Path root) throws Exception {
        Path cargo = slowCargo(root);
        try (var mcp = new RawMcp(LAUNCHER, root, Map.of("CARGO", cargo.toString()))) {
            mcp.initialize();
            mcp.send(Map.of("jsonrpc", "2.0", "id", 5, "method", "tools/call", "params", Map.of("name", "verify",
                    "arguments", Map.of("path", "project", "steps", List.of("build")))));
            ProcessHandle sleeper = child(root);
            new ProcessBuilder("kill", "-TERM", Long.toString(mcp.process().pid())).start().waitFor();
            assertThat(mcp.exitCode()).isEqualTo(143);
            awaitGone(sleeper);
        }
    }

    /** A handoff runs the specialist's tools one check after another: each is announced as it starts and ends. */
    @Test
    void handoffReportsEachStageAndCheckAsProgress(@TempDir Path root) throws Exception {
        try (var mcp = new RawMcp(LAUNCHER, root, Map.of())) {
            mcp.initialize();
            mcp.send(Map.of("jsonrpc", "2.0", "id", 2, "method", "tools/call", "params", Map.of("name", "new_project",
                    "arguments", Map.of("name", "orders", "brief", "REST API for orders, p99 under 5 ms"))));
            assertThat(mcp.reply(2).path("result").path("isError").asBoolean()).isFalse();
            mcp.send(Map.of("jsonrpc", "2.0", "id", 3, "method", "tools/call", "params", Map.of("name", "handoff",
                    "arguments", Map.of("path", "orders", "to", "devops-engineer"), "_meta", Map.of("progressToken", "h1"))));
            List<JsonNode> progress = new ArrayList<>();
            JsonNode reply;
            while (true) {
                JsonNode m = mcp.next();
                if ("notifications/progress".equals(m.path("method").asText())) {
                    progress.add(m.path("params"));
                } else if (m.path("id").asInt() == 3) {
                    reply = m;
                    break;
                }
            }
            JsonNode checks = reply.path("result").path("structuredContent").path("checks");
            assertThat(checks.size()).as(reply.toString()).isPositive();
            assertThat(progress).allSatisfy(p -> assertThat(p.path("progressToken").asText()).isEqualTo("h1"));
            assertThat(progress.getFirst().path("message").asText()).isEqualTo("making the package for devops-engineer");
            assertThat(progress.get(1).path("message").asText()).contains(checks.size() + " checks to run");
            // two per check after the package's two; the total is known from the second on and reached at the end
            assertThat(progress).hasSize(2 + 2 * checks.size());
            assertThat(progress.stream().map(p -> p.path("progress").asDouble()).toList()).isSorted().doesNotHaveDuplicates();
            assertThat(progress.getLast().path("progress").asDouble()).isEqualTo(progress.getLast().path("total").asDouble());
            for (int i = 0; i < checks.size(); i++) {
                String name = checks.get(i).path("name").asText();
                assertThat(progress.get(2 + 2 * i).path("message").asText()).startsWith(name + ": started");
                assertThat(progress.get(3 + 2 * i).path("message").asText()).startsWith(name + ": " + checks.get(i).path("status").asText());
            }
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
