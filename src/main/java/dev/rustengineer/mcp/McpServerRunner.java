package dev.rustengineer.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rustengineer.RustEngineer;
import dev.rustengineer.advise.Advice;
import dev.rustengineer.advise.AdviceJson;
import dev.rustengineer.doctor.Doctor;
import dev.rustengineer.knowledge.KnowledgeJson;
import dev.rustengineer.knowledge.KnowledgeText;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MCP door over stdio: tools for AI coding agents, each thin over the facade. Only protocol goes to stdout;
 * anything else (logs, warnings) goes to stderr.
 */
public final class McpServerRunner {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RustEngineer re;
    private final Duration timeLimit;

    public McpServerRunner(RustEngineer re, Duration timeLimit) {
        this.re = re;
        this.timeLimit = timeLimit;
    }

    /** Serves until the client closes stdin. */
    public void serve(InputStream in, OutputStream out) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        InputStream watched = new FilterInputStream(in) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n < 0) {
                    closed.countDown();
                }
                return n;
            }

            @Override
            public int read() throws IOException {
                int c = super.read();
                if (c < 0) {
                    closed.countDown();
                }
                return c;
            }
        };
        var transport = new StdioServerTransportProvider(new JacksonMcpJsonMapper(JsonMapper.builder().build()), watched, out);
        McpSyncServer server = McpServer.sync(transport)
                .serverInfo("rust-engineer", "0.1.0")
                .instructions("The Rust Engineer: call `advise` with a brief to learn whether Rust fits a task, the stack, "
                        + "and the decision paths; `knowledge` shows the rules; `doctor` checks the Rust toolchain.")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
                .tools(tools())
                .build();
        closed.await();
        server.closeGracefully();
    }

    List<SyncToolSpecification> tools() {
        List<SyncToolSpecification> tools = new ArrayList<>();
        tools.add(tool("advise",
                "Decide whether the Rust Engineer takes a task and how: the stack (runtime, web framework, db layer, FFI, "
                        + "target), the path through each decision tree of the spec, escalations to oracle, handoffs to other "
                        + "specialists, and what had to be assumed. Give `text` (a free-text brief) and/or structured fields; "
                        + "fields override the text. The result starts with a one-paragraph summary; set detail='full' for the "
                        + "whole advice JSON (the same as `rust-engineer advise --json`).",
                withDetail(BriefSchema.properties()),
                args -> {
                    Map<String, Object> brief = new java.util.LinkedHashMap<>(args);
                    boolean full = "full".equals(brief.remove("detail"));
                    Advice a = re.advise(re.readBrief(JSON.valueToTree(brief), "arguments"));
                    var json = AdviceJson.toJson(a);
                    var result = CallToolResult.builder().addTextContent(AdviceSummary.summary(a));
                    if (full) {
                        result.addTextContent(json.toString());
                    }
                    return result.structuredContent(JSON.convertValue(json, Map.class)).build();
                }));
        tools.add(tool("knowledge",
                "The rules the advice follows: the spec's decision trees (drawn as text), the async runtime and FFI tables, "
                        + "the invoke/don't-invoke rules, the six escalation triggers and the seven integration patterns. "
                        + "format='text' (default, readable) or 'json'.",
                Map.of("format", Map.of("type", "string", "enum", List.of("text", "json"), "description", "text (default) or json")),
                args -> CallToolResult.builder().addTextContent("json".equals(args.get("format"))
                        ? KnowledgeJson.render(re.knowledge()) : KnowledgeText.render(re.knowledge())).build()));
        tools.add(tool("doctor",
                "Check the tools rust-engineer drives on this machine (cargo, rustc, clippy, rustfmt, toolchains, wasm32 "
                        + "target, protoc, psql, gcc): versions found, and for each missing one what it is needed for and "
                        + "how to install it. Missing tools are listed first.",
                Map.of(),
                args -> {
                    Doctor.Report r = re.doctor();
                    StringBuilder sb = new StringBuilder();
                    sb.append(r.missing().isEmpty() ? "All tools found." : r.missing().size() + " missing: ")
                            .append(String.join(", ", r.missing().stream().map(Doctor.Check::name).toList())).append('\n');
                    r.missing().forEach(c -> sb.append("MISSING ").append(c.name()).append(" (for ").append(c.neededFor())
                            .append("): ").append(c.install()).append('\n'));
                    r.checks().stream().filter(Doctor.Check::found).forEach(c ->
                            sb.append("ok ").append(c.name()).append(": ").append(c.version()).append('\n'));
                    return CallToolResult.builder().addTextContent(sb.toString().strip())
                            .structuredContent(JSON.convertValue(r, Map.class)).build();
                }));
        return tools;
    }

    private static Map<String, Object> withDetail(Map<String, Object> props) {
        Map<String, Object> p = new java.util.LinkedHashMap<>(props);
        p.put("detail", Map.of("type", "string", "enum", List.of("summary", "full"),
                "description", "summary (default): a short summary plus structured content; full: also the whole advice JSON as text"));
        return p;
    }

    private SyncToolSpecification tool(String name, String description, Map<String, Object> properties,
            java.util.function.Function<Map<String, Object>, CallToolResult> work) {
        var tool = McpSchema.Tool.builder().name(name).description(description)
                .inputSchema(BriefSchema.object(properties, List.of())).build();
        return SyncToolSpecification.builder().tool(tool).callHandler((exchange, request) -> ToolCall.run(timeLimit,
                () -> work.apply(request.arguments() == null ? Map.of() : request.arguments()))).build();
    }
}
