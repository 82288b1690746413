package dev.rustengineer.audit.rule;

import dev.rustengineer.audit.scope.FileContext;
import dev.rustengineer.audit.syntax.CallSite;
import dev.rustengineer.audit.syntax.Nodes;
import dev.rustengineer.audit.syntax.RustFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.treesitter.TSNode;

/**
 * What a reviewer asks of the function around an unwrap: can it hand an error to its caller, and does the
 * unwrapped value come from outside the function. Both are read from the syntax of one file:
 * <ul>
 *   <li>the error channel: the enclosing fn item (through closures) returns a type that names a `Result`
 *       (`io::Result`, `QueryResult<T>`, `impl Future<Output = Result<..>>`) or is an `Option`;</li>
 *   <li>input: the value is derived, through method calls, field accesses, `?`, `.await` and `let` bindings, from a
 *       parameter of the enclosing fn or closure (not `self`), from an awaited call (an I/O result), or from a
 *       function that reads the world (audit/knowledge.yaml `input_prefixes` and `blocking_functions`: env vars,
 *       std::fs, std::net, stdin).</li>
 * </ul>
 */
final class PanicReach {
    private static final Pattern ERROR_CHANNEL = Pattern.compile("Result\\b|^Option\\s*<");
    private static final Pattern FMT_RESULT = Pattern.compile("(?:(?:std|core)::)?fmt::Result");
    private static final Set<String> SAME_VALUE = Set.of("clone", "as_ref", "as_mut", "as_deref", "as_deref_mut", "cloned", "copied");
    private static final Set<String> LOOKUPS = Set.of("get", "get_mut");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_]\\w*");
    private static final Set<String> NOT_NAMES = Set.of("mut", "ref", "self", "_");
    private static final Set<String> SPAWNS = Set.of("spawn", "spawn_blocking", "spawn_local");
    private static final int MAX_LETS = 3;

    private final FileContext c;
    private final RustFile f;
    private Map<String, List<Let>> lets;
    private List<int[]> fnRanges;

    PanicReach(FileContext c) {
        this.c = c;
        this.f = c.file();
    }

    /** The fn item a node runs in, through closures and item macros, or null in a static, const or macro_rules body. */
    TSNode enclosingFn(TSNode n) {
        for (TSNode p = f.parent(n); p != null; p = f.parent(p)) {
            switch (p.getType()) {
                case "function_item":
                    return p;
                case "const_item", "static_item", "impl_item", "trait_item", "mod_item", "source_file":
                    return null;
                default:
                    break;
            }
        }
        return null;
    }

    /** The innermost fn item around a byte offset (for a spot in a macro body that was not parsed), or null. */
    TSNode enclosingFn(int at) {
        if (fnRanges == null) {
            fnRanges = new ArrayList<>();
            for (TSNode fn : f.all("fn")) {
                fnRanges.add(new int[] {fn.getStartByte(), fn.getEndByte()});
            }
        }
        int best = -1;
        for (int i = 0; i < fnRanges.size(); i++) {
            int[] r = fnRanges.get(i);
            if (r[0] <= at && at < r[1] && (best < 0 || r[0] > fnRanges.get(best)[0])) {
                best = i;
            }
        }
        return best < 0 ? null : f.all("fn").get(best);
    }

    /**
     * The fn returns a `Result` or an `Option`: an unwrap in it could have been a `?`. Not `fmt::Result`: a
     * formatter's error says the writer failed and carries nothing else (std's `Display` docs).
     */
    boolean hasErrorChannel(TSNode fn) {
        TSNode ret = fn == null ? null : Nodes.field(fn, "return_type");
        if (ret == null) {
            return false;
        }
        String type = f.text(ret).strip();
        boolean formatter = FMT_RESULT.matcher(type).matches() || type.equals("Result") && f.fnName(fn).equals("fmt");
        return !formatter && ERROR_CHANNEL.matcher(type).find();
    }

    /**
     * The value was tested earlier in the same fn (`if x.is_none() { return Err(..) }` ... `x.clone().unwrap()`):
     * the unwrap states what the test established. The receiver is compared as written, after the calls that
     * keep its value (`clone`, `as_ref`, `as_deref`, ...).
     */
    boolean checkedBefore(TSNode fn, TSNode receiver) {
        if (fn == null || receiver == null) {
            return false;
        }
        TSNode base = receiver;
        for (CallSite call = f.call(base); call != null && call.method() != null && SAME_VALUE.contains(call.method())
                && call.argumentCount() == 0; call = f.call(base)) {
            base = call.receiver();
        }
        String before = f.src().slice(fn.getStartByte(), receiver.getStartByte());
        Pattern test = Pattern.compile(Pattern.quote(f.text(base)) + "\\s*\\.\\s*is_(?:some|none|ok|err)\\s*\\(\\s*\\)");
        if (test.matcher(before).find()) {
            return true;
        }
        // `map.get_mut(k).unwrap()` after `map.insert(k, ..)` or `map.contains_key(k)`: the entry was made or tested.
        CallSite lookup = f.call(base);
        if (lookup == null || lookup.method() == null || !LOOKUPS.contains(lookup.method())) {
            return false;
        }
        Pattern made = Pattern.compile(Pattern.quote(f.text(lookup.receiver())) + "\\s*\\.\\s*(?:insert|contains_key|contains)\\s*\\(");
        return made.matcher(before).find();
    }

    /** `#[track_caller]`: the fn's panic on bad arguments is its documented contract, blamed on the caller. */
    boolean tracksCaller(TSNode fn) {
        for (TSNode s = fn == null ? null : fn.getPrevSibling(); Nodes.present(s); s = s.getPrevSibling()) {
            String type = s.getType();
            if (type.equals("attribute_item")) {
                if (f.text(s).contains("track_caller")) {
                    return true;
                }
            } else if (!type.equals("line_comment") && !type.equals("block_comment")) {
                return false;
            }
        }
        return false;
    }

    /**
     * A parameter (not `self`) of the fn item around the node, or of a closure bound by `let` (a local function),
     * is named so. A closure handed to a call gets its arguments from that call's owner, not from outside.
     */
    boolean isParameter(String name, TSNode at) {
        for (TSNode p = f.parent(at); p != null; p = f.parent(p)) {
            String type = p.getType();
            if (type.equals("function_item") || type.equals("closure_expression") && p.getParent().getType().equals("let_declaration")) {
                TSNode params = Nodes.field(p, "parameters");
                if (params != null && binds(f.text(params), name)) {
                    return true;
                }
                if (type.equals("function_item")) {
                    return false;
                }
            }
        }
        return false;
    }

    /** The value comes from the function's input or the world outside the program (see the class comment). */
    boolean fromInput(TSNode value) {
        return fromInput(value, 0);
    }

    private boolean fromInput(TSNode value, int lets) {
        TSNode n = value;
        for (int guard = 0; n != null && guard < 64; guard++) {
            switch (n.getType()) {
                case "await_expression":
                    return !awaitsSpawn(n);
                case "try_expression", "parenthesized_expression", "reference_expression", "unary_expression":
                    n = n.getNamedChildCount() > 0 ? n.getNamedChild(n.getNamedChildCount() - 1) : null;
                    break;
                case "field_expression":
                    n = Nodes.field(n, "value");
                    break;
                case "call_expression": {
                    CallSite call = f.call(n);
                    if (call == null) {
                        return false;
                    }
                    if (call.method() != null) {
                        n = call.receiver();
                        break;
                    }
                    if (c.knowledge().readsInput(c.imports().resolve(call.callee(), call.start()))) {
                        return true;
                    }
                    // A conversion or lookup of an argument: `CString::new(name)`, `from_timestamp_opt(secs, 0)`.
                    return call.arguments().stream().anyMatch(a -> namesParameter(a));
                }
                case "identifier":
                    return identifierFromInput(n, lets);
                default:
                    return false;
            }
        }
        return false;
    }

    private boolean identifierFromInput(TSNode id, int lets) {
        String name = f.text(id);
        TSNode let = lets < MAX_LETS ? nearestLet(name, id) : null;
        if (let != null) {
            TSNode value = Nodes.field(let, "value");
            return value != null && fromInput(value, lets + 1);
        }
        return isParameter(name, id);
    }

    /** An argument that is a parameter, borrowed or converted (`&name`, `name.into()`, `name.as_str()`). */
    private boolean namesParameter(TSNode arg) {
        TSNode root = Calls.chainRoot(c, arg);
        while (root != null && (root.getType().equals("reference_expression") || root.getType().equals("unary_expression"))) {
            root = root.getNamedChild(root.getNamedChildCount() - 1);
            root = root == null ? null : Calls.chainRoot(c, root);
        }
        if (root == null || !root.getType().equals("identifier")) {
            return false;
        }
        String name = f.text(root);
        TSNode let = nearestLet(name, root);
        return let != null ? fromInput(Nodes.field(let, "value"), MAX_LETS - 1) : isParameter(name, root);
    }

    /** `spawn_blocking(..).await`: a task's join, which fails only when the task panicked or was cancelled. */
    private boolean awaitsSpawn(TSNode await) {
        TSNode inner = await.getNamedChildCount() > 0 ? await.getNamedChild(0) : null;
        CallSite call = f.call(inner);
        return call != null && call.callee() != null && SPAWNS.contains(Nodes.lastSegment(call.callee()));
    }

    /** The nearest `let name = ..` ended before the use, in a block around it, or null. */
    private TSNode nearestLet(String name, TSNode use) {
        int at = use.getStartByte();
        Let best = null;
        for (Let let : lets().getOrDefault(name, List.of())) {
            if (let.end <= at && let.blockStart <= at && at < let.blockEnd && (best == null || let.start > best.start)) {
                best = let;
            }
        }
        return best == null ? null : best.node;
    }

    /** A `let` binding one plain name, with its own and its block's range, read once per file. */
    private record Let(TSNode node, int start, int end, int blockStart, int blockEnd) {}

    private Map<String, List<Let>> lets() {
        if (lets == null) {
            lets = new HashMap<>();
            for (TSNode let : f.all("let")) {
                String name = f.letPattern(let).replaceFirst("^mut\\s+", "").strip();
                TSNode block = let.getParent();
                if (WORD.matcher(name).matches() && Nodes.present(block)) {
                    lets.computeIfAbsent(name, k -> new ArrayList<>())
                            .add(new Let(let, let.getStartByte(), let.getEndByte(), block.getStartByte(), block.getEndByte()));
                }
            }
        }
        return lets;
    }

    /** Whether a parameter list binds the name (its patterns' words before each `:`). */
    private static boolean binds(String params, String name) {
        String inner = params.strip();
        if (inner.startsWith("(") || inner.startsWith("|")) {
            inner = inner.substring(1, Math.max(1, inner.length() - 1));
        }
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= inner.length(); i++) {
            char ch = i < inner.length() ? inner.charAt(i) : ',';
            if (ch == '<' || ch == '(' || ch == '[' || ch == '{') {
                depth++;
            } else if (ch == '>' || ch == ')' || ch == ']' || ch == '}') {
                depth--;
            } else if (ch == ',' && depth <= 0) {
                String param = inner.substring(start, i);
                int colon = param.indexOf(':');
                String pattern = colon < 0 ? param : param.substring(0, colon);
                var words = WORD.matcher(pattern);
                while (words.find()) {
                    if (!NOT_NAMES.contains(words.group()) && words.group().equals(name)) {
                        return true;
                    }
                }
                start = i + 1;
            }
        }
        return false;
    }
}
