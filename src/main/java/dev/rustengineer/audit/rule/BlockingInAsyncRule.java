package dev.rustengineer.audit.rule;

import dev.rustengineer.audit.scope.AuditKnowledge;
import dev.rustengineer.audit.scope.CodeKind;
import dev.rustengineer.audit.scope.FileContext;
import dev.rustengineer.audit.syntax.CallSite;
import dev.rustengineer.audit.syntax.Nodes;
import java.util.HashMap;
import java.util.Locale;
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
 *   <li>file-system queries on a `Path`/`PathBuf`/`File` (`metadata`, `read_dir`, `read_link`, ...; the ones
 *       only a path has also when the receiver's type is unknown), also called through a type
 *       (`Path::read_link(p)`);</li>
 *   <li>by receiver type: `.recv()` on a std or crossbeam channel receiver, `.output()`/`.status()`/`.wait()` on a
 *       std `Command`/`Child`, `.open(..)` on std `OpenOptions`, `.create(..)` on a `DirBuilder`, and the `Read`/
 *       `Write` calls that move a whole file (`read_to_end`, `read_to_string`, `write_all`, `sync_all`) on a std
 *       `File`, or, with the type unknown, on a value named a file (`zip_file`); a `walkdir` directory walk;</li>
 *   <li>synchronous database calls: `get()` on an r2d2 pool, rusqlite's `execute`/`query_row`/`prepare`/... on
 *       its `Connection`/`Transaction`/`Statement`, diesel's `RunQueryDsl` methods (`load`, `execute`,
 *       `first`, ...) when diesel's, not diesel-async's, is in scope, and a fallible call of a `db`/`database`
 *       handle the file never awaits ({@link SyncDatabaseHandles});</li>
 *   <li>a call of this file's own blocking helper ({@link BlockingHelpers}): a non-async fn that makes one of the
 *       calls above in its own body.</li>
 * </ul>
 * Not reported, by the product's policy (docs/audit.md): a lone existence or kind probe (`exists()`,
 * `is_file()`), a short std or parking_lot lock (tokio's own advice for state shared with sync code; holding one
 * across an `.await` is lock-across-await's), and start-up work in an async `main` before anything else runs on
 * the runtime, or in the async fn of its file that main is split into ({@link StartUpCode}), and code of a
 * command-line front end's own modules (a one-shot command runs alone on its runtime).
 */
public record BlockingInAsyncRule() implements Rule {
    private static final Pattern UPPER = Pattern.compile("[A-Z]\\w*");
    private static final Set<String> PROCESS = Set.of("output", "status", "wait", "wait_with_output");
    private static final Set<String> FS_TYPES = Set.of("std::path::Path", "std::path::PathBuf", "std::fs::File", "std::fs::DirEntry");
    /** Whole-file moves on a std `File`: one call, many blocking reads or writes. */
    private static final Set<String> FILE_IO = Set.of("read_to_end", "read_to_string", "write_all", "sync_all", "sync_data");
    /** rusqlite's calls that run SQL on the calling thread, on its `Connection`, `Transaction` or `Statement`. */
    private static final Set<String> RUSQLITE_CALLS = Set.of("execute", "execute_batch", "query_row", "query_map", "query",
            "prepare", "prepare_cached", "transaction", "pragma_update", "backup");
    private static final Pattern FILE_NAME = Pattern.compile("(?i)(?:^|_)file$");
    private static final Set<String> COMMAND_MODULES = Set.of("cli", "cmd", "commands", "console");
    private static final Set<String> TYPED = Set.of("recv", "output", "status", "wait", "wait_with_output", "open", "create");

    @Override
    public String id() {
        return "blocking-in-async";
    }

    @Override
    public void check(FileContext c, Report report) {
        Map<CallSite, String> direct = new HashMap<>();
        SyncDatabaseHandles handles = c.src().text().contains("db") || c.src().text().contains("database") ? SyncDatabaseHandles.of(c) : null;
        for (CallSite call : c.file().calls()) {
            String what = blocking(c, call);
            if (what == null && handles != null && handles.syncCall(c, call)) {
                what = "`." + call.method() + "()` on a database handle never awaited in this file (synchronous)";
            }
            if (what != null) {
                direct.put(call, what);
            }
        }
        BlockingHelpers helpers = BlockingHelpers.of(c, direct);
        helpers.exported().forEach((name, on) -> c.crossFile().helper(name, on));
        CratePaths paths = CratePaths.of(c);
        paths.reExports(c);
        paths.edges(c, helpers);
        if (oneShotCommand(c.file().path())) {
            return;
        }
        // Start-up (the product's policy): an async main's body, and the async fn of its file main is split into.
        StartUpCode startUp = StartUpCode.of(c);
        for (CallSite call : c.file().calls()) {
            String what = direct.get(call);
            if (what == null) {
                String helper = helpers.called(c, call);
                what = helper == null ? null : "`" + helper + "()` (this file's fn that calls " + helpers.blocksOn(helper) + ")";
                if (what == null) {
                    crateCall(c, paths, startUp, call);
                }
            }
            if (what == null || Calls.awaited(c, call)) {
                continue;
            }
            TSNode body = c.async().body(call.node());
            if (body != null && !startUp.contains(c.file(), body)) {
                report.at(call.name(), what + " blocks the executor thread in async code; use the async API or spawn_blocking");
            }
        }
    }

    /**
     * A command-line front end's own code (a `cli`, `cmd`, `commands` or `console` module: `src/cli.rs`,
     * `src/client/commands/edit.rs`): a one-shot command runs alone on its runtime, so a blocking call there stalls
     * no other task. The product's policy (docs/audit.md); its helpers still count when a server calls them.
     */
    static boolean oneShotCommand(String relPath) {
        String[] parts = relPath.split("/");
        for (int i = 0; i < parts.length; i++) {
            String part = i == parts.length - 1 ? parts[i].replaceFirst("\\.rs$", "") : parts[i];
            if (COMMAND_MODULES.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /** A call from async code of a crate path: maybe another file's helper, matched once the crate was read. */
    private static void crateCall(FileContext c, CratePaths paths, StartUpCode startUp, CallSite call) {
        String path = paths.of(c, call);
        TSNode body = path == null ? null : c.async().body(call.node());
        // The same start-up policy as a call in the file: another file's helper called by `async main` is start-up.
        if (body != null && !startUp.contains(c.file(), body) && !Calls.awaited(c, call) && c.testCode().kindAt(call.start()) == CodeKind.PRODUCTION) {
            c.crossFile().call(path, Nodes.start(call.name()));
        }
    }

    /**
     * An r2d2 pool (synchronous: `get()` waits for a free connection on the calling thread): the receiver's type
     * is `r2d2::Pool` (also through diesel's re-export), or, when it is unknown or a type alias, the file uses r2d2
     * and the receiver is named a pool (`self.read_pool`, where `type SqlitePool = r2d2::Pool<..>`).
     */
    private static boolean r2d2Pool(FileContext c, TSNode receiver) {
        if (receiver == null) {
            return false;
        }
        String type = c.types().typeOf(receiver);
        if (type != null && (type.equals("r2d2::Pool") || type.endsWith("::r2d2::Pool"))) {
            return true;
        }
        if (type != null && type.contains("::") || !c.src().text().contains("r2d2")) {
            return false;
        }
        String name = Nodes.lastSegment(c.text(receiver).replace(".", "::")).toLowerCase(Locale.ROOT);
        return name.endsWith("pool");
    }

    /**
     * diesel's own `RunQueryDsl` is in scope (`diesel::prelude::*`, `diesel::RunQueryDsl`) and diesel-async's is not:
     * its `load`/`execute`/`first` run the query synchronously, so an un-awaited one in async code blocks.
     */
    private static boolean syncDieselInScope(FileContext c, int at) {
        return c.imports().anyImport(at, p -> p.equals("diesel::prelude::*") || p.equals("diesel::*") || p.equals("diesel::RunQueryDsl")
                || p.equals("diesel::query_dsl::*") || p.equals("diesel::query_dsl::RunQueryDsl"))
                && !c.imports().anyImport(at, p -> p.startsWith("diesel_async"));
    }

    /**
     * An iterator over a directory tree: `WalkDir::new(p)..` itself or a variable the function bound to it
     * (`let mut it = WalkDir::new(&dir).follow_links(true).into_iter();`). Each step reads a directory.
     */
    private static boolean walkDir(FileContext c, TSNode iterator) {
        TSNode value = Nodes.type(iterator).equals("identifier") ? c.types().boundValue(iterator) : iterator;
        if (value == null) {
            return false;
        }
        CallSite root = c.file().call(Calls.chainRoot(c, value));
        return root != null && root.method() == null && c.imports().resolve(root.callee(), root.start()).endsWith("WalkDir::new");
    }

    /** `for e in WalkDir::new(p).into_iter() { .. }`: the call heads the chain a `for` loop walks. */
    private static boolean forLoopValue(FileContext c, TSNode call) {
        TSNode n = call;
        for (TSNode p = c.parent(n); p != null; n = p, p = c.parent(p)) {
            switch (Nodes.type(p)) {
                case "call_expression", "field_expression":
                    break;
                case "for_expression":
                    TSNode value = Nodes.field(p, "value");
                    return value != null && Nodes.start(value) == Nodes.start(n) && Nodes.end(value) == Nodes.end(n);
                default:
                    return false;
            }
        }
        return false;
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
            if (path.endsWith("WalkDir::new") && forLoopValue(c, call.node())) {
                return "a `for` loop over a `walkdir::WalkDir` (reads directories)";
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
            if ("std::fs::File".equals(type) && method.equals("metadata")) {
                return null; // one fstat of a descriptor already open: a probe, by the product's policy
            }
            boolean fs = type == null ? k.blockingPathMethodsUntyped().contains(method) : FS_TYPES.contains(type);
            return fs ? "`." + method + "()` (a file-system call)" : null;
        }
        if (FILE_IO.contains(method)) {
            // With the type unknown, a receiver named a file (`zip_file`, `file`) is one: the call is not awaited, so it
            // is std's Read/Write, not tokio's.
            String type = c.types().typeOf(call.receiver());
            return "std::fs::File".equals(type) || type == null && FILE_NAME.matcher(Nodes.lastSegment(c.text(call.receiver()).replace(".", "::"))).find()
                    ? "`File::" + method + "` (std, blocking)" : null;
        }
        if (method.equals("next") && call.argumentCount() == 0 && walkDir(c, call.receiver())) {
            return "`.next()` on a `walkdir::WalkDir` (reads directories)";
        }
        if (method.equals("get") && call.argumentCount() == 0 && r2d2Pool(c, call.receiver())) {
            return "`.get()` on an r2d2 pool (waits for a free connection)";
        }
        if (Calls.dieselRunShape(c, call) && syncDieselInScope(c, call.start())) {
            return "Diesel `." + method + "()` (synchronous: the query runs on this thread)";
        }
        if (RUSQLITE_CALLS.contains(method)) {
            String type = c.types().typeOf(call.receiver());
            return type != null && type.startsWith("rusqlite::") ? "`" + Nodes.lastSegment(type) + "::" + method + "` (rusqlite, synchronous)" : null;
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
