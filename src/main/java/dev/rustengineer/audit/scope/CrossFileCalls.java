package dev.rustengineer.audit.scope;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one file tells the rest of its crate about blocking calls, for a check only the whole crate can make: its
 * top-level blocking helper fns (a non-async fn of the file's own module that makes a blocking call), and its
 * calls from async code of a `crate::` path that might name another file's helper. The auditor matches the two once
 * every file was read (each file is audited, and cached, on its own). query-in-loop leaves the same two halves for
 * queries: the file's top-level fns that run a query, and its calls of a `crate::` path inside a loop over items.
 * To follow helpers of helpers across files it also says which crate paths each of its top-level non-async fns
 * calls, and what its `pub use` declarations re-export (`pub use frame::*` in `state/mod.rs` makes
 * `crate::room::state::get_frame` name `frame.rs`'s fn).
 */
public final class CrossFileCalls {
    /** A top-level fn of the file that blocks, and what it calls that blocks (for the message). */
    public record Helper(String name, String blocksOn) {}

    /** A call from async code, by resolved path (`crate::fs::write_new`), at a byte offset of the file. */
    public record Call(String path, int at) {}

    /**
     * A top-level non-async fn of the file that calls a path of the crate in its own body: `crate::a::b`, or relative
     * to the file's module, `self::name` (a fn of the file) or `super::x::name`.
     */
    public record Edge(String from, String path) {}

    /** A `pub use` of the file's module: the name it exports (`*` for a glob) and the path as written. */
    public record ReExport(String name, String target) {}

    private final List<Helper> helpers = new ArrayList<>();
    private final List<Call> calls = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();
    private final List<ReExport> reExports = new ArrayList<>();
    private final List<String> queryHelpers = new ArrayList<>();
    private final List<Call> queryLoopCalls = new ArrayList<>();

    /** A top-level fn of the file that runs a database query (query-in-loop). */
    public void queryHelper(String name) {
        queryHelpers.add(name);
    }

    /** A call of a `crate::` path inside a loop over items (query-in-loop), at a byte offset of the file. */
    public void queryLoopCall(String path, int at) {
        queryLoopCalls.add(new Call(path, at));
    }

    public List<String> queryHelpers() {
        return queryHelpers;
    }

    public List<Call> queryLoopCalls() {
        return queryLoopCalls;
    }

    public void helper(String name, String blocksOn) {
        helpers.add(new Helper(name, blocksOn));
    }

    public void call(String path, int at) {
        calls.add(new Call(path, at));
    }

    public void edge(String from, String path) {
        edges.add(new Edge(from, path));
    }

    /** Records what a top-level `pub use` declaration (its text) re-exports. */
    public void reExport(String useDeclaration) {
        Imports i = new Imports();
        i.add(useDeclaration);
        for (Map.Entry<String, String> e : i.names().entrySet()) {
            reExports.add(new ReExport(e.getKey(), e.getValue()));
        }
        i.globs().forEach(g -> reExports.add(new ReExport("*", g)));
    }

    public List<Edge> edges() {
        return edges;
    }

    public List<ReExport> reExports() {
        return reExports;
    }

    public List<Helper> helpers() {
        return helpers;
    }

    public List<Call> calls() {
        return calls;
    }
}
