package dev.rustengineer.audit.scope;

import java.util.ArrayList;
import java.util.List;

/**
 * What one file tells the rest of its crate about blocking calls, for a check only the whole crate can make: its
 * top-level blocking helper fns (a non-async fn of the file's own module that makes a blocking call), and its
 * calls from async code of a `crate::` path that might name another file's helper. The auditor matches the two once
 * every file was read (each file is audited, and cached, on its own). query-in-loop leaves the same two halves for
 * queries: the file's top-level fns that run a query, and its calls of a `crate::` path inside a loop over items.
 */
public final class CrossFileCalls {
    /** A top-level fn of the file that blocks, and what it calls that blocks (for the message). */
    public record Helper(String name, String blocksOn) {}

    /** A call from async code, by resolved path (`crate::fs::write_new`), at a byte offset of the file. */
    public record Call(String path, int at) {}

    private final List<Helper> helpers = new ArrayList<>();
    private final List<Call> calls = new ArrayList<>();
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

    public List<Helper> helpers() {
        return helpers;
    }

    public List<Call> calls() {
        return calls;
    }
}
