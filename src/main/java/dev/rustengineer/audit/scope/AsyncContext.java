package dev.rustengineer.audit.scope;

import dev.rustengineer.audit.syntax.CallSite;
import dev.rustengineer.audit.syntax.Nodes;
import dev.rustengineer.audit.syntax.RustFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.treesitter.TSNode;

/**
 * Whether code runs on an async task. Async context is the body of an `async fn`, an `async` block or an async
 * closure, and of a `poll*` function that takes a task `Context` (it runs inside the executor's poll). It stops at
 * any fn item and at any non-async closure, except a closure that a combinator such as `map` or `for_each` calls
 * on the spot (audit/knowledge.yaml `inline_closure_methods`): a closure given to `std::thread::spawn`,
 * `spawn_blocking`, `block_in_place` or a project's own wrapper (tokio's `asyncify`) runs elsewhere. The body of
 * an async-stream macro (`stream! { .. }`, parsed again by {@link RustFile}) is async context too.
 */
public final class AsyncContext {
    private static final Pattern TASK_CONTEXT = Pattern.compile("\\bContext\\s*<|&\\s*mut\\s+(?:(?:std|core)::task::|task::)?Context\\b");

    private final RustFile f;
    private final AuditKnowledge k;
    private List<int[]> candidates;
    /** Per `let`-bound closure (by start byte): whether it is called by name on the task; asked once per call inside it. */
    private final Map<Integer, Boolean> calledByName = new HashMap<>();

    public AsyncContext(RustFile f, AuditKnowledge k) {
        this.f = f;
        this.k = k;
    }

    public boolean isAsync(TSNode n) {
        return body(n) != null;
    }

    /**
     * The byte ranges that can hold async context (async fns, poll fns, async blocks and closures), so most
     * nodes are answered without a walk up the tree.
     */
    private List<int[]> candidates() {
        if (candidates == null) {
            List<int[]> out = new ArrayList<>();
            for (TSNode fn : f.all("fn")) {
                if (f.modifiers(fn).contains("async") || f.fnName(fn).startsWith("poll")) {
                    out.add(new int[] {Nodes.start(fn), Nodes.end(fn)});
                }
            }
            for (TSNode b : f.all("async_block")) {
                out.add(new int[] {Nodes.start(b), Nodes.end(b)});
            }
            for (RustFile.MacroRegion r : f.macroRegions()) {
                if (asyncMacro(r.host())) {
                    out.add(new int[] {r.start(), r.end()});
                }
            }
            for (TSNode cl : f.all("closure")) {
                int start = Nodes.start(cl);
                int end = Nodes.end(cl);
                String head = f.src().slice(start, Math.min(end, start + 16));
                if (head.startsWith("async") || head.matches("(?s)^(static|move)\\s+async.*")) {
                    out.add(new int[] {start, end});
                }
            }
            candidates = out;
        }
        return candidates;
    }

    private boolean mayBeAsync(int at) {
        for (int[] r : candidates()) {
            if (at >= r[0] && at < r[1]) {
                return true;
            }
        }
        return false;
    }

    /** The async fn, async block, async closure or poll fn whose body n runs in, or null when n is not async context. */
    public TSNode body(TSNode n) {
        if (!mayBeAsync(Nodes.start(n))) {
            return null;
        }
        for (TSNode p = f.parent(n); p != null; p = f.parent(p)) {
            switch (Nodes.type(p)) {
                case "async_block":
                    return p;
                case "function_item":
                    return f.modifiers(p).contains("async") || pollsTask(p) ? p : null;
                case "closure_expression":
                    if (isAsyncClosure(p)) {
                        return p;
                    }
                    if (!isInlineClosure(p)) {
                        return null;
                    }
                    break;
                case "macro_invocation":
                    if (asyncMacro(p)) {
                        return p; // reached from inside its body, parsed again (a stream! block)
                    }
                    break;
                case "const_item", "static_item", "const_block", "impl_item", "trait_item", "mod_item", "source_file":
                    return null;
                default:
                    break;
            }
        }
        return null;
    }

    private boolean calledByName(TSNode let, TSNode closure) {
        Boolean known = calledByName.get(Nodes.start(closure));
        if (known == null) {
            known = findCallByName(let, closure);
            calledByName.put(Nodes.start(closure), known);
        }
        return known;
    }

    private boolean findCallByName(TSNode let, TSNode closure) {
        String name = f.letPattern(let).replaceFirst("^mut\\s+", "");
        TSNode block = Nodes.parent(let);
        if (!name.matches("[A-Za-z_]\\w*") || !Nodes.present(block)) {
            return false;
        }
        int from = Nodes.end(closure);
        int to = Nodes.end(block);
        // called where it runs on the task itself, not from a thread or spawn_blocking closure
        return f.calls().stream().anyMatch(call -> call.start() >= from && call.start() < to && name.equals(call.callee())
                && body(call.node()) != null);
    }

    private boolean asyncMacro(TSNode macro) {
        return k.asyncMacros().contains(Nodes.lastSegment(f.text(Nodes.childByField(macro, "macro"))));
    }

    private boolean pollsTask(TSNode fn) {
        return f.fnName(fn).startsWith("poll") && TASK_CONTEXT.matcher(f.text(Nodes.field(fn, "parameters"))).find();
    }

    private static boolean isAsyncClosure(TSNode closure) {
        for (int i = 0; i < closure.getChildCount(); i++) {
            TSNode c = closure.getChild(i);
            if (c.isNamed()) {
                return false;
            }
            if (Nodes.type(c).equals("async")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A closure run on the calling task: passed to a method that calls it there (`iter.map(|x| ..)`,
     * `opt.unwrap_or_else(..)`), or bound to a name by `let` and called by that name later in the same block
     * (`let add = |p| ..; add(p)?`), as handlers do to share a step between branches.
     */
    public boolean isInlineClosure(TSNode closure) {
        TSNode args = Nodes.parent(closure);
        if (Nodes.present(args) && Nodes.type(args).equals("let_declaration")) {
            return calledByName(args, closure);
        }
        if (!Nodes.present(args) || !Nodes.type(args).equals("arguments")) {
            return false;
        }
        CallSite call = f.call(Nodes.parent(args));
        return call != null && call.method() != null && k.inlineClosureMethods().contains(call.method());
    }
}
