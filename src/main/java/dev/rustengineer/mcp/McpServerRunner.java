package dev.rustengineer.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rustengineer.RustEngineer;
import dev.rustengineer.UsageException;
import dev.rustengineer.Version;
import dev.rustengineer.advise.Advice;
import dev.rustengineer.advise.AdviceJson;
import dev.rustengineer.audit.AuditOutput;
import dev.rustengineer.audit.Finding;
import dev.rustengineer.audit.Severity;
import dev.rustengineer.blueprint.NewOptions;
import dev.rustengineer.blueprint.Offer;
import dev.rustengineer.brief.Brief;
import dev.rustengineer.doctor.Doctor;
import dev.rustengineer.generate.Destination;
import dev.rustengineer.generate.NewProjectOutcome;
import dev.rustengineer.handoff.CheckResult;
import dev.rustengineer.handoff.HandoffException;
import dev.rustengineer.handoff.HandoffOutcome;
import dev.rustengineer.handoff.Handoffs;
import dev.rustengineer.knowledge.KnowledgeJson;
import dev.rustengineer.knowledge.KnowledgeText;
import dev.rustengineer.verify.ReportJson;
import dev.rustengineer.verify.ReportText;
import dev.rustengineer.verify.VerifyOptions;
import dev.rustengineer.verify.VerifyStep;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MCP door over stdio: tools for AI coding agents, each thin over the facade. Only protocol goes to stdout;
 * anything else (logs, warnings) goes to stderr.
 */
public final class McpServerRunner {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RustEngineer re;
    private final Duration timeLimit;
    private final java.nio.file.Path root;
    private final InFlight inFlight = new InFlight();
    private final ToolCall calls;

    /** @param root new_project and verify work only inside this directory */
    public McpServerRunner(RustEngineer re, Duration timeLimit, java.nio.file.Path root) {
        this.re = re;
        this.timeLimit = timeLimit;
        this.root = root.toAbsolutePath().normalize();
        this.calls = new ToolCall(inFlight, timeLimit);
    }

    /**
     * Serves until the client closes stdin; then stops the calls in flight (and their processes) and returns, so the
     * command exits 0.
     */
    public void serve(InputStream in, OutputStream out) throws InterruptedException {
        List<SyncToolSpecification> tools = tools();
        StdinGuard guard = new StdinGuard(in, out, inFlight, tools.stream().map(t -> t.tool().name()).collect(Collectors.toSet()));
        var transport = new StdioServerTransportProvider(new JacksonMcpJsonMapper(JsonMapper.builder().build()), guard.sdkInput(), guard.sdkOutput());
        McpSyncServer server = McpServer.sync(transport)
                .serverInfo("rust-engineer", Version.current())
                .instructions("The Rust Engineer: call `advise` with a brief to learn whether Rust fits a task, the stack, "
                        + "and the decision paths; `new_project` generates a proven Rust service and `verify` proves a project "
                        + "with cargo; `audit` reviews Rust source; `knowledge` shows the rules; `doctor` checks the Rust toolchain. "
                        + "The resources hold each decision tree and table, the crate catalogue and the audit rules.")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).resources(false, false).prompts(false).build())
                .tools(tools)
                .resources(KnowledgeResources.entries(re.knowledge(), re::auditRules).stream()
                        .map(KnowledgeResources.Entry::specification).toList())
                .prompts(Prompts.all())
                .build();
        guard.start();
        guard.awaitEnd();
        server.closeGracefully();
    }

    List<SyncToolSpecification> tools() {
        List<SyncToolSpecification> tools = new ArrayList<>();
        tools.add(tool("advise", ToolHints.readOnly("Advise on a task"),
                "Decide whether the Rust Engineer takes a task and how: the stack (runtime, web framework, db layer, FFI, "
                        + "target), the path through each decision tree of the spec, escalations to oracle, handoffs to other "
                        + "specialists, and what had to be assumed. Give `text` (a free-text brief) and/or structured fields; "
                        + "fields override the text. The result starts with a one-paragraph summary; set detail='full' for the "
                        + "whole advice JSON (the same as `rust-engineer advise --json`).",
                withDetail(BriefSchema.properties()),
                args -> {
                    Map<String, Object> brief = new LinkedHashMap<>(args);
                    boolean full = "full".equals(brief.remove("detail"));
                    Advice a = re.advise(re.readBrief(JSON.valueToTree(brief), "arguments"));
                    var json = AdviceJson.toJson(a);
                    var result = CallToolResult.builder().addTextContent(AdviceSummary.summary(a));
                    if (full) {
                        result.addTextContent(json.toString());
                    }
                    return result.structuredContent(JSON.convertValue(json, Map.class)).build();
                }));
        tools.add(tool("knowledge", ToolHints.readOnly("Show the knowledge"),
                "The rules the advice follows: the spec's decision trees (drawn as text), the async runtime and FFI tables, "
                        + "the invoke/don't-invoke rules, the six escalation triggers and the seven integration patterns. "
                        + "format='text' (default, readable) or 'json'.",
                Map.of("format", Map.of("type", "string", "enum", List.of("text", "json"), "description", "text (default) or json")),
                args -> {
                    String format = "json".equals(args.get("format")) ? "json" : "text";
                    String text = format.equals("json") ? KnowledgeJson.render(re.knowledge()) : KnowledgeText.render(re.knowledge());
                    Map<String, Object> structured = new LinkedHashMap<>();
                    structured.put("format", format);
                    structured.put("text", text);
                    structured.put("resources", KnowledgeResources.entries(re.knowledge(), re::auditRules).stream()
                            .map(KnowledgeResources.Entry::uri).toList());
                    return CallToolResult.builder().addTextContent(text).structuredContent(structured).build();
                }));
        Map<String, Object> newProps = new LinkedHashMap<>();
        newProps.put("name", Map.of("type", "string", "description", "The cargo package name, e.g. 'orders' (also the directory's name)."));
        newProps.put("directory", Map.of("type", "string", "description",
                "Where the project directory goes, relative to the server's root (default: the root itself)."));
        newProps.put("brief", Map.of("type", "string", "description", "The task in plain words; advise decides the stack from it."));
        var offers = re.offers();
        var choices = Offer.choices(offers);
        newProps.put("project_kind", Map.of("type", "string", "enum", choices.get("project_kind"),
                "description", "The kind of project (default: from the brief, else service)."));
        newProps.put("web", Map.of("type", "string", "enum", choices.get("web"),
                "description", "The web framework of a service (default: the advice's)."));
        newProps.put("db", Map.of("type", "string", "enum", choices.get("db"), "description", "The database engine (default sqlite)."));
        newProps.put("db_layer", Map.of("type", "string", "enum", choices.get("db_layer"),
                "description", "The database layer (default sqlx)."));
        newProps.put("with", Map.of("type", "array", "items", Map.of("type", "string", "enum", choices.get("with")),
                "description", "Optional features to switch on."));
        newProps.put("resource", Map.of("type", "string", "description", "The REST resource, plural snake_case (default: from the brief, else items)."));
        newProps.put("force", Map.of("type", "boolean", "description", "Write into a non-empty directory (only generated files are replaced)."));
        newProps.put("force_rust", Map.of("type", "boolean", "description", "Generate even when the advice routes the task away from Rust."));
        tools.add(tool("new_project", ToolHints.writes("Generate a Rust project", false),
                "Generate a production-grade Rust project from a brief: an HTTP service (SQLx on SQLite or PostgreSQL, health, "
                        + "metrics, OpenAPI, tests, Dockerfile, Kubernetes, Helm, CI), a gRPC service or a CLI tool, as offered: "
                        + String.join("; ", offers.stream().map(McpServerRunner::offer).toList())
                        + ". Written inside the server's root directory. Returns the "
                        + "decisions taken and the files written. When the advice routes the task to another specialist, nothing "
                        + "is written and the result says to whom (isError=false: that is an answer, not a failure). Follow with "
                        + "`verify` to prove it with cargo.",
                newProps, List.of("name"), this::newProject));
        Map<String, Object> verifyProps = new LinkedHashMap<>();
        verifyProps.put("path", Map.of("type", "string", "description", "The cargo project's directory, relative to the server's root."));
        verifyProps.put("steps", Map.of("type", "array", "items", Map.of("type", "string", "enum", List.of("fmt", "clippy", "build", "test")),
                "description", "Which steps to run (default all four, in order)."));
        verifyProps.put("limit", Map.of("type", "integer", "minimum", 1, "description", "How many diagnostics to return (default 20)."));
        tools.add(tool("verify", ToolHints.builds("Verify with cargo"),
                "Prove a Rust project with real cargo: fmt --check, clippy --all-targets -D warnings, build, test. Returns a "
                        + "one-line summary per step first, then the compiler's diagnostics as records (file, line, column, level, "
                        + "code, message), at most `limit`. isError=true when a step fails.",
                verifyProps, List.of("path"), (Work) this::verifyTool));
        tools.add(tool("upgrade", ToolHints.writes("Upgrade a generated project", true), UpgradeTool.DESCRIPTION,
                UpgradeTool.properties(choices), List.of("path"), (Work) (args, progress) -> UpgradeTool.call(re, root,
                        inRoot(String.valueOf(args.get("path"))), args, timeLimit, progress)));
        Map<String, Object> auditProps = new LinkedHashMap<>();
        auditProps.put("path", Map.of("type", "string", "description", "A crate, workspace or directory of Rust files, relative to the server's root."));
        auditProps.put("limit", Map.of("type", "integer", "minimum", 0, "description", "How many findings to list, highest severity first (default 20)."));
        auditProps.put("min_severity", Map.of("type", "string", "enum", List.of("info", "low", "medium", "high", "critical"),
                "description", "Leave out findings below this severity (default low)."));
        tools.add(tool("audit", ToolHints.readOnly("Audit Rust source"),
                "Review Rust source like the spec's Rust engineer: unsafe blocks (and those without a // SAFETY: comment), "
                        + "transmute, FFI boundaries, custom executors, complex lifetimes, blocking calls and std locks held across "
                        + ".await in async code, unwrap/expect outside tests, queries in loops. Returns a summary first (counts by "
                        + "severity and rule, escalations to oracle, handoffs), then the findings as file:line:column rule message, "
                        + "highest severity first, at most `limit`. Structured content has the full JSON report.",
                auditProps, List.of("path"), this::auditTool));
        Map<String, Object> handoffProps = new LinkedHashMap<>();
        handoffProps.put("path", Map.of("type", "string", "description", "The Rust project (a folder with Cargo.toml), relative to the server's root."));
        handoffProps.put("to", Map.of("type", "string", "enum", re.handoffs().offered(), "description", "The specialist who takes over."));
        handoffProps.put("out", Map.of("type", "string", "description",
                "Where the package goes, relative to the server's root (default: PATH/handoff/SPECIALIST)."));
        handoffProps.put("force", Map.of("type", "boolean", "description", "Write into a non-empty out directory (only the package's files are replaced)."));
        handoffProps.put("brief", Map.of("type", "string", "description", "The project's brief, for the decisions (default: the README's first paragraph)."));
        handoffProps.put("check", Map.of("type", "boolean", "description", "Run the specialist's own tools on the package (default true)."));
        handoffProps.put("database_url", Map.of("type", "string", "description",
                "A PostgreSQL server for database-optimizer's EXPLAIN ANALYZE (a scratch database is made there and dropped)."));
        tools.add(tool("handoff", ToolHints.writes("Hand off to a specialist", true),
                "Make the package another specialist takes over from a Rust project (the spec's integration patterns), with a "
                        + "HANDOFF.md for them (what was built, the contract, the decisions, open escalations, how to run the "
                        + "checks), checked with that specialist's own tools where installed. Returns the files written and each "
                        + "check's result; isError=true when a check fails or the project lacks what the handoff needs (the "
                        + "result then says what to add, or the `new` flag that adds it). With a progressToken, each stage and check is "
                        + "reported as it starts and ends.",
                handoffProps, List.of("path", "to"), (Work) this::handoffTool));
        tools.add(tool("doctor", ToolHints.readOnly("Check the toolchain"),
                "Check the tools rust-engineer drives on this machine (cargo, rustc, clippy, rustfmt, toolchains, wasm32 "
                        + "target, protoc, psql, gcc): versions found, and for each missing one what it is needed for and "
                        + "how to install it. Missing tools are listed first.",
                Map.of(),
                args -> {
                    Doctor.Report r = re.doctor();
                    return CallToolResult.builder().addTextContent(r.text())
                            .structuredContent(JSON.convertValue(r, Map.class)).build();
                }));
        return tools;
    }

    private CallToolResult newProject(Map<String, Object> args) {
        var dir = inRoot(args.getOrDefault("directory", ".").toString());
        String briefText = (String) args.get("brief");
        var brief = briefText == null ? Brief.empty() : re.readText(briefText);
        @SuppressWarnings("unchecked")
        List<String> with = args.get("with") instanceof List<?> l ? (List<String>) l : List.of();
        var options = new NewOptions((String) args.get("name"), (String) args.get("project_kind"),
                (String) args.get("web"), (String) args.get("db"), (String) args.get("db_layer"), with,
                (String) args.get("resource"), Boolean.TRUE.equals(args.get("force_rust")));
        var outcome = re.newProject(brief, options,
                new Destination.Directory(dir, Boolean.TRUE.equals(args.get("force"))));
        if (outcome instanceof NewProjectOutcome.RoutedAway away) {
            Map<String, Object> routed = new LinkedHashMap<>();
            routed.put("generated", false);
            routed.put("route", away.advice().route());
            routed.put("languages", away.advice().languages());
            return CallToolResult.builder().structuredContent(routed).addTextContent("Not generated: this task goes to " + away.advice().route() + " ("
                    + String.join(", ", away.advice().languages()) + "). " + AdviceSummary.summary(away.advice())
                    + " Pass force_rust=true to generate the Rust service anyway.").build();
        }
        var done = (NewProjectOutcome.Written) outcome;
        var blueprint = done.blueprint();
        var written = done.written();
        StringBuilder sb = new StringBuilder("Wrote " + written.files().size() + " files to " + root.relativize(written.location())
                + " (" + blueprint.summary() + "). Next: verify path=" + root.relativize(written.location()) + ".");
        blueprint.notes().forEach(n -> sb.append(" Note: ").append(n));
        if (written.formatProblem() != null) {
            sb.append(" Warning: ").append(written.formatProblem());
        }
        sb.append("\nDecisions: ").append(String.join("; ", blueprint.decisions()));
        sb.append("\nFiles: ").append(String.join(", ", written.files()));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("generated", true);
        json.put("location", root.relativize(written.location()).toString());
        json.put("summary", blueprint.summary());
        json.put("decisions", blueprint.decisions());
        json.put("notes", blueprint.notes());
        json.put("files", written.files());
        if (written.formatProblem() != null) {
            json.put("warning", written.formatProblem());
        }
        return CallToolResult.builder().addTextContent(sb.toString()).structuredContent(json).build();
    }

    private CallToolResult verifyTool(Map<String, Object> args, VerifyProgress.Progress progress) {
        var project = inRoot(String.valueOf(args.get("path")));
        var steps = args.get("steps") instanceof List<?> l && !l.isEmpty()
                ? VerifyStep.parse(String.join(",", l.stream().map(Object::toString).toList()))
                : List.of(VerifyStep.values());
        int limit = args.get("limit") instanceof Number n ? n.intValue() : 20;
        var report = re.verify(project, new VerifyOptions(steps, timeLimit, null),
                new VerifyProgress(progress, steps.size()));
        StringBuilder sb = new StringBuilder(report.passed() ? "PASSED" : "FAILED");
        report.steps().forEach(r -> sb.append("\n").append(r.step().cliName()).append(": ").append(r.passed() ? "pass" : "FAIL")
                .append(" (").append(r.summary()).append(", ").append(r.elapsed().toSeconds()).append(" s)"));
        var diagnostics = ReportText.failing(report);
        diagnostics.stream().limit(limit).forEach(d -> sb.append("\n").append(ReportText.line(d)));
        if (diagnostics.size() > limit) {
            sb.append("\n... ").append(diagnostics.size() - limit).append(" more (raise limit)");
        }
        var json = ReportJson.toJson(report);
        return CallToolResult.builder().isError(!report.passed()).addTextContent(sb.toString())
                .structuredContent(JSON.convertValue(json, Map.class)).build();
    }

    private CallToolResult auditTool(Map<String, Object> args) {
        var report = re.audit(inRoot(String.valueOf(args.get("path"))), false);
        int limit = args.get("limit") instanceof Number n ? n.intValue() : 20;
        var min = Severity.parse(String.valueOf(args.getOrDefault("min_severity", "low")));
        var json = AuditOutput.json(report, Integer.MAX_VALUE);
        var summary = json.get("summary");
        StringBuilder sb = new StringBuilder(report.files() + " files, " + report.lines() + " lines, " + report.findings().size()
                + " findings " + summary.get("by_severity") + "; by rule " + summary.get("by_rule"));
        json.get("escalations").forEach(e -> sb.append("\nescalate to oracle: ").append(e.get("id").asText()).append(" (")
                .append(e.get("findings").asInt()).append(", first at ").append(e.get("first").asText()).append(")"));
        json.get("handoffs").forEach(h -> sb.append("\nhand off to ").append(h.get("to").asText()).append(" (")
                .append(h.get("findings").asInt()).append(", first at ").append(h.get("first").asText()).append(")"));
        report.findings().stream().filter(f -> f.severity().compareTo(min) >= 0)
                .sorted(Comparator.comparing(Finding::severity).reversed()
                        .thenComparing(Comparator.naturalOrder()))
                .limit(limit)
                .forEach(f -> sb.append("\n").append(f.severity().id()).append(" ").append(f.file()).append(":").append(f.line())
                        .append(":").append(f.column()).append(" ").append(f.rule()).append(" ").append(f.message()));
        return CallToolResult.builder().addTextContent(sb.toString()).structuredContent(JSON.convertValue(json, Map.class)).build();
    }

    private CallToolResult handoffTool(Map<String, Object> args, VerifyProgress.Progress progress) {
        var request = new Handoffs.Request(inRoot(String.valueOf(args.get("path"))),
                String.valueOf(args.get("to")), args.get("out") == null ? null : inRoot(String.valueOf(args.get("out"))),
                Boolean.TRUE.equals(args.get("force")), args.get("brief") == null ? null : String.valueOf(args.get("brief")),
                !Boolean.FALSE.equals(args.get("check")), null,
                args.get("database_url") == null ? null : String.valueOf(args.get("database_url")));
        HandoffOutcome outcome;
        try {
            outcome = re.handoff(request, new HandoffProgressNotifications(progress));
        } catch (HandoffException e) {
            return ToolCall.error("handoff", e.getMessage());
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("specialist", outcome.specialist());
        if (outcome instanceof HandoffOutcome.Lacking lacking) {
            json.put("missing", lacking.missing());
            return CallToolResult.builder().isError(true)
                    .addTextContent(root.relativize(lacking.project()) + " lacks what a handoff to " + lacking.specialist() + " needs:\n- "
                            + String.join("\n- ", lacking.missing()))
                    .structuredContent(json).build();
        }
        var written = (HandoffOutcome.Written) outcome;
        json.put("location", root.relativize(written.location()).toString());
        json.put("files", written.files());
        List<Map<String, Object>> checks = new ArrayList<>();
        StringBuilder sb = new StringBuilder("Handoff to " + written.specialist() + ": " + written.files().size() + " files in "
                + root.relativize(written.location()) + " (read HANDOFF.md there)");
        for (var r : written.checks()) {
            String status = r.status().name().toLowerCase(Locale.ROOT);
            sb.append("\n").append(status).append(" ").append(r.check().name()).append(": ").append(r.check().script());
            if (r.status() != CheckResult.Status.PASSED) {
                sb.append("\n  ").append(r.output().strip().replace("\n", "\n  "));
            }
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", r.check().name());
            c.put("command", r.check().script());
            c.put("status", status);
            c.put("seconds", r.seconds());
            checks.add(c);
        }
        json.put("checks", checks);
        return CallToolResult.builder().isError(!written.checksPassed()).addTextContent(sb.toString()).structuredContent(json).build();
    }

    /** A path the client names, which must stay inside the root the server was started with. */
    private java.nio.file.Path inRoot(String relative) {
        var p = root.resolve(relative).normalize();
        if (!p.startsWith(root)) {
            throw new UsageException("'" + relative + "' is outside the server's root " + root);
        }
        return p;
    }

    /**
     * One offered set as a phrase: "service axum (sqlite|postgres via sqlx|diesel; optional: auth, cache)". Not
     * Offer.describe, whose columns are padded for a terminal and run together when a value fills its column.
     */
    private static String offer(Offer o) {
        List<String> parts = new ArrayList<>();
        parts.add(o.hasDatabase() ? String.join("|", o.db()) + " via " + String.join("|", o.dbLayers()) : "no database");
        if (!o.optional().isEmpty()) {
            parts.add("optional: " + String.join(", ", o.optional()));
        }
        return o.kind().id() + (o.web() == null ? "" : " " + o.web()) + " (" + String.join("; ", parts) + ")";
    }

    private static Map<String, Object> withDetail(Map<String, Object> props) {
        Map<String, Object> p = new LinkedHashMap<>(props);
        p.put("detail", Map.of("type", "string", "enum", List.of("summary", "full"),
                "description", "summary (default): a short summary plus structured content; full: also the whole advice JSON as text"));
        return p;
    }

    /** A tool's work: its arguments, and where its progress goes when the client asked for progress. */
    @FunctionalInterface
    interface Work {
        CallToolResult apply(Map<String, Object> args, VerifyProgress.Progress progress);
    }

    private SyncToolSpecification tool(String name, ToolAnnotations hints, String description, Map<String, Object> properties,
            Function<Map<String, Object>, CallToolResult> work) {
        return tool(name, hints, description, properties, List.of(), (args, progress) -> work.apply(args));
    }

    private SyncToolSpecification tool(String name, ToolAnnotations hints, String description, Map<String, Object> properties,
            List<String> required, Function<Map<String, Object>, CallToolResult> work) {
        return tool(name, hints, description, properties, required, (args, progress) -> work.apply(args));
    }

    private SyncToolSpecification tool(String name, ToolAnnotations hints, String description, Map<String, Object> properties,
            List<String> required, Work work) {
        var tool = McpSchema.Tool.builder().name(name).title(hints.title()).description(description)
                .inputSchema(BriefSchema.object(properties, required)).outputSchema(OutputSchemas.of(name)).annotations(hints).build();
        return SyncToolSpecification.builder().tool(tool).callHandler((exchange, request) -> {
            Map<String, Object> meta = request.meta() == null ? Map.of() : request.meta();
            Object requestId = meta.get(InFlight.REQUEST_ID);
            var progress = new VerifyProgress.Progress(exchange, meta.get("progressToken"));
            return calls.run(name, requestId == null ? null : requestId.toString(),
                    () -> work.apply(request.arguments() == null ? Map.of() : request.arguments(), progress));
        }).build();
    }
}
