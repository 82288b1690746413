package dev.rustengineer.audit.rule;

import dev.rustengineer.audit.scope.FileContext;
import dev.rustengineer.audit.syntax.CallSite;
import dev.rustengineer.audit.syntax.Nodes;
import dev.rustengineer.audit.syntax.RustFile;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.treesitter.TSNode;

/**
 * custom-executor: a hand-built waker or executor. A `RawWakerVTable::new(..)`, an `impl Wake`/`impl ArcWake`,
 * and a hand-written `block_on`: a function that polls a future in a loop and parks the thread (or waits) between
 * polls, or a function named `block_on` that polls a future itself. A loop polls when it calls `poll`,
 * `poll_unpin` or `poll_next`, or when its function makes a task `Context` (`Context::from_waker`) and the loop
 * hands it to a closure (`f(&mut cx)`).
 */
public record CustomExecutorRule() implements Rule {
    private static final Set<String> WAKE_TRAITS = Set.of("Wake", "ArcWake");
    private static final Set<String> PARK_METHODS = Set.of("park", "park_timeout", "park_deadline");
    private static final Set<String> WAITS = Set.of("wait", "wait_timeout", "wait_while", "wait_for", "wait_until");
    private static final Pattern POLL = Pattern.compile("\\.\\s*poll\\s*\\(|\\bpoll_unpin\\s*\\(|\\bFuture::poll\\s*\\(|\\.\\s*poll_next\\s*\\(");
    private static final Set<String> LOOPS = Set.of("for_expression", "while_expression", "loop_expression");

    @Override
    public String id() {
        return "custom-executor";
    }

    @Override
    public void check(FileContext c, Report report) {
        RustFile f = c.file();
        for (CallSite call : f.calls()) {
            if (call.callee() != null && call.callee().endsWith("::new")
                    && c.imports().resolve(call.callee(), call.start()).endsWith("RawWakerVTable::new")) {
                report.at(call.node(), "`RawWakerVTable::new`: a hand-built waker vtable");
            }
        }
        for (TSNode i : f.all("impl")) {
            TSNode trait = Nodes.field(i, "trait");
            String name = trait == null ? "" : Nodes.lastSegment(f.text(trait));
            if (WAKE_TRAITS.contains(name)) {
                report.at(i, "`impl " + name + "`: a hand-built waker");
            }
        }
        Set<Integer> executors = new HashSet<>();
        for (CallSite call : f.calls()) {
            if (!parks(c, call)) {
                continue;
            }
            TSNode loop = null;
            TSNode fn = null;
            for (TSNode p = f.parent(call.node()); p != null; p = f.parent(p)) {
                if (loop == null && LOOPS.contains(Nodes.type(p))) {
                    loop = p;
                }
                if (Nodes.type(p).equals("function_item")) {
                    fn = p;
                    break;
                }
            }
            if (loop != null && fn != null && (POLL.matcher(f.text(loop)).find() || f.text(fn).contains("Context::from_waker"))
                    && executors.add(Nodes.start(fn))) {
                report.at(fn, "`fn " + f.fnName(fn) + "` polls a future in a loop and parks the thread: a hand-written executor");
            }
        }
        for (TSNode fn : f.all("fn")) {
            if (f.fnName(fn).equals("block_on") && Nodes.field(fn, "body") != null
                    && POLL.matcher(f.text(Nodes.field(fn, "body"))).find() && executors.add(Nodes.start(fn))) {
                report.at(fn, "`fn block_on` polls a future itself: a hand-written executor");
            }
        }
    }

    /** `thread::park()`, `parker.park()`, `condvar.wait(guard)`, a project's own `mutex.wait(task)`. */
    private static boolean parks(FileContext c, CallSite call) {
        String method = call.method();
        if (method != null) {
            if (PARK_METHODS.contains(method)) {
                return true;
            }
            return WAITS.contains(method);
        }
        String callee = call.callee();
        if (callee == null || !callee.contains("park")) {
            return false;
        }
        String path = c.imports().resolve(callee, call.start());
        return path.equals("std::thread::park") || path.equals("std::thread::park_timeout") || path.endsWith("thread::park");
    }
}
