package dev.rustengineer.audit.rule;

import dev.rustengineer.audit.scope.AuditKnowledge;
import dev.rustengineer.audit.scope.CodeKind;
import dev.rustengineer.audit.scope.FileContext;
import dev.rustengineer.audit.syntax.CallSite;
import dev.rustengineer.audit.syntax.Nodes;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
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
 *   <li>file-system queries on a `Path`/`PathBuf`/`File` (`exists`, `is_file`, `metadata`, `canonicalize`, ...;
 *       the ones only a path has, such as `exists()`, also when the receiver's type is unknown, and `is_file()`/
 *       `is_dir()` then too unless the receiver holds metadata already read), also called through a type
 *       (`Path::canonicalize(p)`);</li>
 *   <li>by receiver type: `.recv()` on a std or crossbeam channel receiver, `.output()`/`.status()`/`.wait()` on a
 *       std `Command`/`Child`, `.open(..)` on std `OpenOptions`, `.create(..)` on a `DirBuilder`, and `.lock()`,
 *       `.read()`, `.write()` on a synchronous lock (std or parking_lot Mutex/RwLock) in an async fn or block (not
 *       in a poll fn, which cannot await an async lock);</li>
 *   <li>a call of this file's own blocking helper ({@link BlockingHelpers}): a non-async fn that makes one of the
 *       calls above (not a lock) in its own body.</li>
 * </ul>
 */
public record BlockingInAsyncRule() implements Rule {
    /** Asked of a path they stat the file system; asked of `Metadata` or `FileType` they read what was read. */
    private static final Set<String> FILE_KIND = Set.of("is_file", "is_dir", "is_symlink");
    private static final Set<String> METADATA = Set.of("metadata", "symlink_metadata", "file_type");
    private static final Pattern UPPER = Pattern.compile("[A-Z]\\w*");
    private static final Set<String> PROCESS = Set.of("output", "status", "wait", "wait_with_output");
    private static final Set<String> LOCKS = Set.of("lock", "read", "write");
    private static final Set<String> FS_TYPES = Set.of("std::path::Path", "std::path::PathBuf", "std::fs::File", "std::fs::DirEntry");
    private static final Set<String> TYPED = Set.of("recv", "output", "status", "wait", "wait_with_output", "open", "create", "lock",
            "read", "write");

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
        // A short std lock in a helper is how sync code shares state; only I/O, sleeps and joins make one blocking.
        Function<CallSite, String> seeds = k -> k.method() != null && LOCKS.contains(k.method()) ? null : direct.get(k);
        BlockingHelpers helpers = BlockingHelpers.of(c, seeds, direct.keySet().stream().anyMatch(k -> seeds.apply(k) != null));
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
            // A poll fn cannot await an async lock: a short std lock there is the way to write it, not advice to give.
            boolean pollFnLock = body != null && body.getType().equals("function_item") && call.method() != null && LOCKS.contains(call.method())
                    && !c.file().modifiers(body).contains("async");
            if (body != null && !pollFnLock) {
                report.at(call.name(), what + " blocks the executor thread in async code; use the async API or spawn_blocking");
            }
        }
    }

    /**
     * The receiver of an untyped `is_file()`/`is_dir()` holds metadata already read (`fs::metadata(p)?`,
     * `entry.file_type()?`, `tokio::fs::metadata(p).await?`, or a variable bound to one): asking it does not block.
     */
    private static boolean fromMetadata(FileContext c, TSNode receiver, int depth) {
        TSNode n = receiver;
        for (int guard = 0; n != null && guard < 16; guard++) {
            switch (n.getType()) {
                case "try_expression", "parenthesized_expression", "reference_expression", "unary_expression" ->
                        n = n.getNamedChildCount() > 0 ? n.getNamedChild(n.getNamedChildCount() - 1) : null;
                case "await_expression" -> {
                    return true;
                }
                case "call_expression" -> {
                    CallSite call = c.file().call(n);
                    String name = call == null ? null : call.method() != null ? call.method() : Nodes.lastSegment(call.callee());
                    if (name == null || METADATA.contains(name)) {
                        return name != null;
                    }
                    if (call.method() == null) {
                        return false;
                    }
                    n = call.receiver();
                }
                case "identifier" -> {
                    TSNode value = depth < 2 ? c.types().boundValue(n) : null;
                    return value != null && fromMetadata(c, value, depth + 1);
                }
                default -> {
                    return false;
                }
            }
        }
        return false;
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
            boolean fs = type == null
                    ? k.blockingPathMethodsUntyped().contains(method) || FILE_KIND.contains(method) && !fromMetadata(c, call.receiver(), 0)
                    : FS_TYPES.contains(type);
            return fs ? "`." + method + "()` (a file-system call)" : null;
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
        if (LOCKS.contains(method)) {
            return k.syncLocks().contains(type) ? "`." + method + "()` on a `" + type + "`" : null;
        }
        return PROCESS.contains(method) && (type.equals("std::process::Command") || type.equals("std::process::Child"))
                ? "`" + Nodes.lastSegment(type) + "::" + method + "`" : null;
    }
}
