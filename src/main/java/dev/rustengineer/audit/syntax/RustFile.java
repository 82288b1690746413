package dev.rustengineer.audit.syntax;

import dev.rustengineer.audit.RustLexer;
import dev.rustengineer.audit.SourceText;
import dev.rustengineer.audit.scope.AuditKnowledge;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.treesitter.TSLanguage;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSPoint;
import org.treesitter.TSQuery;
import org.treesitter.TSQueryCapture;
import org.treesitter.TSQueryCursor;
import org.treesitter.TSQueryMatch;
import org.treesitter.TSRange;
import org.treesitter.TSTree;
import org.treesitter.TreeSitterRust;

/**
 * One Rust file parsed by tree-sitter, with the nodes the rules look at collected once, by {@link TreeWalk} (a walk
 * through tree-sitter's C functions, matching the patterns of the query below) or, where it cannot run, by that
 * query; what rules filter on, such as call names, function modifiers and loop bodies, is captured here once, since
 * every step through the tree through the binding's methods is a JNI call.
 *
 * <p>Macros known to wrap items (cfg_if!, tokio's cfg_*!, pin_project!; audit/knowledge.yaml) hide their items in
 * token trees no syntax tree sees into. Their bodies are parsed again, as tree-sitter's included ranges of the
 * same text, so the second tree's positions are the file's own and everything downstream reads both trees alike.
 * A body that does not parse as items is left to {@link MacroTokens}.
 *
 * <p>Closing the file frees its trees at once. Left to the binding's Cleaner, they were freed only after a
 * garbage collection, on the cleaner thread, while the parser kept asking malloc for fresh memory.
 */
public final class RustFile implements AutoCloseable {
    private static final String QUERY = """
            (unsafe_block) @unsafe_block
            (function_item name: (identifier) @fn_name) @fn
            (function_signature_item) @fn_sig
            (function_item (function_modifiers) @mods) @modded
            (function_signature_item (function_modifiers) @mods) @modded
            (impl_item) @impl
            (trait_item) @trait
            (foreign_mod_item) @foreign_mod
            (call_expression function: (field_expression field: (field_identifier) @method)) @call
            (call_expression function: (generic_function function: (field_expression field: (field_identifier) @method))) @call
            (call_expression function: [(identifier) (scoped_identifier)] @callee) @call
            (call_expression function: (generic_function function: [(identifier) (scoped_identifier)] @callee)) @call
            (macro_invocation) @macro
            (macro_definition) @macro_def
            (await_expression) @await
            (let_declaration pattern: (_) @let_pattern) @let
            (use_declaration) @use
            (struct_item) @struct
            (enum_item) @enum
            (field_declaration) @field
            (static_item) @static
            (mod_item) @mod
            (attribute_item) @attr
            (inner_attribute_item) @inner_attr
            (async_block) @async_block
            (closure_expression) @closure
            (for_expression body: (_) @loop_body)
            (while_expression body: (_) @loop_body)
            (loop_expression body: (_) @loop_body)
            (ERROR) @error
            """;
    /** The query's patterns of one node and no field, by node kind: what {@link TreeWalk} captures alike. */
    static final Map<String, String> SINGLE_CAPTURES = Map.ofEntries(Map.entry("unsafe_block", "unsafe_block"),
            Map.entry("impl_item", "impl"), Map.entry("trait_item", "trait"), Map.entry("foreign_mod_item", "foreign_mod"),
            Map.entry("macro_invocation", "macro"), Map.entry("macro_definition", "macro_def"), Map.entry("await_expression", "await"),
            Map.entry("use_declaration", "use"), Map.entry("struct_item", "struct"), Map.entry("enum_item", "enum"),
            Map.entry("field_declaration", "field"), Map.entry("static_item", "static"), Map.entry("mod_item", "mod"),
            Map.entry("attribute_item", "attr"), Map.entry("inner_attribute_item", "inner_attr"), Map.entry("async_block", "async_block"),
            Map.entry("closure_expression", "closure"));
    /** Item macros inside item macros are parsed again too, this many levels deep. */
    private static final int MAX_MACRO_DEPTH = 4;

    /**
     * The language and the compiled query are shared by every thread: tree-sitter never changes a query once
     * compiled (cursors hold the matching state), and compiling this one costs more than parsing a large file, so
     * once per thread (the audit's pool makes new threads per run) was a measurable share of an audit.
     */
    private static final class Shared {
        static final TSQuery QUERY_COMPILED = new TSQuery(Grammar.LANGUAGE, QUERY);
        static final String[] NAMES = new String[QUERY_COMPILED.getCaptureCount()];

        static {
            for (int i = 0; i < NAMES.length; i++) {
                NAMES[i] = QUERY_COMPILED.getCaptureNameForId(i);
            }
        }

        static final int CALL = index("call");
        static final int METHOD = index("method");
        static final int CALLEE = index("callee");
        static final int MODDED = index("modded");
        static final int FN = index("fn");
        static final int LET = index("let");

        private static int index(String capture) {
            int i = List.of(NAMES).indexOf(capture);
            if (i < 0) {
                throw new IllegalStateException("the query has no capture @" + capture);
            }
            return i;
        }
    }

    /** The grammar alone, without the query: the walk needs only this. */
    private static final class Grammar {
        static final TSLanguage LANGUAGE = new TreeSitterRust();
    }

    private static final ThreadLocal<TSParser> PARSER = ThreadLocal.withInitial(() -> {
        TSParser p = new TSParser();
        p.setLanguage(Grammar.LANGUAGE);
        return p;
    });
    private static final TSRange[] WHOLE_FILE = new TSRange[0];

    /** The Rust grammar the audit parses with. */
    static TSLanguage language() {
        return Grammar.LANGUAGE;
    }

    /** A macro body parsed again: the byte range of its items and the macro invocation that holds them. */
    public record MacroRegion(int start, int end, TSNode host) {}

    private final String path;
    private final SourceText src;
    /** The file's tree and the macro bodies' trees, freed by {@link #close()}. */
    private final List<TSTree> trees = new ArrayList<>();
    private final Map<String, List<TSNode>> captures = new HashMap<>();
    private final List<CallSite> calls = new ArrayList<>();
    private final Map<Long, CallSite> callsByRange = new HashMap<>();
    /** Function modifiers (`pub unsafe extern "C"` gives `unsafe extern "C"`) by the function's start byte. */
    private final Map<Integer, String> modifiers = new HashMap<>();
    private final Map<Integer, String> fnNames = new HashMap<>();
    /** The pattern text of each `let`, by the let's start byte. */
    private final Map<Integer, String> letPatterns = new HashMap<>();
    private final List<MacroRegion> regions = new ArrayList<>();
    /** A macro invocation's path and token tree by its start byte, where the walk found them (else read when asked). */
    private final Map<Integer, TSNode> macroPaths = new HashMap<>();
    private final Map<Integer, TSNode> macroBodies = new HashMap<>();
    private final List<TSNode> mainErrors = new ArrayList<>();
    private int[] loopBodies;

    /** Whether this file's captures come from the query rather than {@link TreeWalk} (a test compares the two). */
    private final boolean viaQuery;

    private RustFile(String path, SourceText src, TSTree tree, boolean viaQuery) {
        this.path = path;
        this.viaQuery = viaQuery;
        this.src = src;
        trees.add(tree);
    }

    public static RustFile parse(String relPath, SourceText src, AuditKnowledge knowledge) {
        return parse(relPath, src, knowledge, !TreeWalk.available());
    }

    /** Parses with the captures collected by the query (true) or by the walk (false, where it is available). */
    static RustFile parse(String relPath, SourceText src, AuditKnowledge knowledge, boolean viaQuery) {
        TSTree tree = PARSER.get().parseString(null, src.text());
        RustFile f = new RustFile(relPath, src, tree, viaQuery);
        Map<String, List<TSNode>> main = f.capture(tree);
        f.add(main);
        f.mainErrors.addAll(main.getOrDefault("error", List.of()));
        List<TSNode> macros = main.getOrDefault("macro", List.of());
        for (int depth = 0; depth < MAX_MACRO_DEPTH && !macros.isEmpty(); depth++) {
            macros = f.reparseItemMacros(macros, knowledge);
        }
        return f;
    }

    /**
     * Collects the captures of a tree: by {@link TreeWalk} where it can run, else by the query (the two give the same
     * captures; RustFileCaptureTest). Structured captures (calls, modifiers, let patterns) go to their indexes, the
     * rest by name.
     */
    private Map<String, List<TSNode>> capture(TSTree t) {
        Collected c = new Collected();
        if (!viaQuery) {
            TreeWalk.walk(t, c);
        } else {
            query(t, c);
        }
        c.found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        calls.addAll(c.found);
        for (CallSite call : c.found) {
            callsByRange.put(key(call.start(), call.end()), call);
        }
        modifiers.putAll(c.mods);
        fnNames.putAll(c.names);
        letPatterns.putAll(c.lets);
        return c.nodes;
    }

    /** What one tree's walk or query found. */
    private final class Collected implements TreeWalk.Sink {
        final Map<String, List<TSNode>> nodes = new HashMap<>();
        final List<CallSite> found = new ArrayList<>();
        final Map<Integer, String> mods = new HashMap<>();
        final Map<Integer, String> names = new HashMap<>();
        final Map<Integer, String> lets = new HashMap<>();

        @Override
        public void node(String capture, TSNode n) {
            nodes.computeIfAbsent(capture, k -> new ArrayList<>()).add(n);
        }

        @Override
        public void call(TSNode call, TSNode method, TSNode callee) {
            found.add(new CallSite(call, Nodes.start(call), Nodes.end(call), method == null ? null : text(method),
                    callee == null ? null : text(callee), method != null ? method : call));
        }

        @Override
        public void modifiers(TSNode fn, TSNode part) {
            mods.put(Nodes.start(fn), text(part));
        }

        @Override
        public void fn(TSNode fn, TSNode name) {
            node("fn", fn);
            names.put(Nodes.start(fn), text(name));
        }

        @Override
        public void macroParts(TSNode macro, TSNode path, TSNode body) {
            macroPaths.put(Nodes.start(macro), path);
            macroBodies.put(Nodes.start(macro), body);
        }

        @Override
        public void let(TSNode let, TSNode pattern) {
            node("let", let);
            lets.put(Nodes.start(let), text(pattern));
        }
    }

    /** The query's way to the same captures, where the walk cannot run. */
    private static void query(TSTree t, TreeWalk.Sink sink) {
        TSQuery q = Shared.QUERY_COMPILED;
        String[] captureNames = Shared.NAMES;
        try (TSQueryCursor cursor = new TSQueryCursor()) {
            cursor.exec(q, t.getRootNode());
            TSQueryMatch match = new TSQueryMatch();
            while (cursor.nextMatch(match)) {
                TSQueryCapture[] caps = match.getCaptures();
                if (caps.length == 1) {
                    sink.node(captureNames[caps[0].getIndex()], caps[0].getNode());
                    continue;
                }
                // The patterns of two captures: an outer node and a part read as text, told apart by the capture's
                // index (a map of names per match was a measurable share of the audit's Java time).
                TSNode call = null;
                TSNode method = null;
                TSNode callee = null;
                TSNode modded = null;
                TSNode fn = null;
                TSNode let = null;
                TSNode part = null;
                for (TSQueryCapture c : caps) {
                    int i = c.getIndex();
                    TSNode n = c.getNode();
                    if (i == Shared.CALL) {
                        call = n;
                    } else if (i == Shared.METHOD) {
                        method = n;
                    } else if (i == Shared.CALLEE) {
                        callee = n;
                    } else if (i == Shared.MODDED) {
                        modded = n;
                    } else if (i == Shared.FN) {
                        fn = n;
                    } else if (i == Shared.LET) {
                        let = n;
                    } else {
                        part = n;
                    }
                }
                if (call != null) {
                    sink.call(call, method, callee);
                } else if (modded != null) {
                    sink.modifiers(modded, part);
                } else if (fn != null) {
                    sink.fn(fn, part);
                } else if (let != null) {
                    sink.let(let, part);
                }
            }
        }
    }

    private static long key(int start, int end) {
        return ((long) start << 32) | (end & 0xffffffffL);
    }

    private void add(Map<String, List<TSNode>> nodes) {
        nodes.forEach((k, v) -> captures.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
    }

    /** Parses the bodies of the item macros among these invocations; returns the invocations found inside them. */
    private List<TSNode> reparseItemMacros(List<TSNode> macros, AuditKnowledge knowledge) {
        List<MacroRegion> wanted = new ArrayList<>();
        for (TSNode m : macros) {
            String name = Nodes.lastSegment(text(macroPath(m)));
            if (!knowledge.wrapsItems(name)) {
                continue;
            }
            TSNode body = macroBody(m);
            if (body == null) {
                continue;
            }
            if (name.equals("cfg_if")) {
                wanted.addAll(braceGroups(body, m));
            } else if (body.getEndByte() - body.getStartByte() > 2) {
                wanted.add(new MacroRegion(body.getStartByte() + 1, body.getEndByte() - 1, m));
            }
        }
        if (wanted.isEmpty()) {
            return List.of();
        }
        TSTree t = parseRegions(wanted);
        List<TSNode> errors = errorsOf(t);
        if (!errors.isEmpty()) {
            // A body that is not items after all (a cfg_* macro of expressions, say) is read as tokens instead.
            List<MacroRegion> clean = wanted.stream().filter(r -> errors.stream()
                    .noneMatch(e -> e.getStartByte() < r.end() && e.getEndByte() > r.start())).toList();
            t.close();
            if (clean.isEmpty()) {
                return List.of();
            }
            wanted = clean;
            t = parseRegions(wanted);
            if (!errorsOf(t).isEmpty()) {
                t.close();
                return List.of();
            }
        }
        trees.add(t);
        Map<String, List<TSNode>> nodes = capture(t);
        nodes.remove("error");
        add(nodes);
        regions.addAll(wanted);
        return nodes.getOrDefault("macro", List.of());
    }

    private static List<TSNode> errorsOf(TSTree t) {
        TSNode root = t.getRootNode();
        if (!root.hasError()) {
            return List.of();
        }
        List<TSNode> out = new ArrayList<>();
        collectErrors(root, out);
        return out;
    }

    private static void collectErrors(TSNode n, List<TSNode> out) {
        if (n.isError() || n.isMissing()) {
            out.add(n);
            return;
        }
        for (int i = 0; i < n.getChildCount(); i++) {
            TSNode c = n.getChild(i);
            if (c.hasError()) {
                collectErrors(c, out);
            }
        }
    }

    /** The same text, parsed with only these byte ranges included: positions stay the file's own. */
    private TSTree parseRegions(List<MacroRegion> wanted) {
        List<MacroRegion> sorted = new ArrayList<>(wanted);
        sorted.sort((a, b) -> Integer.compare(a.start(), b.start()));
        TSRange[] ranges = new TSRange[sorted.size()];
        for (int i = 0; i < ranges.length; i++) {
            MacroRegion r = sorted.get(i);
            ranges[i] = new TSRange(point(r.start()), point(r.end()), r.start(), r.end());
        }
        TSParser parser = PARSER.get();
        parser.setIncludedRanges(ranges);
        try {
            return parser.parseString(null, src.text());
        } finally {
            parser.setIncludedRanges(WHOLE_FILE);
        }
    }

    private TSPoint point(int byteOffset) {
        int row = src.row(byteOffset);
        return new TSPoint(row, byteOffset - src.lineStartByte(row));
    }

    /** The brace groups directly inside a cfg_if! body: the items of each if/else branch. */
    private List<MacroRegion> braceGroups(TSNode body, TSNode host) {
        String text = text(body);
        List<MacroRegion> out = new ArrayList<>();
        int depth = 0;
        int open = -1;
        for (RustLexer.Token t : RustLexer.tokens(text)) {
            String s = t.text();
            if (s.equals("{") || s.equals("(") || s.equals("[")) {
                depth++;
                if (depth == 2 && s.equals("{")) {
                    open = t.start();
                }
            } else if (s.equals("}") || s.equals(")") || s.equals("]")) {
                if (depth == 2 && s.equals("}") && open >= 0) {
                    int from = body.getStartByte() + Nodes.utf8Length(text, open + 1);
                    int to = body.getStartByte() + Nodes.utf8Length(text, t.start());
                    if (to > from) {
                        out.add(new MacroRegion(from, to, host));
                    }
                    open = -1;
                }
                depth--;
            }
        }
        return out;
    }

    /** A macro invocation's path (`macro:`), a null node when it has none. */
    public TSNode macroPath(TSNode macro) {
        TSNode p = macroPaths.get(Nodes.start(macro));
        return p != null ? p : Nodes.childByField(macro, "macro");
    }

    /** A macro invocation's token tree (its last one), or null. */
    public TSNode macroBody(TSNode macro) {
        TSNode b = macroBodies.get(Nodes.start(macro));
        return b != null ? b : tokenTree(macro);
    }

    private static TSNode tokenTree(TSNode macro) {
        for (int i = macro.getChildCount() - 1; i >= 0; i--) {
            TSNode c = macro.getChild(i);
            if (c.getType().equals("token_tree")) {
                return c;
            }
        }
        return null;
    }

    public String path() {
        return path;
    }

    /** Frees the trees: no node of this file may be read afterwards. */
    @Override
    public void close() {
        trees.forEach(TSTree::close);
        trees.clear();
    }

    public SourceText src() {
        return src;
    }

    /** Every captured node of one kind (see the query), from the file's tree and the macro bodies' trees. */
    public List<TSNode> all(String capture) {
        return captures.getOrDefault(capture, List.of());
    }

    /** The macro bodies that were parsed again. */
    public List<MacroRegion> macroRegions() {
        return regions;
    }

    /** Every method and path call, in source order. */
    public List<CallSite> calls() {
        return calls;
    }

    /** The call site of a call expression node, or null when the node is not one. */
    public CallSite call(TSNode node) {
        return node == null || !Nodes.type(node).equals("call_expression") ? null : callsByRange.get(key(Nodes.start(node), Nodes.end(node)));
    }

    /** A function's modifiers (`unsafe extern "C"`), or "" when it has none. */
    public String modifiers(TSNode fn) {
        return modifiers.getOrDefault(Nodes.start(fn), "");
    }

    /** A function item's name, or "?". */
    public String fnName(TSNode fn) {
        return fnNames.getOrDefault(Nodes.start(fn), "?");
    }

    /** The pattern of a `let` as written (`mut guard`, `(tx, rx)`). */
    public String letPattern(TSNode let) {
        return letPatterns.getOrDefault(Nodes.start(let), "");
    }

    /** Whether a byte offset lies in the body of some for/while/loop (a quick test before walking up the tree). */
    public boolean inSomeLoopBody(int at) {
        if (loopBodies == null) {
            List<TSNode> bodies = all("loop_body");
            loopBodies = new int[bodies.size() * 2];
            for (int i = 0; i < bodies.size(); i++) {
                loopBodies[2 * i] = Nodes.start(bodies.get(i));
                loopBodies[2 * i + 1] = Nodes.end(bodies.get(i));
            }
        }
        for (int i = 0; i < loopBodies.length; i += 2) {
            if (at >= loopBodies[i] && at < loopBodies[i + 1]) {
                return true;
            }
        }
        return false;
    }

    /** Parse errors of the file itself (macro bodies that do not parse are read as tokens, not reported). */
    public List<TSNode> errors() {
        return mainErrors;
    }

    /** Whether a macro invocation's body was parsed again (so its tokens need no scan). */
    public boolean reparsed(TSNode macro) {
        for (MacroRegion r : regions) {
            if (Nodes.start(r.host()) == Nodes.start(macro) && Nodes.end(r.host()) == Nodes.end(macro)) {
                return true;
            }
        }
        return false;
    }

    /** Every capture, call, modifier, name and let pattern, as text: what a test compares between walk and query. */
    String describeCaptures() {
        List<String> out = new ArrayList<>();
        new TreeMap<>(captures).forEach((name, nodes) -> out.add(name + ":"
                + nodes.stream().map(n -> " " + Nodes.start(n) + "-" + Nodes.end(n)).collect(Collectors.joining())));
        calls.forEach(c -> out.add("call " + c.start() + "-" + c.end() + " " + c.method() + " " + c.callee() + " " + Nodes.start(c.name())));
        out.add("modifiers " + new TreeMap<>(modifiers));
        out.add("names " + new TreeMap<>(fnNames));
        out.add("lets " + new TreeMap<>(letPatterns));
        for (TSNode m : all("macro")) {
            TSNode body = macroBody(m);
            out.add("macro " + Nodes.start(m) + " " + text(macroPath(m)) + " " + (body == null ? "-" : Nodes.start(body) + "-" + Nodes.end(body)));
        }
        mainErrors.forEach(e -> out.add("error " + Nodes.start(e)));
        regions.forEach(r -> out.add("region " + r.start() + "-" + r.end()));
        return String.join("\n", out);
    }

    public String text(TSNode n) {
        return !Nodes.present(n) ? "" : src.slice(Nodes.start(n), Nodes.end(n));
    }

    /**
     * The syntactic parent; for the top item of a macro body parsed again, the macro invocation that holds it,
     * so walks up the tree (to the enclosing fn, module, test attribute) go on through the macro.
     */
    /** Whether an item stands at the top of the file: its parent is the file itself, not a module, block or macro body. */
    public boolean topLevel(TSNode item) {
        TSNode up = parent(item);
        return up != null && Nodes.type(up).equals("source_file");
    }

    public TSNode parent(TSNode n) {
        TSNode p = Nodes.parent(n);
        if (!Nodes.present(p)) {
            return null;
        }
        if (!regions.isEmpty() && Nodes.type(p).equals("source_file") && !Nodes.present(Nodes.parent(p))) {
            // The top of a tree: a macro body's when the node lies in a region (the innermost one, for a macro
            // inside a macro); the file's own top-level items never start inside a token tree.
            MacroRegion host = null;
            int at = Nodes.start(n);
            for (MacroRegion r : regions) {
                if (at >= r.start() && at < r.end() && (host == null || r.end() - r.start() < host.end() - host.start())) {
                    host = r;
                }
            }
            return host == null ? p : host.host();
        }
        return p;
    }
}
