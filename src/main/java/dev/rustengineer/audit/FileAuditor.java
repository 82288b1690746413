package dev.rustengineer.audit;

import dev.rustengineer.audit.rule.Report;
import dev.rustengineer.audit.rule.Rule;
import dev.rustengineer.audit.rule.Rules;
import dev.rustengineer.audit.scope.AuditKnowledge;
import dev.rustengineer.audit.scope.CodeKind;
import dev.rustengineer.audit.scope.FileContext;
import dev.rustengineer.audit.scope.ModuleDecl;
import dev.rustengineer.audit.scope.TestCode;
import dev.rustengineer.audit.syntax.Edition2024;
import dev.rustengineer.audit.syntax.RustFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.treesitter.TSNode;

/**
 * Audits one Rust file: parses it ({@link RustFile}), gives every enabled rule the file's {@link FileContext},
 * and applies, once for all rules, the scope policy of rules.yaml (findings in test code and build scripts kept,
 * lowered to info or dropped) and the generated-file summary (one finding per rule for a generated file).
 */
final class FileAuditor {
    private static final Pattern SERVER = Pattern.compile(
            "axum::serve|HttpServer::new|hyper::server|hyper_util::server|rocket::build|#\\[launch\\]|tonic::transport::Server|Server::builder\\(\\)");
    private static final Pattern WASM_BINDGEN = Pattern.compile("#\\s*\\[\\s*wasm_bindgen\\b");

    /**
     * What one file gave: its findings, and facts the workspace rules and the cross-file test scope need.
     *
     * @param kind the file's own kind (by path, or `#![cfg(test)]`)
     * @param modules its `mod name;` declarations, for {@code TestModuleFiles}
     */
    record Result(List<Finding> findings, int lines, boolean parseError, boolean startsServer, int wasmBindgenItems, CodeKind kind,
            List<ModuleDecl> modules, List<Helper> blockingHelpers, List<CrateCall> crateCalls, List<String> queryHelpers,
            List<CrateCall> queryLoopCalls, List<HelperEdge> helperEdges, List<ReExport> reExports) {
        Result(List<Finding> findings, int lines, boolean parseError, boolean startsServer, int wasmBindgenItems) {
            this(findings, lines, parseError, startsServer, wasmBindgenItems, CodeKind.PRODUCTION, List.of(), List.of(), List.of(),
                    List.of(), List.of(), List.of(), List.of());
        }
    }

    /** A top-level blocking helper fn of the file ({@code CrossFileCalls}). */
    record Helper(String name, String blocksOn) {}

    /** A call from the file's async code of a `crate::` path, where a finding would point. */
    record CrateCall(String path, int line, int column) {}

    /** A top-level non-async fn of the file calls a path of the crate ({@code CrossFileCalls.Edge}). */
    record HelperEdge(String from, String path) {}

    /** A name the file's module re-exports with `pub use` (`*` for a glob), and the path as written. */
    record ReExport(String name, String target) {}

    private final AuditRules rules;
    private final AuditKnowledge knowledge = AuditKnowledge.bundled();
    private final List<Rule> enabled;

    FileAuditor(AuditRules rules) {
        this.rules = rules;
        // rules.rule(id) throws for a rule class whose id is not in rules.yaml: a catalogue and code out of step.
        this.enabled = Rules.all().stream().filter(r -> rules.rule(r.id()).enabled()).toList();
    }

    Result audit(String relPath, byte[] raw) {
        SourceText decoded = SourceText.decode(raw);
        String prepared = Edition2024.blank(decoded.text());
        SourceText src = prepared.equals(decoded.text()) ? decoded
                : new SourceText(prepared, prepared.getBytes(StandardCharsets.UTF_8), decoded.wasUtf8());
        try (RustFile file = RustFile.parse(relPath, src, knowledge)) {
            return audit(relPath, src, file);
        }
    }

    /** The rules on a parsed file; nothing of the file's trees may outlive this call (the caller frees them). */
    private Result audit(String relPath, SourceText src, RustFile file) {
        FileContext ctx = new FileContext(file, knowledge);
        TestCode scope = ctx.testCode();
        Set<Finding> out = new LinkedHashSet<>();
        for (Rule rule : enabled) {
            rule.check(ctx, new Report() {
                @Override
                public void at(TSNode node, String message) {
                    int row = node.getStartPoint().getRow();
                    add(rule.id(), node.getStartByte(), row + 1, src.column(row, node.getStartPoint().getColumn()), message);
                }

                @Override
                public void atByte(int byteOffset, String message) {
                    add(rule.id(), byteOffset, src.row(byteOffset) + 1, src.columnOf(byteOffset), message);
                }

                private void add(String id, int byteOffset, int line, int column, String message) {
                    Finding f = ScopePolicy.apply(rules, rules.finding(id, relPath, line, column, message), scope.kindAt(byteOffset));
                    if (f != null) {
                        out.add(f);
                    }
                }
            });
        }
        List<Finding> findings = ctx.generated() ? oncePerRule(out) : new ArrayList<>(out);
        String t = src.text();
        int lines = src.lineCount();
        boolean server = (relPath.endsWith("main.rs") || relPath.contains("/bin/") || relPath.startsWith("bin/")) && SERVER.matcher(t).find();
        int wasm = 0;
        Matcher wm = WASM_BINDGEN.matcher(t);
        while (t.contains("wasm_bindgen") && wm.find()) {
            wasm++;
        }
        List<Helper> helpers = ctx.crossFile().helpers().stream().map(h -> new Helper(h.name(), h.blocksOn())).toList();
        List<CrateCall> calls = ctx.crossFile().calls().stream()
                .map(c -> new CrateCall(c.path(), src.row(c.at()) + 1, src.columnOf(c.at()))).toList();
        List<CrateCall> loopCalls = ctx.crossFile().queryLoopCalls().stream()
                .map(c -> new CrateCall(c.path(), src.row(c.at()) + 1, src.columnOf(c.at()))).toList();
        List<HelperEdge> edges = ctx.crossFile().edges().stream().map(e -> new HelperEdge(e.from(), e.path())).toList();
        List<ReExport> reExports = ctx.crossFile().reExports().stream().map(r -> new ReExport(r.name(), r.target())).toList();
        return new Result(findings, lines, !file.errors().isEmpty(), server, wasm, scope.fileKind(), scope.modules(), helpers, calls,
                List.copyOf(ctx.crossFile().queryHelpers()), loopCalls, edges, reExports);
    }

    /** A generated file: each rule's first finding stands for all of them, with their count. */
    private static List<Finding> oncePerRule(Set<Finding> all) {
        Map<String, List<Finding>> byRule = new LinkedHashMap<>();
        all.stream().sorted().forEach(f -> byRule.computeIfAbsent(f.rule(), r -> new ArrayList<>()).add(f));
        List<Finding> out = new ArrayList<>();
        byRule.forEach((rule, list) -> {
            Finding first = list.getFirst();
            String note = list.size() == 1 ? " (generated file)" : " (generated file: " + list.size() + " such findings, reported once)";
            out.add(new Finding(first.rule(), first.severity(), first.file(), first.line(), first.column(), first.message() + note,
                    first.escalation(), first.handoff()));
        });
        return out;
    }
}
