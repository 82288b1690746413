package dev.rustengineer.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.Prompt;
import io.modelcontextprotocol.spec.McpSchema.PromptArgument;
import io.modelcontextprotocol.spec.McpSchema.PromptMessage;
import io.modelcontextprotocol.spec.McpSchema.Role;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The natural ways in for a user: advise on a brief, review a crate, start a service. Each says which tools to call. */
final class Prompts {
    private Prompts() {}

    static List<SyncPromptSpecification> all() {
        return List.of(
                prompt("advise_on_brief", "Advise on this brief", "Whether Rust fits a task, the stack and the decision paths.",
                        List.of(new PromptArgument("brief", "Brief", "The task in plain words.", true)),
                        a -> "Call the rust-engineer `advise` tool with text=" + quote(a.get("brief")) + ". Report its verdict "
                                + "first, then the stack, each decision with its rationale, escalations to oracle and handoffs, "
                                + "and list what it had to assume as questions for me."),
                prompt("review_crate", "Review this crate", "An audit of Rust source like the spec's Rust engineer, then a proof with cargo.",
                        List.of(new PromptArgument("path", "Path", "The crate's directory, relative to the server's root.", true)),
                        a -> "Call the rust-engineer `audit` tool with path=" + quote(a.get("path")) + " and min_severity=medium; "
                                + "then `verify` with the same path. Summarise the findings by severity, say which ones escalate "
                                + "to oracle or hand off, and propose a fix for each high or critical finding."),
                prompt("start_service", "Start a Rust service", "Generate a proven Rust project from a brief and verify it.",
                        List.of(new PromptArgument("name", "Name", "The cargo package name, e.g. orders.", true),
                                new PromptArgument("brief", "Brief", "What the service does.", true)),
                        a -> "Call the rust-engineer `new_project` tool with name=" + quote(a.get("name")) + " and brief="
                                + quote(a.get("brief")) + ". If it generated the project, call `verify` on the location it "
                                + "reports and tell me each step's result; if it routed the task elsewhere, tell me to whom and why."));
    }

    private static SyncPromptSpecification prompt(String name, String title, String description, List<PromptArgument> args,
            Function<Map<String, Object>, String> text) {
        Prompt prompt = new Prompt(name, title, description, args);
        return new SyncPromptSpecification(prompt, (exchange, request) -> {
            Map<String, Object> given = request.arguments() == null ? Map.of() : request.arguments();
            for (PromptArgument a : args) {
                Object v = given.get(a.name());
                if (Boolean.TRUE.equals(a.required()) && (v == null || v.toString().isBlank())) {
                    throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
                            .message("prompt '" + name + "' needs the argument '" + a.name() + "'").build();
                }
            }
            return new GetPromptResult(description, List.of(new PromptMessage(Role.USER, new TextContent(text.apply(given)))));
        });
    }

    private static String quote(Object value) {
        return "\"" + String.valueOf(value).replace("\"", "\\\"") + "\"";
    }
}
