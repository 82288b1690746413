package dev.rustengineer.audit.rule;

import dev.rustengineer.audit.scope.FileContext;
import dev.rustengineer.audit.syntax.CallSite;
import dev.rustengineer.audit.syntax.Nodes;
import dev.rustengineer.audit.syntax.RustFile;
import java.util.Set;
import java.util.regex.Pattern;
import org.treesitter.TSNode;

/** Questions several rules ask about a call. */
final class Calls {
    private static final Set<String> LOOPS = Set.of("for_expression", "while_expression", "loop_expression");
    private static final Set<String> STEPS = Set.of("try_expression", "await_expression", "parenthesized_expression");
    /** What takes the next item: of an iterator or a stream, or of a work queue (`while let Some(id) = todo.pop_front()`). */
    private static final Set<String> NEXT = Set.of("next", "try_next", "next_back", "pop", "pop_front", "pop_back", "pop_first", "pop_last");
    private static final Set<String> SPAWNS = Set.of("spawn", "spawn_local", "spawn_on", "spawn_with_handle");
    private static final Pattern CONSTANT = Pattern.compile("[A-Z][A-Z0-9_]+");

    private Calls() {}

    /** The method's name when the node is a method call `x.m(..)`, else null. */
    static String method(FileContext c, TSNode node) {
        CallSite call = c.file().call(node);
        return call == null ? null : call.method();
    }

    /**
     * The call's own value is awaited (`sleep(d).await`, `cmd.output().await?`): it returns a future, it does not
     * block. Read through the file's remembered parents: several rules ask it of the same call.
     */
    static boolean awaited(FileContext c, CallSite call) {
        TSNode p = c.syntaxParent(call.node());
        while (p != null && Nodes.type(p).equals("parenthesized_expression")) {
            p = c.syntaxParent(p);
        }
        return p != null && Nodes.type(p).equals("await_expression");
    }

    /**
     * A call shaped like diesel's `RunQueryDsl` (`load`, `execute`, `first`, ...: audit/knowledge.yaml
     * `diesel_run_methods`) given one argument, the connection, and not an atomic's `load(Ordering::..)`. Whether
     * the trait is in scope is each rule's question (query-in-loop takes diesel-async's too, blocking-in-async not).
     */
    static boolean dieselRunShape(FileContext c, CallSite call) {
        return call.method() != null && c.knowledge().dieselRunMethods().contains(call.method()) && call.argumentCount() == 1
                && !c.text(call.arguments().getFirst()).contains("Ordering");
    }

    /** The innermost receiver of a method chain: `a.b().c()` gives `a`, `f(x).g()` gives `f(x)`. */
    static TSNode chainRoot(FileContext c, TSNode expr) {
        TSNode n = expr;
        for (int guard = 0; guard < 64; guard++) {
            TSNode inner = switch (Nodes.type(n)) {
                case "call_expression" -> {
                    CallSite call = c.file().call(n);
                    yield call == null ? null : call.receiver();
                }
                case "field_expression" -> Nodes.field(n, "value");
                case "try_expression", "await_expression", "parenthesized_expression" -> Nodes.namedChildCount(n) > 0 ? Nodes.namedChild(n, 0) : null;
                default -> null;
            };
            if (inner == null) {
                return n;
            }
            n = inner;
        }
        return n;
    }

    /**
     * The loop the node runs once per item of, in its own function, or null: the loop whose body holds it, when it walks
     * items, with no fn item, async block (a task spawned or joined per item runs concurrently) or non-inline closure
     * in between. Items are walked by a `for` (not over an array literal or a constant: `for ddl in DDL` is a fixed
     * script) and by `while let .. = it.next()` / `try_next()` (an iterator or a stream) or `.pop()` / `pop_front()` (a
     * work queue: a graph walked one node at a time, `while let Some(id) = todo.pop_front()`). A bare `loop` or a
     * `while` on a condition polls, waits, retries or pages: one round per tick or per page, not per item.
     */
    static TSNode itemLoop(FileContext c, TSNode n) {
        RustFile f = c.file();
        if (!f.inSomeLoopBody(Nodes.start(n))) {
            return null;
        }
        TSNode child = n;
        for (TSNode p = f.parent(n); p != null; child = p, p = f.parent(p)) {
            String type = Nodes.type(p);
            if (LOOPS.contains(type)) {
                TSNode body = Nodes.field(p, "body");
                if (body != null && Nodes.start(child) >= Nodes.start(body) && Nodes.end(child) <= Nodes.end(body)) {
                    return walksItems(c, p) ? p : null;
                }
            }
            switch (type) {
                case "function_item", "async_block", "const_item", "static_item", "impl_item", "trait_item", "mod_item":
                    return null;
                case "arguments":
                    if (spawns(c, Nodes.parent(p))) {
                        return null; // `task::spawn(keep_alive(id, pool))`: the future runs as its own task
                    }
                    break;
                case "closure_expression":
                    if (!c.async().isInlineClosure(p)) {
                        return null;
                    }
                    break;
                default:
                    break;
            }
        }
        return null;
    }

    private static boolean spawns(FileContext c, TSNode callNode) {
        CallSite call = c.file().call(callNode);
        if (call == null) {
            return false;
        }
        String name = call.method() != null ? call.method() : Nodes.lastSegment(call.callee());
        return SPAWNS.contains(name);
    }

    private static boolean walksItems(FileContext c, TSNode loop) {
        return switch (Nodes.type(loop)) {
            case "for_expression" -> !overLiteralList(c, loop);
            case "while_expression" -> nextItem(c, Nodes.field(loop, "condition"));
            default -> false;
        };
    }

    /** `let Some(x) = it.next()`, `let Some(row) = rows.try_next().await?`, `let Some(id) = todo.pop()`: the condition takes the next item. */
    private static boolean nextItem(FileContext c, TSNode condition) {
        if (condition == null || !Nodes.type(condition).equals("let_condition")) {
            return false;
        }
        TSNode value = Nodes.field(condition, "value");
        while (value != null && STEPS.contains(Nodes.type(value))) {
            value = Nodes.namedChildCount(value) > 0 ? Nodes.namedChild(value, 0) : null;
        }
        CallSite call = value == null ? null : c.file().call(value);
        return call != null && call.method() != null && NEXT.contains(call.method());
    }

    private static boolean overLiteralList(FileContext c, TSNode loop) {
        TSNode value = Nodes.field(loop, "value");
        while (value != null && (Nodes.type(value).equals("reference_expression") || Nodes.type(value).equals("call_expression"))) {
            if (Nodes.type(value).equals("reference_expression")) {
                value = Nodes.field(value, "value");
            } else {
                CallSite call = c.file().call(value);
                value = call == null ? null : call.receiver();
            }
        }
        return value != null && (Nodes.type(value).equals("array_expression")
                || Nodes.type(value).equals("identifier") && CONSTANT.matcher(c.text(value)).matches());
    }
}
