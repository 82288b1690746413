package dev.rustengineer.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** A real MCP client (the SDK's, over stdio) against the built launcher; and the npm inspector CLI. */
class McpServerIT {
    private static final String LAUNCHER = Path.of("rust-engineer").toAbsolutePath().toString();

    static String text(CallToolResult r) {
        return r.content().stream().map(c -> ((McpSchema.TextContent) c).text()).reduce("", (a, b) -> a + b);
    }

    @Test
    void listsAndCallsEveryTool(@TempDir Path root) {
        var params = ServerParameters.builder(LAUNCHER).args("mcp", "--root", root.toString()).build();
        var transport = new StdioClientTransport(params, new JacksonMcpJsonMapper(JsonMapper.builder().build()));
        try (McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofMinutes(5)).build()) {
            client.initialize();
            var tools = client.listTools().tools();
            assertThat(tools).extracting(McpSchema.Tool::name).containsExactlyInAnyOrder("advise", "knowledge", "new_project", "verify", "upgrade", "audit", "doctor",
                    "handoff");
            tools.forEach(t -> {
                assertThat(t.description()).hasSizeGreaterThan(80).doesNotContainPattern("[a-z]optional");
                assertThat(t.title()).as(t.name()).isNotBlank();
                assertThat(t.outputSchema()).as(t.name()).containsEntry("type", "object");
                assertThat(t.annotations()).as(t.name()).isNotNull();
                assertThat(List.of(t.annotations().readOnlyHint(), t.annotations().destructiveHint(), t.annotations().idempotentHint(),
                        t.annotations().openWorldHint())).as(t.name()).doesNotContainNull();
            });
            assertThat(tools.stream().filter(t -> t.annotations().readOnlyHint()).map(McpSchema.Tool::name).toList())
                    .containsExactlyInAnyOrder("advise", "knowledge", "audit", "doctor");
            assertThat(tools.stream().filter(t -> t.name().equals("advise")).findFirst().orElseThrow().inputSchema().get("properties"))
                    .asInstanceOf(InstanceOfAssertFactories.MAP).containsKeys("text", "kind", "latency_ms", "go_or_node_ok", "detail");

            CallToolResult advice = client.callTool(new CallToolRequest("advise", Map.of("text", "A REST API for payments; p99 under 5 ms")));
            assertThat(advice.isError()).isFalse();
            assertThat(text(advice)).startsWith("rust-engineer takes this task.").contains("web=axum");
            assertThat(text(advice).length()).as("short by default").isLessThan(1500);
            assertThat(advice.structuredContent().toString()).contains("decisions");

            CallToolResult bad = client.callTool(new CallToolRequest("advise", Map.of("kind", "spaceship")));
            assertThat(bad.isError()).isTrue();
            CallToolResult empty = client.callTool(new CallToolRequest("advise", Map.of()));
            assertThat(empty.isError()).isTrue();
            assertThat(text(empty)).contains("the brief is empty");

            CallToolResult knowledge = client.callTool(new CallToolRequest("knowledge", Map.of()));
            assertThat(text(knowledge)).contains("├─ YES → Project type?");
            assertThat(knowledge.structuredContent().toString()).contains("rust-engineer://knowledge/crates");
            CallToolResult doctor = client.callTool(new CallToolRequest("doctor", Map.of()));
            assertThat(text(doctor)).contains("ok cargo: cargo 1.");

            CallToolResult made = client.callTool(new CallToolRequest("new_project",
                    Map.of("name", "orders", "brief", "REST API for orders, p99 under 5 ms", "directory", "svc")));
            assertThat(made.isError()).as(text(made)).isFalse();
            assertThat(text(made)).contains("Wrote 39 files to svc/orders");
            assertThat(root.resolve("svc/orders/src/orders.rs")).exists();
            assertThat(made.structuredContent()).asInstanceOf(InstanceOfAssertFactories.MAP)
                    .containsEntry("generated", true).containsEntry("location", "svc/orders");

            CallToolResult away = client.callTool(new CallToolRequest("new_project", Map.of("name", "claims", "brief", "A Spring Boot backend")));
            assertThat(text(away)).contains("goes to java-architect");
            assertThat(root.resolve("claims")).doesNotExist();
            assertThat(away.isError()).isFalse();
            assertThat(away.structuredContent()).asInstanceOf(InstanceOfAssertFactories.MAP)
                    .containsEntry("generated", false).containsEntry("route", "java-architect");

            CallToolResult outside = client.callTool(new CallToolRequest("new_project", Map.of("name", "x", "directory", "../..")));
            assertThat(outside.isError()).isTrue();
            assertThat(text(outside)).contains("outside the server's root");

            CallToolResult verified = client.callTool(new CallToolRequest("verify", Map.of("path", "svc/orders", "steps", List.of("fmt"))));
            assertThat(verified.isError()).as(text(verified)).isFalse();
            assertThat(text(verified)).startsWith("PASSED").contains("fmt: pass");
            assertThat(verified.structuredContent()).asInstanceOf(InstanceOfAssertFactories.MAP).containsEntry("passed", true);
            CallToolResult audit = client.callTool(new CallToolRequest("audit", Map.of("path", "svc/orders", "limit", 5)));
            assertThat(audit.isError()).as(text(audit)).isFalse();
            assertThat(text(audit)).startsWith("19 files,").doesNotContain("blocking-in-async");
            // devops-engineer's package needs no build; promtool (scripts/setup.d) checks it
            CallToolResult handoff = client.callTool(new CallToolRequest("handoff", Map.of("path", "svc/orders", "to", "devops-engineer")));
            assertThat(handoff.isError()).as(text(handoff)).isFalse();
            assertThat(text(handoff)).startsWith("Handoff to devops-engineer:").contains("svc/orders/handoff/devops-engineer")
                    .contains("passed the alert rules: promtool check rules prometheus/alerts.yml");
            assertThat(root.resolve("svc/orders/handoff/devops-engineer/HANDOFF.md")).exists();
            CallToolResult lacking = client.callTool(new CallToolRequest("handoff", Map.of("path", "svc/orders", "to", "golang-pro")));
            assertThat(lacking.isError()).isTrue();
            assertThat(text(lacking)).contains("lacks what a handoff to golang-pro needs");
            CallToolResult escape = client.callTool(new CallToolRequest("handoff", Map.of("path", "svc/orders", "to", "devops-engineer",
                    "out", "../elsewhere")));
            assertThat(escape.isError()).isTrue();
            assertThat(text(escape)).contains("outside the server's root");
            CallToolResult notCargo = client.callTool(new CallToolRequest("verify", Map.of("path", "svc")));
            assertThat(notCargo.isError()).isTrue();
            assertThat(text(notCargo)).contains("not a cargo project");
        }
    }

    /** The inspector scripts/setup.d/36-mcp-inspector.sh pins; npx fetches that version where setup has not run. */
    private static List<String> inspector(Path dir) {
        String tools = System.getenv().getOrDefault("RUST_ENGINEER_PEER_TOOLS", System.getProperty("user.home") + "/.cache/rust-engineer/peer-tools");
        Path installed = Path.of(tools, "node_modules/.bin/mcp-inspector");
        return Files.isExecutable(installed) ? List.of(installed.toString(), "--cli")
                : List.of("npx", "-y", "@modelcontextprotocol/inspector@0.21.2", "--cli");
    }

    private static String inspect(Path dir, String... method) throws Exception {
        List<String> command = new java.util.ArrayList<>(inspector(dir));
        command.addAll(List.of(LAUNCHER, "mcp", "--root", dir.toString()));
        command.addAll(List.of(method));
        var pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("npm_config_cache", dir.resolve("npm-cache").toString());
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void theInspectorCliListsAndCallsTheToolsResourcesAndPrompts(@TempDir Path dir) throws Exception {
        assertThat(inspect(dir, "--method", "tools/list")).contains("\"name\": \"advise\"").contains("\"name\": \"new_project\"")
                .contains("\"outputSchema\"").contains("\"readOnlyHint\": true").contains("\"title\": \"Verify with cargo\"");
        assertThat(inspect(dir, "--method", "tools/call", "--tool-name", "advise", "--tool-arg", "text=A REST API for payments; p99 under 5 ms"))
                .contains("structuredContent").contains("rust-engineer takes this task.");
        assertThat(inspect(dir, "--method", "resources/list")).contains("rust-engineer://knowledge/crates");
        assertThat(inspect(dir, "--method", "resources/read", "--uri", "rust-engineer://audit/rules")).contains("unsafe-block");
        assertThat(inspect(dir, "--method", "prompts/list")).contains("review_crate");
        assertThat(inspect(dir, "--method", "prompts/get", "--prompt-name", "review_crate", "--prompt-args", "path=svc"))
                .contains("audit");
    }
}
