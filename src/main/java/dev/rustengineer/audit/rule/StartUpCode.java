package dev.rustengineer.audit.rule;

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
 * Start-up code for blocking-in-async: the body of an async `main` (a runtime's attribute makes one), where nothing
 * else runs on the runtime yet, and the async fn of the same file that `main` is split into: `main` awaits
 * `main_wrapped().await` (or `run().await`) in its own body and nothing else in the file calls it, so it runs
 * exactly where main's own body would (a reviewer reads it as main's body moved out for its error handling).
 * Further fns it calls, in this or other files, are not start-up: they may be reached from elsewhere.
 */
final class StartUpCode {
    /** The start offsets of the async fns `main` is split into. */
    private final Set<Integer> fns;

    private StartUpCode(Set<Integer> fns) {
        this.fns = fns;
    }

    static StartUpCode of(FileContext c) {
        RustFile f = c.file();
        TSNode main = null;
        Map<String, TSNode> asyncTop = new HashMap<>();
        for (TSNode fn : f.all("fn")) {
            if (!f.topLevel(fn) || !f.modifiers(fn).contains("async")) {
                continue;
            }
            if (f.fnName(fn).equals("main")) {
                main = fn;
            } else {
                asyncTop.put(f.fnName(fn), fn);
            }
        }
        Set<Integer> out = new HashSet<>();
        if (main == null) {
            return new StartUpCode(out);
        }
        Set<String> fromMain = new HashSet<>();
        Set<String> elsewhere = new HashSet<>();
        for (CallSite call : f.calls()) {
            String name = call.method() == null ? call.callee().strip() : null;
            if (name == null || !asyncTop.containsKey(name)) {
                continue;
            }
            TSNode owner = BlockingHelpers.owner(f, call.node());
            boolean mainAwaits = owner != null && Nodes.start(owner) == Nodes.start(main) && Calls.awaited(c, call);
            (mainAwaits ? fromMain : elsewhere).add(name);
        }
        fromMain.removeAll(elsewhere);
        fromMain.forEach(n -> out.add(Nodes.start(asyncTop.get(n))));
        return new StartUpCode(out);
    }

    /** Whether an async body (from {@code AsyncContext.body}) is start-up code. */
    boolean contains(RustFile f, TSNode body) {
        return Nodes.type(body).equals("function_item") && (f.fnName(body).equals("main") || fns.contains(Nodes.start(body)));
    }
}
