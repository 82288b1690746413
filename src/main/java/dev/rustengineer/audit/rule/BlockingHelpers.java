package dev.rustengineer.audit.rule;

import dev.rustengineer.audit.scope.CodeKind;
import dev.rustengineer.audit.scope.FileContext;
import dev.rustengineer.audit.syntax.CallSite;
import dev.rustengineer.audit.syntax.Nodes;
import dev.rustengineer.audit.syntax.RustFile;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * A file's own blocking helpers: its non-async fns that make a blocking call in their own body (not in a closure,
 * nested fn or async block they create), and, three levels deep, the fns that call such a helper. A call of one
 * from async code blocks like the call inside it: `fn same_file(a, b) { canonicalize(a) == .. }` called in an
 * async fn stalls the executor as much as `canonicalize` itself. Calls are matched by name, in this file only: a
 * bare `helper(..)`, `Self::helper(..)` or `self.helper(..)`; a name that also names an async fn of the file is
 * left alone.
 */
final class BlockingHelpers {
    private static final int DEPTH = 3;

    /** Helper name -> what it calls that blocks, for the message. */
    private final Map<String, String> helpers = new HashMap<>();
    /** The helpers that take `self`: only `self.name(..)` calls them (a bare `drop(x)` is std's, not `Drop::drop`). */
    private final Set<String> methods = new HashSet<>();
    /** The helpers that are free fns at the top of the file's module: other files can call them by path. */
    private final Set<String> topLevel = new HashSet<>();

    private BlockingHelpers() {}

    /** @param direct what each call that blocks by itself blocks on (the rule's own test) */
    static BlockingHelpers of(FileContext c, Map<CallSite, String> direct) {
        BlockingHelpers h = new BlockingHelpers();
        if (direct.isEmpty()) {
            return h; // most files: nothing blocks, so no fn of theirs is a helper
        }
        RustFile f = c.file();
        Set<String> asyncNames = new HashSet<>();
        Map<Integer, TSNode> syncFns = new HashMap<>();
        for (TSNode fn : f.all("fn")) {
            if (f.modifiers(fn).contains("async")) {
                asyncNames.add(f.fnName(fn));
            } else if (c.testCode().kindAt(Nodes.start(fn)) != CodeKind.TEST) {
                syncFns.put(Nodes.start(fn), fn);
            }
        }
        if (syncFns.isEmpty()) {
            return h;
        }
        for (int round = 0; round < DEPTH; round++) {
            boolean grew = false;
            for (CallSite call : f.calls()) {
                String what = Calls.awaited(c, call) ? null : direct.get(call);
                if (what == null && round > 0) {
                    String called = h.called(c, call);
                    what = called == null ? null : "`" + called + "()`";
                }
                if (what == null) {
                    continue;
                }
                TSNode owner = owner(f, call.node());
                if (owner != null && syncFns.containsKey(Nodes.start(owner))) {
                    String name = f.fnName(owner);
                    if (!asyncNames.contains(name) && !h.helpers.containsKey(name)) {
                        h.helpers.put(name, what);
                        TSNode params = Nodes.field(owner, "parameters");
                        if (params != null && Nodes.namedChildCount(params) > 0 && Nodes.type(Nodes.namedChild(params, 0)).equals("self_parameter")) {
                            h.methods.add(name);
                        } else if (f.topLevel(owner)) {
                            h.topLevel.add(name);
                        }
                        grew = true;
                    }
                }
            }
            if (!grew) {
                break;
            }
        }
        return h;
    }

    /** The name of this file's blocking helper that the call calls, or null. */
    String called(FileContext c, CallSite call) {
        if (helpers.isEmpty()) {
            return null;
        }
        String name;
        if (call.method() != null) {
            if (!methods.contains(call.method())) {
                return null; // asked before the receiver, which costs a walk of the native tree
            }
            TSNode receiver = call.receiver();
            name = receiver != null && c.text(receiver).equals("self") ? call.method() : null;
        } else {
            String callee = call.callee().strip();
            name = callee.matches("[A-Za-z_]\\w*") ? callee : callee.startsWith("Self::") ? Nodes.lastSegment(callee) : null;
            name = methods.contains(name) ? null : name;
        }
        return name != null && helpers.containsKey(name) ? name : null;
    }

    /** The helpers other files of the crate can call by path, with what each blocks on. */
    Map<String, String> exported() {
        Map<String, String> out = new HashMap<>();
        topLevel.forEach(n -> out.put(n, helpers.get(n)));
        return out;
    }

    /** Whether the name is one of this file's blocking helpers. */
    boolean has(String name) {
        return helpers.containsKey(name);
    }

    /** What the helper blocks on. */
    String blocksOn(String name) {
        return helpers.get(name);
    }

    /** The fn item whose own body the node is in, or null when a closure, async block or none comes first. */
    static TSNode owner(RustFile f, TSNode n) {
        for (TSNode p = f.parent(n); p != null; p = f.parent(p)) {
            switch (Nodes.type(p)) {
                case "function_item":
                    return p;
                case "closure_expression", "async_block", "const_item", "static_item":
                    return null;
                default:
                    break;
            }
        }
        return null;
    }
}
