package dev.rustengineer.audit.scope;

import dev.rustengineer.audit.SourceText;
import dev.rustengineer.audit.syntax.MacroTokens;
import dev.rustengineer.audit.syntax.Nodes;
import dev.rustengineer.audit.syntax.RustFile;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.treesitter.TSNode;
import org.treesitter.TSTree;

/**
 * Everything the rules ask about one file, each part computed once and only when a rule first asks: the parsed
 * file, test code, `use` scopes, async context, receiver types, macro tokens and whether the file is generated.
 */
public final class FileContext {
    private final RustFile file;
    private final AuditKnowledge knowledge;
    private final Supplier<TestCode> testCode;
    private final Supplier<ImportScopes> imports;
    private final Supplier<AsyncContext> async;
    private final Supplier<ReceiverTypes> types;
    private final Supplier<MacroTokens> macroTokens;
    private final Supplier<Boolean> generated;
    private final CrossFileCalls crossFile = new CrossFileCalls();
    /*
     * Parents asked before. tree-sitter finds a parent by walking down from the root, so a walk up from a node costs
     * the square of its depth, and several rules walk up from the same calls (a JFR profile put ts_node_parent at 8%
     * of the audit's native time, BENCHMARKS.md part 6). Keyed by tree and node id: the file's trees all live as long
     * as this context.
     */
    private final Map<NodeKey, TSNode> fileParents = new HashMap<>();
    private final Map<NodeKey, TSNode> syntaxParents = new HashMap<>();

    private record NodeKey(TSTree tree, long id) {}

    public FileContext(RustFile file, AuditKnowledge knowledge) {
        this.file = file;
        this.knowledge = knowledge;
        this.testCode = once(() -> TestCode.of(file, knowledge));
        this.imports = once(() -> ImportScopes.of(file));
        this.async = once(() -> new AsyncContext(file, knowledge));
        this.types = once(() -> new ReceiverTypes(file, imports.get(), knowledge));
        this.macroTokens = once(() -> MacroTokens.of(file, knowledge));
        this.generated = once(() -> GeneratedFile.is(file.path(), file.src().text()));
    }

    public RustFile file() {
        return file;
    }

    public SourceText src() {
        return file.src();
    }

    public String text(TSNode n) {
        return file.text(n);
    }

    /** {@link RustFile#parent}, remembered: null at the top, through a macro body to the macro that holds it. */
    public TSNode parent(TSNode n) {
        return remembered(fileParents, n, file::parent);
    }

    /** The nearest ancestor of that node type through {@link #parent} (`function_item`, ...), or null. */
    public TSNode enclosing(TSNode n, String type) {
        for (TSNode p = parent(n); p != null; p = parent(p)) {
            if (Nodes.type(p).equals(type)) {
                return p;
            }
        }
        return null;
    }

    /** {@link Nodes#parent}, remembered, or null at the root: the syntax tree's own parent. */
    public TSNode syntaxParent(TSNode n) {
        return remembered(syntaxParents, n, x -> {
            TSNode p = Nodes.parent(x);
            return Nodes.present(p) ? p : null;
        });
    }

    private static TSNode remembered(Map<NodeKey, TSNode> memo, TSNode n, Function<TSNode, TSNode> parent) {
        NodeKey key = new NodeKey(n.getTree(), Nodes.id(n));
        TSNode p = memo.get(key);
        if (p == null && !memo.containsKey(key)) {
            p = parent.apply(n);
            memo.put(key, p);
        }
        return p;
    }

    public AuditKnowledge knowledge() {
        return knowledge;
    }

    public TestCode testCode() {
        return testCode.get();
    }

    public ImportScopes imports() {
        return imports.get();
    }

    public AsyncContext async() {
        return async.get();
    }

    public ReceiverTypes types() {
        return types.get();
    }

    public MacroTokens macroTokens() {
        return macroTokens.get();
    }

    public boolean generated() {
        return generated.get();
    }

    /** Where a rule leaves what the crate-wide check of blocking helpers needs from this file. */
    public CrossFileCalls crossFile() {
        return crossFile;
    }

    /** A memo: one file is audited on one thread, so no locking. */
    private static <T> Supplier<T> once(Supplier<T> compute) {
        return new Supplier<>() {
            private T value;

            @Override
            public T get() {
                if (value == null) {
                    value = compute.get();
                }
                return value;
            }
        };
    }
}
