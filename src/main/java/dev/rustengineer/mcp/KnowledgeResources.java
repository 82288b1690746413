package dev.rustengineer.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.rustengineer.audit.AuditRules;
import dev.rustengineer.knowledge.DecisionTree;
import dev.rustengineer.knowledge.Knowledge;
import dev.rustengineer.knowledge.KnowledgeJson;
import dev.rustengineer.knowledge.KnowledgeText;
import dev.rustengineer.knowledge.TreeDrawing;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The knowledge as MCP resources, one per part an agent would read on its own: each decision tree (drawn as the spec
 * draws it), each table, the invoke rules, the escalation triggers, the integration patterns, the crate catalogue
 * and the audit rules; and the whole of it as text. Read-only and fixed for the server's life.
 */
final class KnowledgeResources {
    static final String SCHEME = "rust-engineer://";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private KnowledgeResources() {}

    /** A resource's listing and how its text is made (on read: nothing is rendered for a client that never asks). */
    record Entry(String path, String title, String description, String mimeType, Supplier<String> text) {
        String uri() {
            return SCHEME + path;
        }

        SyncResourceSpecification specification() {
            Resource resource = Resource.builder().uri(uri()).name(path).title(title).description(description).mimeType(mimeType).build();
            return new SyncResourceSpecification(resource, (exchange, request) ->
                    new ReadResourceResult(List.of(new TextResourceContents(uri(), mimeType, text.get()))));
        }
    }

    static List<Entry> entries(Knowledge k, Supplier<AuditRules> auditRules) {
        Supplier<JsonNode> json = () -> KnowledgeJson.toJson(k);
        List<Entry> out = new ArrayList<>();
        out.add(new Entry("knowledge", "All the knowledge", "Every rule, tree, table, trigger and pattern the advice follows, as text "
                + "(the same as `rust-engineer knowledge`).", "text/plain", () -> KnowledgeText.render(k)));
        for (DecisionTree tree : List.of(k.chooseRust(), k.webFramework())) {
            out.add(new Entry("knowledge/trees/" + tree.id(), tree.title(), "The decision tree '" + tree.title() + "' (" + tree.source()
                    + "), drawn as the spec draws it.", "text/plain", () -> String.join("\n", TreeDrawing.draw(tree)) + "\n"));
        }
        out.add(part("knowledge/tables/async-runtime", k.asyncRuntime().title(), "The async runtime table: columns, aspects, "
                + "measured values and the rules that pick a column.", json, "asyncRuntime"));
        out.add(part("knowledge/tables/ffi", k.ffi().title(), "The FFI table: each situation, its decision and why.", json, "ffi"));
        out.add(part("knowledge/invoke-rules", "When to invoke rust-engineer", "The invoke and don't-invoke rules, and where a "
                + "task goes instead.", json, "invoke"));
        out.add(part("knowledge/triggers", "Escalation triggers", "The red flags that escalate to oracle.", json, "triggers"));
        out.add(part("knowledge/patterns", "Integration patterns", "What each receiving specialist gets in a handoff.", json, "patterns"));
        out.add(part("knowledge/crates", "Crate catalogue", "The crates generated projects use, at the versions checked, and why "
                + "each one.", json, "crates"));
        out.add(new Entry("audit/rules", "Audit rules", "The rules `audit` checks: id, severity, escalation, handoff and what each "
                + "one finds.", "application/json", () -> write(auditRules.get().all().values())));
        return out;
    }

    private static Entry part(String path, String title, String description, Supplier<JsonNode> json, String field) {
        return new Entry(path, title, description, "application/json", () -> write(json.get().get(field)));
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("knowledge cannot fail to serialise", e);
        }
    }
}
