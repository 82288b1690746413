package dev.rustengineer.audit.rule;

import dev.rustengineer.audit.scope.AuditKnowledge;
import dev.rustengineer.audit.scope.CodeKind;
import dev.rustengineer.audit.scope.FileContext;
import dev.rustengineer.audit.syntax.CallSite;
import dev.rustengineer.audit.syntax.Nodes;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.treesitter.TSNode;

/**
 * blocking-in-async: a blocking call on an async task ({@code AsyncContext}), whose value is not awaited (an
 * awaited call returns a future: tokio's `sleep(d).await` is fine). Blocking calls are:
 * <ul>
 *   <li>the functions in audit/knowledge.yaml `blocking_functions` (std::fs, std::thread::sleep, std::net
 *       connects, block_on, ...), resolved through the `use` declarations in scope, and `reqwest::blocking`;</li>
 *   <li>methods that only exist as blocking calls (`to_socket_addrs`, tokio's `blocking_*`, `block_on`,
 *       `recv_timeout`);</li>
 *   <li>`.join()` with no argument (a thread's `JoinHandle`; a slice's `join` takes a separator);</li>
 *   <li>file-system queries on a `Path`/`PathBuf`/`File` (`metadata`, `canonicalize`, `read_dir`, ...; the ones
 *       only a path has also when the receiver's type is unknown), also called through a type
 *       (`Path::canonicalize(p)`);</li>
 *   <li>by receiver type: `.recv()` on a std or crossbeam channel receiver, `.output()`/`.status()`/`.wait()` on a
 *       std `Command`/`Child`, `.open(..)` on std `OpenOptions`, `.create(..)` on a `DirBuilder`, and the `Read`/
 *       `Write` calls that move a whole file (`read_to_end`, `read_to_string`, `write_all`, `sync_all`) on a std
 *       `File`;</li>
 *   <li>a call of this file's own blocking helper ({@link BlockingHelpers}): a non-async fn that makes one of the
 *       calls above in its own body.</li>
 * </ul>
 * Not reported, by the product's policy (docs/audit.md): a lone existence or kind probe (`exists()`,
 * `is_file()`), a short std or parking_lot lock (tokio's own advice for state shared with sync code; holding one
 * across an `.await` is lock-across-await's), and start-up work in an async `main` before anything else runs on
 * the runtime.
 */
public record BlockingInAsyncRule() implements Rule {
    private static final Pattern UPPER = Pattern.compile("[A-Z]\\w*");
    private static final Set<String> PROCESS = Set.of("output", "status", "wait", "wait_with_output");
    private static final Set<String> FS_TYPES = Set.of("std::path::Path", "std::path::PathBuf", "std::fs::File", "std::fs::DirEntry");
    /** Whole-file moves on a std `File`: one call, many blocking reads or writes. */
    private static final Set<String> FILE_IO = Set.of("read_to_end", "read_to_string", "write_all", "sync_all", "sync_data");
    private static final Set<String> TYPED = Set.of("recv", "output", "status", "wait", "wait_with_output", "open", "create");

    @Override
    public String id() {
        return "blocking-in-async";
    }

    @Override
    public void check(FileContext c, Report report) {
        Map<CallSite, String> direct = new HashMap<>();
        for (CallSite call : c.file().calls()) {
            String what = blocking(c, call);
            if (what != null) {
                direct.put(call, what);
            }
        }
        BlockingHelpers helpers = BlockingHelpers.of(c, direct);
        helpers.exported().forEach((name, on) -> c.crossFile().helper(name, on));
        boolean usesCrate = c.src().text().contains("crate::");
        for (CallSite call : c.file().calls()) {
            String what = direct.get(call);
            if (what == null) {
                String helper = helpers.called(c, call);
                what = helper == null ? null : "`" + helper + "()` (this file's fn that calls " + helpers.blocksOn(helper) + ")";
                if (what == null && usesCrate) {
                    crateCall(c, call);
                }
            }
            if (what == null || Calls.awaited(call)) {
                continue;
            }
            TSNode body = c.async().body(call.node());
            if (body != null && !startUp(c, body)) {
                report.at(call.name(), what + " blocks the executor thread in async code; use the async API or spawn_blocking");
            }
        }
    }

    /**
     * The body of an async `main` (only a runtime's attribute makes one): what it does before it serves is start-up,
     * with no other task on the runtime to stall. Tasks it spawns are async blocks of their own and still checked.
     */
    private static boolean startUp(FileContext c, TSNode body) {
        return body.getType().equals("function_item") && c.file().fnName(body).equals("main");
    }

    /** A call from async code of a `crate::` path: maybe another file's helper, matched once the crate was read. */
    private static void crateCall(FileContext c, CallSite call) {
        String callee = call.callee();
        if (callee == null || !callee.startsWith("crate::") && callee.contains("::")) {
            return;
        }
        String path = c.imports().resolve(callee, call.start());
        if (path.startsWith("crate::") && !Calls.awaited(call) && c.async().isAsync(call.node())
                && c.testCode().kindAt(call.start()) == CodeKind.PRODUCTION) {
            c.crossFile().call(path, call.name().getStartByte());
        }
    }

    /** What blocks, for the message, or null. */
    private static String blocking(FileContext c, CallSite call) {
        AuditKnowledge k = c.knowledge();
        String method = call.method();
        if (method == null) {
            String callee = call.callee();
            String path = c.imports().resolve(callee, call.start());
            if (k.isBlockingFunction(path)) {
                return "`" + path + "`";
            }
            if (!callee.contains("::")) {
                for (String p : c.imports().throughGlobs(callee.strip(), call.start())) {
                    if (k.isBlockingFunction(p)) {
                        return "`" + p + "`";
                    }
                }
                return null;
            }
            // `Path::canonicalize(p)`, `AbsPathBuf::canonicalize(p)`: a path method called through its type.
            String type = callee.substring(0, callee.lastIndexOf("::"));
            String name = Nodes.lastSegment(callee);
            return k.blockingPathMethodsUntyped().contains(name) && call.argumentCount() == 1 && UPPER.matcher(Nodes.lastSegment(type)).matches()
                    ? "`" + Nodes.lastSegment(type) + "::" + name + "` (a file-system call)" : null;
        }
        if (k.blockingMethods().contains(method)) {
            return "`." + method + "()`";
        }
        if (method.equals("join")) {
            return call.argumentCount() == 0 ? "`.join()` on a thread" : null;
        }
        if (k.blockingPathMethods().contains(method) && call.argumentCount() == 0) {
            String type = c.types().typeOf(call.receiver());
            boolean fs = type == null ? k.blockingPathMethodsUntyped().contains(method) : FS_TYPES.contains(type);
            return fs ? "`." + method + "()` (a file-system call)" : null;
        }
        if (FILE_IO.contains(method)) {
            return "std::fs::File".equals(c.types().typeOf(call.receiver())) ? "`File::" + method + "` (std, blocking)" : null;
        }
        if (!TYPED.contains(method)) {
            return null;
        }
        int args = call.argumentCount();
        boolean arity = method.equals("open") || method.equals("create") ? args == 1 : args == 0;
        if (!arity) {
            return null;
        }
        String type = c.types().typeOf(call.receiver());
        if (type == null) {
            return null;
        }
        if (method.equals("recv")) {
            return type.equals("std::sync::mpsc::Receiver") || type.startsWith("crossbeam") && type.endsWith("Receiver")
                    ? "`.recv()` on a blocking channel" : null;
        }
        if (method.equals("open")) {
            return type.equals("std::fs::OpenOptions") ? "`std::fs::OpenOptions::open`" : null;
        }
        if (method.equals("create")) {
            return type.equals("std::fs::DirBuilder") ? "`std::fs::DirBuilder::create`" : null;
        }
        return PROCESS.contains(method) && (type.equals("std::process::Command") || type.equals("std::process::Child"))
                ? "`" + Nodes.lastSegment(type) + "::" + method + "`" : null;
    }
}
