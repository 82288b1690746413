package dev.rustengineer.audit.rule;

import dev.rustengineer.audit.scope.CodeKind;
import dev.rustengineer.audit.scope.FileContext;
import dev.rustengineer.audit.syntax.CallSite;
import dev.rustengineer.audit.syntax.Nodes;
import dev.rustengineer.audit.syntax.RustFile;
import java.util.HashSet;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * A file's own query functions, read from their bodies: a fn (async or not) that runs a query itself, and, three
 * levels deep, a fn that calls such a fn. Calling one is a round trip to the database however it is spelled:
 * `get_pdu(&id)` that checks out a connection and runs diesel inside, `write_event(&tx, e)` that runs the INSERTs.
 * A bare `name(..)` or `Self::name(..)` calls a free fn, `self.name(..)` a method; and a method the file defines
 * is read by its body rather than by its receiver's name (`event_store.process_timed(..)`, a store of callbacks).
 */
final class QueryHelpers {
    private static final int DEPTH = 3;

    /** Every method (a fn with `self`) the file defines, by name. */
    private final Set<String> definedMethods = new HashSet<>();
    /** The fns whose body runs a query. */
    private final Set<String> methods = new HashSet<>();
    private final Set<String> fns = new HashSet<>();
    /** The query fns at the top of the file's module: other files can call them by path. */
    private final Set<String> topLevel = new HashSet<>();

    private QueryHelpers() {}

    /** The methods the file defines; which of its fns run a query is read next ({@link #read}). */
    static QueryHelpers defined(FileContext c) {
        QueryHelpers h = new QueryHelpers();
        for (TSNode fn : c.file().all("fn")) {
            if (takesSelf(fn)) {
                h.definedMethods.add(c.file().fnName(fn));
            }
        }
        return h;
    }

    /** The file defines a method of this name: a call of it is read by that method's body, not by its receiver's name. */
    boolean defines(String method) {
        return definedMethods.contains(method);
    }

    /** @param direct the spans ({@link QueryInLoopRule#span}) of the calls that run a query by themselves */
    QueryHelpers read(FileContext c, Set<Long> direct) {
        QueryHelpers h = this;
        RustFile f = c.file();
        if (direct.isEmpty()) {
            return h;
        }
        for (int round = 0; round < DEPTH; round++) {
            boolean grew = false;
            for (CallSite call : f.calls()) {
                if (!direct.contains(QueryInLoopRule.span(call)) && (round == 0 || h.called(c, call) == null)) {
                    continue;
                }
                TSNode owner = c.enclosing(call.node(), "function_item");
                if (owner == null || c.testCode().kindAt(Nodes.start(owner)) == CodeKind.TEST) {
                    continue;
                }
                String name = f.fnName(owner);
                boolean method = takesSelf(owner);
                if ((method ? h.methods : h.fns).add(name)) {
                    grew = true;
                    if (!method && f.topLevel(owner)) {
                        h.topLevel.add(name);
                    }
                }
            }
            if (!grew) {
                break;
            }
        }
        return h;
    }

    /** The name of this file's query fn that the call calls (`helper(..)`, `Self::helper(..)`, `self.helper(..)`), or null. */
    String called(FileContext c, CallSite call) {
        if (methods.isEmpty() && fns.isEmpty()) {
            return null;
        }
        if (call.method() != null) {
            if (!methods.contains(call.method())) {
                return null;
            }
            TSNode receiver = call.receiver();
            return receiver != null && c.text(receiver).equals("self") ? call.method() : null;
        }
        String callee = call.callee().strip();
        String name = callee.matches("[A-Za-z_]\\w*") ? callee : callee.startsWith("Self::") ? Nodes.lastSegment(callee) : null;
        return name != null && (fns.contains(name) || methods.contains(name) && callee.startsWith("Self::")) ? name : null;
    }

    /** The file's method of this name runs a query. */
    boolean queryMethod(String method) {
        return methods.contains(method);
    }

    /** The query fns other files of the crate can call by path (`crate::room::timeline::get_pdu`). */
    Set<String> exported() {
        return topLevel;
    }

    private static boolean takesSelf(TSNode fn) {
        TSNode params = Nodes.field(fn, "parameters");
        return params != null && Nodes.namedChildCount(params) > 0 && Nodes.type(Nodes.namedChild(params, 0)).equals("self_parameter");
    }
}
