package dev.rustengineer.audit.scope;

import dev.rustengineer.audit.syntax.CallSite;
import dev.rustengineer.audit.syntax.Nodes;
import dev.rustengineer.audit.syntax.RustFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.treesitter.TSNode;

/**
 * A small, local inference of the type of a call's receiver or argument, enough to tell a std `Mutex` from a
 * tokio one and a database pool from a slice. It reads, in this order:
 * <ul>
 *   <li>a variable's `let x: T`, or the value it was bound to: a constructor `T::new(..)` (through `Arc::new` and
 *       the like), a call of a function with a known result (`std::thread::spawn` gives a `JoinHandle`,
 *       `sqlx::query(..)` a query, `mpsc::channel()` a sender and a receiver), or another variable;</li>
 *   <li>the enclosing function's or closure's parameter `x: T`, a `static X: T`; for database handles also a
 *       parameter typed by a database trait (`conn: &impl Connection`, `conn: &C` with `C: Connection`);</li>
 *   <li>`self.field` (any expression's `.field`): the type of the struct field of that name in this file, when
 *       every field of that name has the same type.</li>
 * </ul>
 * Types are resolved through the `use` declarations in scope where they are written; `Arc`, `Rc`, `Box`, `Pin`,
 * `Option` and lazy cells are looked through. Anything else is unknown (null): rules treat unknown as unknown.
 */
public final class ReceiverTypes {
    private static final Set<String> WRAPPERS = Set.of("Arc", "Rc", "Box", "Pin", "Option", "LazyLock", "Lazy", "OnceLock",
            "OnceCell", "LazyCell", "Cow", "RefCell", "Cell", "ManuallyDrop", "Weak");
    private static final Set<String> PATHS = Set.of("std::path::Path", "std::path::PathBuf");
    /** Path methods that give a path: `dir.join("x")`. */
    private static final Set<String> PATH_RESULTS = Set.of("join", "with_extension", "with_file_name", "to_path_buf", "to_owned");
    private static final Set<String> SAME_TYPE_METHODS = Set.of("clone", "as_ref", "as_mut", "borrow", "borrow_mut", "deref",
            "deref_mut", "to_owned", "by_ref", "get_ref", "get_mut");
    /** Builders whose methods return the builder (std/tokio Command, sqlx queries). */
    private static final Pattern BUILDER = Pattern.compile("std::process::Command|tokio::process::Command|std::fs::OpenOptions|sqlx::query\\w*|sqlx::raw_sql");
    /** The std calls that open a file. */
    private static final Set<String> FILE_OPENERS = Set.of("std::fs::File::open", "std::fs::File::create", "std::fs::File::create_new");
    private static final Pattern CONSTRUCTOR = Pattern.compile("(.+)::(new\\w*|default|with_\\w+|from\\w*|const_new|builder)$");

    /** `impl Connection`, `impl sqlx::PgExecutor<'c>`: the trait's path. */
    private static final Pattern IMPL_TRAIT = Pattern.compile("impl\\s+((?:\\w+::)*\\w+)\\s*(?:<.*>)?(?:\\s*\\+.*)?");
    /** A generic parameter's name: `C`, `Conn`, `E`. */
    private static final Pattern GENERIC_NAME = Pattern.compile("[A-Z]\\w*");
    private static final Pattern BOUND_NAME = Pattern.compile("[^A-Za-z0-9_]+");
    private static final Set<String> PEELED = Set.of("reference_expression", "unary_expression", "parenthesized_expression",
            "try_expression", "await_expression");

    private final RustFile f;
    private final ImportScopes imports;
    private final AuditKnowledge k;
    private Map<String, List<Let>> letsByName;
    private List<Callable> callables;
    private Map<String, String[]> statics;

    public ReceiverTypes(RustFile f, ImportScopes imports, AuditKnowledge k) {
        this.f = f;
        this.imports = imports;
        this.k = k;
    }

    /**
     * Whether an expression is a database handle: its type is one (audit/knowledge.yaml `db_handle_*`), it is an
     * accessor call (`context.pool()`), a handle's method that gives a handle (`pool.begin().await?`,
     * `pool.get()`), or an untyped parameter of the closure given to a handle's transaction method
     * (`conn.transaction(|conn| ..)`).
     */
    public boolean isDbHandle(TSNode expr) {
        return isDbHandle(expr, 0);
    }

    private boolean isDbHandle(TSNode expr, int depth) {
        TSNode e = expr;
        while (e != null && PEELED.contains(Nodes.type(e)) && Nodes.namedChildCount(e) > 0) {
            e = Nodes.namedChild(e, Nodes.namedChildCount(e) - 1);
        }
        if (e == null || depth > 6) {
            return false;
        }
        String type = typeOf(e);
        if (type != null && k.isDbHandle(type)) {
            return true;
        }
        if (Nodes.type(e).equals("identifier") && boundByDbTrait(f.text(e), e)) {
            return true;
        }
        if (type != null) {
            return false;
        }
        CallSite call = f.call(e);
        if (call != null && call.method() != null) {
            if (k.dbHandleAccessors().contains(call.method()) && call.argumentCount() == 0) {
                return true;
            }
            // `conn.transaction()?` with no closure (rusqlite, postgres) hands out the transaction itself.
            boolean opensTransaction = k.dbTransactionMethods().contains(call.method()) && call.argumentCount() == 0;
            return (k.dbHandleMethods().contains(call.method()) || SAME_TYPE_METHODS.contains(call.method()) || opensTransaction)
                    && isDbHandle(call.receiver(), depth + 1);
        }
        if (call != null) {
            return k.dbHandleAccessors().contains(Nodes.lastSegment(call.callee())); // get_conn(pool)
        }
        if (!Nodes.type(e).equals("identifier")) {
            return false;
        }
        TSNode let = nearestLet(f.text(e), e);
        if (let != null) {
            TSNode value = Nodes.field(let, "value");
            return value != null && Nodes.field(let, "type") == null && isDbHandle(value, depth + 1);
        }
        return transactionParameter(f.text(e), e, depth);
    }

    /**
     * A parameter typed by a database trait rather than a type: `conn: &impl Connection`, or `conn: &C` where the
     * function declares `C: Connection` (in its generics or its where clause). Only the trait's last segment is
     * read ({@link AuditKnowledge#isDbHandleTrait}); a `let` of the name shadows the parameter.
     */
    private boolean boundByDbTrait(String name, TSNode use) {
        if (nearestLet(name, use) != null) {
            return false;
        }
        for (Callable fn : callablesAround(Nodes.start(use))) {
            if (!fn.params().containsKey(name)) {
                if (fn.item()) {
                    return false;
                }
                continue;
            }
            String[] param = fn.params().get(name);
            if (param == null || !fn.item()) {
                return false;
            }
            String type = param[0].replaceAll("^&\\s*(?:'\\w+\\s+)?(?:mut\\s+)?", "").strip();
            Matcher impl = IMPL_TRAIT.matcher(type);
            if (impl.matches()) {
                return k.isDbHandleTrait(impl.group(1));
            }
            if (!GENERIC_NAME.matcher(type).matches()) {
                return false;
            }
            Matcher bound = Pattern.compile("(?<![\\w:])" + Pattern.quote(type) + "\\s*:\\s*([^,>{]+)").matcher(Nodes.signature(f, fn.node));
            while (bound.find()) {
                for (String t : bound.group(1).split("\\+")) {
                    String trait = t.strip().replaceFirst("<.*$", "").strip();
                    if (!trait.isEmpty() && k.isDbHandleTrait(trait)) {
                        return true;
                    }
                }
            }
            return false;
        }
        return false;
    }

    /** An untyped parameter of a closure passed to a database handle's transaction method. */
    private boolean transactionParameter(String name, TSNode use, int depth) {
        for (Callable fn : callablesAround(Nodes.start(use))) {
            if (fn.item()) {
                return false;
            }
            if (!fn.params().containsKey(name)) {
                continue;
            }
            if (fn.params().get(name) != null) {
                return false;
            }
            TSNode args = Nodes.parent(fn.node);
            CallSite call = Nodes.present(args) && Nodes.type(args).equals("arguments") ? f.call(Nodes.parent(args)) : null;
            return call != null && call.method() != null && k.dbTransactionMethods().contains(call.method())
                    && isDbHandle(call.receiver(), depth + 1);
        }
        return false;
    }

    /** The value a variable was bound to by its nearest `let` without a written type, or null. */
    public TSNode boundValue(TSNode identifier) {
        TSNode let = nearestLet(f.text(identifier), identifier);
        return let == null || Nodes.field(let, "type") != null ? null : Nodes.field(let, "value");
    }

    /** The resolved path of the expression's type (`std::sync::Mutex`, `sqlx::query`), or null when unknown. */
    public String typeOf(TSNode expr) {
        return typeOf(expr, new HashSet<>());
    }

    private String typeOf(TSNode expr, Set<Integer> seen) {
        if (expr == null || !seen.add(Nodes.start(expr) * 31 + Nodes.end(expr)) || seen.size() > 16) {
            return null;
        }
        switch (Nodes.type(expr)) {
            case "reference_expression", "unary_expression", "parenthesized_expression", "try_expression", "await_expression": {
                TSNode inner = Nodes.field(expr, "value");
                if (inner == null) {
                    inner = Nodes.namedChildCount(expr) > 0 ? Nodes.namedChild(expr, Nodes.namedChildCount(expr) - 1) : null;
                }
                return typeOf(inner, seen);
            }
            case "identifier":
                return declared(f.text(expr), expr, seen);
            case "field_expression":
                return fieldType(f.text(Nodes.field(expr, "field")));
            case "call_expression":
                return callType(expr, seen);
            default:
                return null;
        }
    }

    private String callType(TSNode node, Set<Integer> seen) {
        CallSite call = f.call(node);
        if (call == null) {
            return null;
        }
        if (call.method() != null) {
            String receiver = typeOf(call.receiver(), seen);
            if ("std::fs::OpenOptions".equals(receiver) && call.method().equals("open")) {
                return "std::fs::File";
            }
            if (receiver != null && (SAME_TYPE_METHODS.contains(call.method()) || BUILDER.matcher(receiver).matches())) {
                return receiver;
            }
            if (receiver != null && PATHS.contains(receiver) && PATH_RESULTS.contains(call.method())) {
                return "std::path::PathBuf";
            }
            return null;
        }
        String path = imports.resolve(call.callee(), call.start());
        if (path.equals("std::thread::spawn") || path.equals("std::thread::Builder::spawn")) {
            return "std::thread::JoinHandle";
        }
        if (path.startsWith("sqlx::query") || path.equals("sqlx::raw_sql")) {
            return path;
        }
        if (FILE_OPENERS.contains(path)) {
            return "std::fs::File";
        }
        Matcher m = CONSTRUCTOR.matcher(path);
        if (m.matches()) {
            String type = m.group(1);
            if (WRAPPERS.contains(Nodes.lastSegment(type))) {
                return Nodes.namedChildCount(call.args()) > 0 ? typeOf(Nodes.namedChild(call.args(), 0), seen) : null;
            }
            return type;
        }
        return null;
    }

    /** The type of a variable at a use: its nearest earlier `let` in an enclosing block, else a parameter or static. */
    private String declared(String name, TSNode use, Set<Integer> seen) {
        TSNode best = nearestLet(name, use);
        if (best != null) {
            TSNode type = Nodes.field(best, "type");
            if (type != null) {
                return typeFromText(f.text(type), Nodes.start(best));
            }
            TSNode pattern = Nodes.field(best, "pattern");
            TSNode value = Nodes.field(best, "value");
            if (pattern != null && Nodes.type(pattern).equals("tuple_pattern") && value != null) {
                return channelEnd(pattern, name, value);
            }
            return typeOf(value, seen);
        }
        int at = Nodes.start(use);
        for (Callable fn : callablesAround(at)) {
            if (fn.params().containsKey(name)) {
                String[] param = fn.params().get(name);
                return param == null ? null : typeFromText(param[0], Integer.parseInt(param[1]));
            }
            if (fn.item()) {
                break;
            }
        }
        if (statics == null) {
            statics = new HashMap<>();
            for (TSNode st : f.all("static")) {
                TSNode type = Nodes.field(st, "type");
                if (type != null) {
                    statics.putIfAbsent(Nodes.name(f, st), new String[] {f.text(type), String.valueOf(Nodes.start(st))});
                }
            }
        }
        String[] st = statics.get(name);
        return st == null ? null : typeFromText(st[0], Integer.parseInt(st[1]));
    }

    /** A function or closure: its range, and (read on first use) its typed parameters: name -> {type, position}. */
    private final class Callable {
        final TSNode node;
        final int start;
        final int end;
        private Map<String, String[]> params;

        Callable(TSNode node) {
            this.node = node;
            this.start = Nodes.start(node);
            this.end = Nodes.end(node);
        }

        boolean item() {
            return Nodes.type(node).equals("function_item");
        }

        Map<String, String[]> params() {
            if (params == null) {
                params = new HashMap<>();
                TSNode list = Nodes.field(node, "parameters");
                for (int i = 0; list != null && i < Nodes.namedChildCount(list); i++) {
                    TSNode param = Nodes.namedChild(list, i);
                    TSNode pattern = Nodes.field(param, "pattern");
                    TSNode type = Nodes.field(param, "type");
                    // A closure's untyped parameter is a bare pattern: it binds the name, its type is unknown.
                    String bound = f.text(pattern != null ? pattern : param).replaceFirst("^mut\\s+", "").replaceFirst("^ref\\s+", "").strip();
                    params.putIfAbsent(bound, type == null ? null : new String[] {f.text(type), String.valueOf(Nodes.start(param))});
                }
            }
            return params;
        }
    }

    /** The functions and closures around a byte offset, innermost first, from an index built on first use. */
    private List<Callable> callablesAround(int at) {
        if (callables == null) {
            callables = new ArrayList<>();
            f.all("fn").forEach(n -> callables.add(new Callable(n)));
            f.all("closure").forEach(n -> callables.add(new Callable(n)));
            callables.sort((a, b) -> Integer.compare(b.start, a.start));
        }
        List<Callable> out = new ArrayList<>();
        for (Callable c : callables) {
            if (c.start <= at && at < c.end) {
                out.add(c);
            }
        }
        out.sort((a, b) -> Integer.compare(a.end - a.start, b.end - b.start));
        return out;
    }

    /** The nearest earlier `let` binding the name in a block around the use, or null. */
    private TSNode nearestLet(String name, TSNode use) {
        int at = Nodes.start(use);
        Let best = null;
        for (Let let : letsBinding(name)) {
            if (let.start < at && let.blockStart <= at && at < let.blockEnd && (best == null || let.start > best.start)) {
                best = let;
            }
        }
        return best == null ? null : best.node;
    }

    /** A `let` with its position and its block's, read once. */
    private record Let(TSNode node, int start, int blockStart, int blockEnd) {}

    /** The `let`s that bind a name (`let x`, `let mut x`, `let (a, x)`), from an index built on first use. */
    private List<Let> letsBinding(String name) {
        if (letsByName == null) {
            letsByName = new HashMap<>();
            for (TSNode let : f.all("let")) {
                Let info = null;
                for (String bound : BOUND_NAME.split(f.letPattern(let))) {
                    if (!bound.isEmpty() && !bound.equals("mut") && !bound.equals("ref")) {
                        if (info == null) {
                            TSNode block = Nodes.parent(let);
                            info = new Let(let, Nodes.start(let), Nodes.start(block), Nodes.end(block));
                        }
                        letsByName.computeIfAbsent(bound, k -> new ArrayList<>()).add(info);
                    }
                }
            }
        }
        return letsByName.getOrDefault(name, List.of());
    }

    /** `let (tx, rx) = mpsc::channel();`: the receiver's or sender's type. */
    private String channelEnd(TSNode pattern, String name, TSNode value) {
        String ends = f.text(pattern).replaceAll("[()\\s]|mut", "");
        String[] parts = ends.split(",");
        CallSite call = f.call(value);
        if (parts.length != 2 || call == null || call.callee() == null) {
            return null;
        }
        String path = imports.resolve(call.callee(), call.start());
        int cut = path.lastIndexOf("::");
        if (cut < 0 || !path.matches(".*::(channel|sync_channel|unbounded|bounded)$")) {
            return null;
        }
        String module = path.substring(0, cut);
        return module + (parts[1].equals(name) ? "::Receiver" : parts[0].equals(name) ? "::Sender" : "::?");
    }

    /** The type of a struct field by name, when every field of that name in the file agrees. */
    private String fieldType(String field) {
        String found = null;
        for (TSNode d : f.all("field")) {
            TSNode name = Nodes.field(d, "name");
            TSNode type = Nodes.field(d, "type");
            if (name == null || type == null || !f.text(name).equals(field)) {
                continue;
            }
            String t = typeFromText(f.text(type), Nodes.start(d));
            if (t == null || found != null && !found.equals(t)) {
                return null;
            }
            found = t;
        }
        return found;
    }

    /** A type as written, wrappers and references peeled, resolved where it is written. */
    String typeFromText(String written, int at) {
        String t = written.replaceAll("'\\w+", "").replaceAll("\\s+", " ").strip();
        for (int guard = 0; guard < 8; guard++) {
            t = t.replaceFirst("^&\\s*(mut\\s+)?", "").replaceFirst("^(dyn|impl)\\s+", "").replaceFirst("^\\*\\s*(const|mut)\\s+", "").strip();
            int lt = t.indexOf('<');
            String head = (lt < 0 ? t : t.substring(0, lt)).strip();
            if (lt > 0 && WRAPPERS.contains(Nodes.lastSegment(head)) && t.endsWith(">")) {
                t = firstArgument(t.substring(lt + 1, t.length() - 1));
                continue;
            }
            if (!head.matches("[A-Za-z_][\\w:]*")) {
                return null;
            }
            return imports.resolve(head, at);
        }
        return null;
    }

    private static String firstArgument(String args) {
        int depth = 0;
        for (int i = 0; i < args.length(); i++) {
            char c = args.charAt(i);
            if (c == '<' || c == '(' || c == '[') {
                depth++;
            } else if (c == '>' || c == ')' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                return args.substring(0, i).strip();
            }
        }
        return args.strip();
    }
}
