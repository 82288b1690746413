package dev.rustengineer.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.treesitter.TSLanguage;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSQuery;
import org.treesitter.TSQueryCapture;
import org.treesitter.TSQueryCursor;
import org.treesitter.TSQueryMatch;
import org.treesitter.TSTree;
import org.treesitter.TreeSitterRust;

/**
 * Audits one Rust file: tree-sitter parses it, one query collects every node a rule looks at (queries run in
 * native code; walking the whole tree node by node through JNI is several times slower), and the rules read those
 * nodes. Macro token trees, which no syntax tree sees into, are read by {@link RustLexer}.
 */
final class FileAuditor {
    private static final String QUERY = """
            (unsafe_block) @unsafe_block
            (function_item) @fn
            (impl_item) @impl
            (trait_item) @trait
            (foreign_mod_item) @foreign_mod
            (call_expression) @call
            (macro_invocation) @macro
            (macro_definition) @macro_def
            (await_expression) @await
            (let_declaration) @let
            (use_declaration) @use
            (struct_item) @struct
            (enum_item) @enum
            (attribute_item) @attr
            (inner_attribute_item) @inner_attr
            (ERROR) @error
            """;
    private static final Set<String> LOOPS = Set.of("for_expression", "while_expression", "loop_expression");
    private static final Set<String> SQLX = Set.of("sqlx::query", "sqlx::query_as", "sqlx::query_scalar", "sqlx::query_with",
            "sqlx::query_as_with", "sqlx::query_scalar_with");
    private static final Set<String> SQLX_MACROS = Set.of("query", "query_as", "query_scalar", "query_unchecked", "query_as_unchecked",
            "query_scalar_unchecked", "query_file", "query_file_as");
    private static final Set<String> DIESEL_RUNS = Set.of("load", "execute", "get_result", "get_results", "first");
    private static final Pattern LIFETIME = Pattern.compile("'[A-Za-z_]\\w*");
    private static final Pattern HRTB = Pattern.compile("\\bfor\\s*<\\s*'");
    private static final Pattern TEST_ATTR = Pattern.compile("#\\s*\\[\\s*(?:[\\w:]+::)?test\\b|#\\s*\\[\\s*rstest\\b|#\\s*\\[\\s*test_case\\b");
    private static final Pattern CFG_TEST = Pattern.compile("#!?\\s*\\[\\s*cfg\\s*\\(\\s*test\\s*\\)\\s*\\]");

    private static final ThreadLocal<TSLanguage> LANGUAGE = ThreadLocal.withInitial(TreeSitterRust::new);
    private static final ThreadLocal<TSParser> PARSER = ThreadLocal.withInitial(() -> {
        TSParser p = new TSParser();
        p.setLanguage(LANGUAGE.get());
        return p;
    });
    private static final ThreadLocal<TSQuery> COMPILED = ThreadLocal.withInitial(() -> new TSQuery(LANGUAGE.get(), QUERY));

    /** What one file gave: its findings and facts the workspace rules need. */
    record Result(List<Finding> findings, int lines, boolean parseError, boolean startsServer, int wasmBindgenItems) {}

    private final AuditRules rules;

    FileAuditor(AuditRules rules) {
        this.rules = rules;
    }

    Result audit(String relPath, byte[] raw) {
        SourceText src = SourceText.decode(raw);
        List<Finding> out = new ArrayList<>();
        if (!src.wasUtf8()) {
            out.add(rules.finding("non-utf8", relPath, 1, 1, "not UTF-8: decoded leniently, invalid bytes replaced"));
        }
        String prepared = edition2024(src.text());
        SourceText text = prepared.equals(src.text()) ? src : new SourceText(prepared, prepared.getBytes(java.nio.charset.StandardCharsets.UTF_8), src.wasUtf8());
        boolean testFile = relPath.startsWith("tests/") || relPath.contains("/tests/") || relPath.startsWith("benches/")
                || relPath.contains("/benches/") || relPath.startsWith("examples/") || relPath.contains("/examples/");
        Map<String, List<TSNode>> nodes = new HashMap<>();
        TSTree tree = PARSER.get().parseString(null, text.text());
        try (TSQueryCursor cursor = new TSQueryCursor()) {
            cursor.exec(COMPILED.get(), tree.getRootNode());
            TSQueryMatch match = new TSQueryMatch();
            TSQuery q = COMPILED.get();
            while (cursor.nextMatch(match)) {
                for (TSQueryCapture c : match.getCaptures()) {
                    nodes.computeIfAbsent(q.getCaptureNameForId(c.getIndex()), k -> new ArrayList<>()).add(c.getNode());
                }
            }
        }
        Ctx ctx = new Ctx(relPath, text, nodes, testFile, out);
        ctx.run();
        int lines = (int) text.text().chars().filter(ch -> ch == '\n').count() + (text.text().endsWith("\n") ? 0 : 1);
        String t = text.text();
        boolean server = (relPath.endsWith("main.rs") || relPath.contains("/bin/") || relPath.startsWith("bin/"))
                && Pattern.compile("axum::serve|HttpServer::new|hyper::server|hyper_util::server|rocket::build|#\\[launch\\]|tonic::transport::Server|Server::builder\\(\\)")
                        .matcher(t).find();
        int wasm = 0;
        Matcher wm = Pattern.compile("#\\s*\\[\\s*wasm_bindgen\\b").matcher(t);
        while (wm.find()) {
            wasm++;
        }
        return new Result(out, lines, !nodes.getOrDefault("error", List.of()).isEmpty(), server, wasm);
    }

    /**
     * Edition-2024 syntax the grammar cannot parse: `unsafe extern "C" { pub safe fn f(); }`. The `unsafe` before
     * `extern {` and the `safe` before `fn`/`static` are blanked with as many spaces, so the block parses as a
     * plain extern block and every position stays where it was.
     */
    static String edition2024(String text) {
        if (!text.contains("extern") || !text.contains("unsafe") && !text.contains("safe")) {
            return text;
        }
        List<RustLexer.Token> toks = RustLexer.tokens(text);
        char[] chars = text.toCharArray();
        boolean changed = false;
        for (int i = 0; i + 2 < toks.size(); i++) {
            RustLexer.Token t = toks.get(i);
            if (t.text().equals("unsafe") && toks.get(i + 1).text().equals("extern")
                    && (toks.get(i + 2).text().equals("{") || toks.get(i + 2).kind().equals("literal") && i + 3 < toks.size()
                            && toks.get(i + 3).text().equals("{"))) {
                java.util.Arrays.fill(chars, t.start(), t.end(), ' ');
                changed = true;
            }
            if (t.text().equals("safe") && t.kind().equals("ident") && (toks.get(i + 1).text().equals("fn") || toks.get(i + 1).text().equals("static"))) {
                java.util.Arrays.fill(chars, t.start(), t.end(), ' ');
                changed = true;
            }
        }
        return changed ? new String(chars) : text;
    }

    /** The state of one file's audit. */
    private final class Ctx {
        final String file;
        final SourceText src;
        final Map<String, List<TSNode>> nodes;
        final boolean testFile;
        final List<Finding> out;
        final Imports imports = new Imports();
        final List<int[]> testRanges = new ArrayList<>();
        final String[] lines;
        boolean wholeFileTest;

        Ctx(String file, SourceText src, Map<String, List<TSNode>> nodes, boolean testFile, List<Finding> out) {
            this.file = file;
            this.src = src;
            this.nodes = nodes;
            this.testFile = testFile;
            this.out = out;
            this.lines = src.text().split("\n", -1);
        }

        List<TSNode> all(String capture) {
            return nodes.getOrDefault(capture, List.of());
        }

        String text(TSNode n) {
            return src.slice(n.getStartByte(), n.getEndByte());
        }

        void add(String rule, TSNode at, String message) {
            int row = at.getStartPoint().getRow();
            out.add(rules.finding(rule, file, row + 1, src.column(row, at.getStartPoint().getColumn()), message));
        }

        void addAt(String rule, int byteOffset, String message) {
            out.add(rules.finding(rule, file, src.row(byteOffset) + 1, src.columnOf(byteOffset), message));
        }

        void run() {
            all("use").forEach(u -> imports.add(text(u)));
            testCode();
            unsafeBlocks();
            items();
            calls();
            macros();
            locksAcrossAwait();
            for (TSNode e : all("error")) {
                String snippet = text(e).strip().replaceAll("\\s+", " ");
                add("parse-error", e, "does not parse: `" + (snippet.length() > 40 ? snippet.substring(0, 40) + "…" : snippet) + "`");
            }
        }

        // --- test code: #[cfg(test)] modules, #[test] functions, files under tests/ benches/ examples/ ---------
        void testCode() {
            for (TSNode a : all("inner_attr")) {
                if (CFG_TEST.matcher(text(a)).find() && a.getParent().getType().equals("source_file")) {
                    wholeFileTest = true;
                }
            }
            for (TSNode a : all("attr")) {
                String t = text(a);
                if (CFG_TEST.matcher(t).find() || TEST_ATTR.matcher(t).find()) {
                    TSNode item = a.getNextNamedSibling();
                    while (item != null && !item.isNull() && (item.getType().equals("attribute_item") || item.getType().endsWith("comment"))) {
                        item = item.getNextNamedSibling();
                    }
                    if (item != null && !item.isNull()) {
                        testRanges.add(new int[] {a.getStartByte(), item.getEndByte()});
                    }
                }
            }
        }

        boolean inTest(int byteOffset) {
            if (testFile || wholeFileTest) {
                return true;
            }
            for (int[] r : testRanges) {
                if (byteOffset >= r[0] && byteOffset < r[1]) {
                    return true;
                }
            }
            return false;
        }

        // --- unsafe blocks ------------------------------------------------------------------------------------
        void unsafeBlocks() {
            for (TSNode b : all("unsafe_block")) {
                add("unsafe-block", b, "unsafe block");
                if (!documented(b.getStartPoint().getRow())) {
                    add("undocumented-unsafe", b, "unsafe block without a `// SAFETY:` comment saying why it is sound");
                }
            }
        }

        /** A `SAFETY:` comment on the block's own line or in the comment lines directly above it. */
        boolean documented(int row) {
            if (row < lines.length && lines[row].contains("SAFETY:")) {
                return true;
            }
            for (int r = row - 1; r >= 0; r--) {
                String l = lines[r].strip();
                if (l.startsWith("//") || l.startsWith("/*") || l.startsWith("*") || l.endsWith("*/") || l.startsWith("#[")) {
                    if (l.contains("SAFETY:")) {
                        return true;
                    }
                    continue;
                }
                return false;
            }
            return false;
        }

        // --- items: unsafe fn/impl/trait, extern, impl Wake/Future, lifetimes ------------------------------------
        void items() {
            for (TSNode f : all("fn")) {
                String mods = modifiers(f);
                if (mods.contains("unsafe")) {
                    add("unsafe-fn", f, "`unsafe fn " + name(f) + "`: callers must uphold its safety contract");
                }
                if (mods.contains("extern")) {
                    add("ffi-boundary", f, "`extern` function `" + name(f) + "` callable across the FFI boundary");
                }
                lifetimes(f, "fn " + name(f));
            }
            for (TSNode e : all("foreign_mod")) {
                add("ffi-boundary", e, "`extern` block: foreign functions declared here");
            }
            for (TSNode i : all("impl")) {
                String head = signature(i);
                if (head.matches("(?s)^\\s*unsafe\\b.*")) {
                    add("unsafe-impl", i, "`" + firstLine(head) + "`: the implementer vouches for soundness");
                }
                TSNode trait = i.getChildByFieldName("trait");
                if (trait != null && !trait.isNull()) {
                    String traitName = lastSegment(text(trait));
                    if (traitName.equals("Wake") || traitName.equals("ArcWake")) {
                        add("custom-executor", i, "`impl " + traitName + "`: a hand-built waker");
                    }
                    if (traitName.equals("Future")) {
                        add("manual-future", i, "hand-written `impl Future`");
                    }
                }
                lifetimes(i, "impl");
            }
            for (TSNode t : all("trait")) {
                if (signature(t).matches("(?s)^\\s*(pub(\\([^)]*\\))?\\s+)?unsafe\\b.*")) {
                    add("unsafe-trait", t, "`unsafe trait " + name(t) + "`");
                }
                lifetimes(t, "trait " + name(t));
            }
            for (TSNode s : all("struct")) {
                lifetimes(s, "struct " + name(s));
            }
            for (TSNode s : all("enum")) {
                lifetimes(s, "enum " + name(s));
            }
        }

        String modifiers(TSNode fn) {
            for (int i = 0; i < fn.getChildCount(); i++) {
                TSNode c = fn.getChild(i);
                if (c.getType().equals("function_modifiers")) {
                    return text(c);
                }
                if (c.getType().equals("fn")) {
                    break;
                }
            }
            return "";
        }

        /** The item's text up to its body (or all of it when it has none). */
        String signature(TSNode item) {
            TSNode body = item.getChildByFieldName("body");
            int end = body != null && !body.isNull() ? body.getStartByte() : item.getEndByte();
            return src.slice(item.getStartByte(), end);
        }

        String name(TSNode item) {
            TSNode n = item.getChildByFieldName("name");
            return n == null || n.isNull() ? "?" : text(n);
        }

        void lifetimes(TSNode item, String what) {
            TSNode params = item.getChildByFieldName("type_parameters");
            String generics = params == null || params.isNull() ? "" : text(params);
            String sig = signature(item);
            if (HRTB.matcher(sig).find()) {
                add("complex-lifetimes", item, "`" + what + "` has a higher-ranked `for<'_>` bound");
                return;
            }
            int count = lifetimeParameters(generics);
            if (count < 2) {
                return;
            }
            // A trait bound mentioning a lifetime: after a ':' in the generics or anywhere in the where clause.
            String where = sig.contains("where") ? sig.substring(sig.lastIndexOf("where")) : "";
            boolean bound = false;
            for (String part : (generics + " " + where).split("[,<>]")) {
                int colon = part.indexOf(':');
                if (colon >= 0 && LIFETIME.matcher(part.substring(colon)).find()) {
                    bound = true;
                    break;
                }
            }
            if (!bound) {
                Matcher g = Pattern.compile(":\\s*[A-Za-z_][\\w:]*<[^>]*'[A-Za-z_]").matcher(generics + where);
                bound = g.find();
            }
            if (bound) {
                add("complex-lifetimes", item, "`" + what + "` declares " + count + " lifetimes and a trait bound that mentions one");
            }
        }

        // --- calls: transmute, executors, blocking in async, unwrap, queries in loops ------------------------------
        void calls() {
            boolean usesDiesel = src.text().contains("diesel");
            for (TSNode call : all("call")) {
                TSNode fn = call.getChildByFieldName("function");
                if (fn == null || fn.isNull()) {
                    continue;
                }
                String type = fn.getType();
                if (type.equals("field_expression")) {
                    TSNode field = fn.getChildByFieldName("field");
                    String method = field == null || field.isNull() ? "" : text(field);
                    if ((method.equals("unwrap") || method.equals("expect")) && !inTest(call.getStartByte())) {
                        add("unwrap-in-production", field, "`." + method + "()` outside tests: return an error instead of panicking");
                    }
                    if (usesDiesel && DIESEL_RUNS.contains(method) && inLoop(call)) {
                        add("query-in-loop", field, "Diesel `." + method + "()` inside a loop: one query per iteration (N+1)");
                    }
                    continue;
                }
                String callee = type.equals("generic_function") ? text(fn.getChildByFieldName("function")) : text(fn);
                String path = imports.resolve(callee);
                String last = lastSegment(path);
                if (last.equals("transmute")) {
                    add("transmute", call, "`" + callee.strip() + "`: reinterprets the bits of a value");
                }
                if (path.endsWith("RawWakerVTable::new")) {
                    add("custom-executor", call, "`RawWakerVTable::new`: a hand-built waker vtable");
                }
                if (blocking(path) && inAsync(call)) {
                    add("blocking-in-async", call, "`" + path + "` blocks the executor thread in async code; use the async API or spawn_blocking");
                }
                if (SQLX.contains(path) && inLoop(call)) {
                    add("query-in-loop", call, "`" + path + "` inside a loop: one query per iteration (N+1)");
                }
            }
        }

        boolean blocking(String path) {
            return path.equals("std::thread::sleep") || path.startsWith("std::fs::") && !path.endsWith("OpenOptions::new")
                    || path.equals("std::net::TcpStream::connect") || path.equals("std::net::TcpStream::connect_timeout")
                    || path.equals("std::io::stdin") || path.startsWith("reqwest::blocking::");
        }

        /** Inside an async fn or async block, and not inside a closure given to spawn_blocking/block_in_place. */
        boolean inAsync(TSNode n) {
            for (TSNode p = n.getParent(); p != null && !p.isNull(); p = p.getParent()) {
                switch (p.getType()) {
                    case "async_block":
                        return true;
                    case "function_item":
                        return modifiers(p).contains("async");
                    case "closure_expression": {
                        if (text(p).startsWith("async")) {
                            return true;
                        }
                        TSNode args = p.getParent();
                        TSNode call = args == null || args.isNull() ? null : args.getParent();
                        if (call != null && !call.isNull() && call.getType().equals("call_expression")) {
                            String callee = text(call.getChildByFieldName("function"));
                            if (callee.endsWith("spawn_blocking") || callee.endsWith("block_in_place")) {
                                return false;
                            }
                        }
                        break;
                    }
                    default:
                        break;
                }
            }
            return false;
        }

        /** Inside the body of a for/while/loop of the same function. */
        boolean inLoop(TSNode n) {
            TSNode child = n;
            for (TSNode p = n.getParent(); p != null && !p.isNull(); child = p, p = p.getParent()) {
                if (LOOPS.contains(p.getType())) {
                    TSNode body = p.getChildByFieldName("body");
                    if (body != null && !body.isNull() && child.getStartByte() >= body.getStartByte() && child.getEndByte() <= body.getEndByte()) {
                        return true;
                    }
                }
                if (p.getType().equals("function_item")) {
                    return false;
                }
            }
            return false;
        }

        // --- macros: token trees the syntax tree does not see into ---------------------------------------------
        void macros() {
            boolean usesSqlx = src.text().contains("sqlx");
            List<TSNode> bodies = new ArrayList<>(all("macro"));
            bodies.addAll(all("macro_def"));
            for (TSNode m : bodies) {
                String name = "";
                if (m.getType().equals("macro_invocation")) {
                    name = text(m.getChildByFieldName("macro"));
                    if (usesSqlx && SQLX_MACROS.contains(lastSegment(name)) && inLoop(m)) {
                        add("query-in-loop", m, "`" + name + "!` inside a loop: one query per iteration (N+1)");
                    }
                }
                scanTokens(m, name.isEmpty() ? "macro_rules!" : name + "!");
            }
        }

        void scanTokens(TSNode macro, String label) {
            int base = macro.getStartByte();
            String body = text(macro);
            List<RustLexer.Token> toks = RustLexer.tokens(body);
            for (int i = 0; i + 1 < toks.size(); i++) {
                RustLexer.Token t = toks.get(i);
                if (t.kind().equals("ident") && t.text().equals("unsafe") && toks.get(i + 1).text().equals("{")) {
                    int at = base + utf8Length(body, t.start());
                    addAt("unsafe-block", at, "unsafe block inside macro `" + label + "`");
                    if (!documented(src.row(at))) {
                        addAt("undocumented-unsafe", at, "unsafe block inside macro `" + label + "` without a `// SAFETY:` comment");
                    }
                }
                if (t.text().equals(".") && i + 2 < toks.size() && toks.get(i + 2).text().equals("(")
                        && (toks.get(i + 1).text().equals("unwrap") || toks.get(i + 1).text().equals("expect"))) {
                    int at = base + utf8Length(body, toks.get(i + 1).start());
                    if (!inTest(at)) {
                        addAt("unwrap-in-production", at, "`." + toks.get(i + 1).text() + "()` inside macro `" + label + "` outside tests");
                    }
                }
            }
        }

        // --- std::sync guards held across .await ----------------------------------------------------------------
        void locksAcrossAwait() {
            String t = src.text();
            boolean stdMutex = imports.imports("std::sync::Mutex") || t.contains("std::sync::Mutex");
            boolean stdRwLock = imports.imports("std::sync::RwLock") || t.contains("std::sync::RwLock");
            if (!stdMutex && !stdRwLock || all("await").isEmpty()) {
                return;
            }
            for (TSNode let : all("let")) {
                TSNode value = let.getChildByFieldName("value");
                TSNode pattern = let.getChildByFieldName("pattern");
                if (value == null || value.isNull() || pattern == null || pattern.isNull()) {
                    continue;
                }
                String v = text(value).replaceAll("\\s+", "");
                boolean guard = stdMutex && v.matches(".*\\.lock\\(\\)(\\.unwrap\\(\\)|\\.expect\\(.*\\)|\\?)?")
                        || stdRwLock && v.matches(".*\\.(read|write)\\(\\)(\\.unwrap\\(\\)|\\.expect\\(.*\\)|\\?)?");
                String name = text(pattern).replaceFirst("^mut\\s+", "").strip();
                if (!guard || name.startsWith("_") || !name.matches("\\w+") || !inAsync(let)) {
                    continue;
                }
                TSNode block = let.getParent();
                int from = let.getEndByte();
                int to = block.getEndByte();
                Matcher drop = Pattern.compile("\\bdrop\\s*\\(\\s*" + Pattern.quote(name) + "\\s*\\)").matcher(src.slice(from, to));
                if (drop.find()) {
                    to = from + src.slice(from, from + drop.start()).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                }
                for (TSNode a : all("await")) {
                    if (a.getStartByte() >= from && a.getEndByte() <= to) {
                        add("lock-across-await", let, "std::sync guard `" + name + "` is still held at the `.await` on line "
                                + (a.getStartPoint().getRow() + 1) + "; drop it first or use an async mutex");
                        break;
                    }
                }
            }
        }
    }

    /** How many of the generics' own parameters are lifetimes (`<'a, 'b: 'a, T: Foo<'a>>` has two). */
    static int lifetimeParameters(String generics) {
        String g = generics.strip();
        if (!g.startsWith("<") || !g.endsWith(">")) {
            return 0;
        }
        int count = 0;
        int depth = 0;
        boolean atStart = true;
        for (int i = 1; i < g.length() - 1; i++) {
            char c = g.charAt(i);
            if (c == '<' || c == '(' || c == '[') {
                depth++;
            } else if (c == '>' || c == ')' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                atStart = true;
                continue;
            }
            if (atStart && !Character.isWhitespace(c)) {
                if (c == '\'' && depth == 0) {
                    count++;
                }
                atStart = false;
            }
        }
        return count;
    }

    static int utf8Length(String s, int charIndex) {
        return s.substring(0, charIndex).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    static String lastSegment(String path) {
        String p = path.replaceAll("<[^<>]*>", "").strip();
        int i = p.lastIndexOf("::");
        return i < 0 ? p : p.substring(i + 2);
    }

    static String firstLine(String s) {
        return s.strip().lines().findFirst().orElse("").replaceAll("\\s*\\{?\\s*$", "");
    }
}
