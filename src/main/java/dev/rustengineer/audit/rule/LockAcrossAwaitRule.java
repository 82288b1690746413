package dev.rustengineer.audit.rule;

import dev.rustengineer.audit.scope.AuditKnowledge;
import dev.rustengineer.audit.scope.FileContext;
import dev.rustengineer.audit.syntax.CallSite;
import dev.rustengineer.audit.syntax.Nodes;
import dev.rustengineer.audit.syntax.RustFile;
import java.util.Set;
import java.util.regex.Pattern;
import org.treesitter.TSNode;

/**
 * lock-across-await: a synchronous lock's guard bound by `let` in async code and still alive at an `.await` of
 * the same async body. The guard is held when the `let` binds the guard itself (`let g = m.lock().unwrap();`,
 * `let _guard = m.lock();`), not when it binds something computed from a temporary guard
 * (`m.lock().unwrap().clone()`, dropped at the end of the statement) and not for `let _ = ..` (dropped at once).
 * It lives to the end of its block or to `drop(g)`; an async block made in that time that uses the guard holds it
 * across its own awaits (`block_on(async { use(&guard); x.await })`). A guard that is a temporary of a `match`,
 * `if let` or `while let` scrutinee is held through the arms or body. The lock is synchronous when its receiver's type is one of
 * audit/knowledge.yaml `sync_locks`, or, with the type unknown, when `lock()` is unwrapped (only std's returns a
 * `LockResult`); a lock of an async type (tokio, futures) never counts.
 */
public record LockAcrossAwaitRule() implements Rule {
    /** What gets the guard out of std's `LockResult`: `unwrap`, `expect`, or recovering it from the poison. */
    private static final Set<String> UNWRAPS = Set.of("unwrap", "expect", "unwrap_or_else");
    /** Where a temporary's life ends: it cannot be held past these. */
    private static final Set<String> STATEMENT_ENDS = Set.of("block", "closure_expression", "async_block", "let_declaration",
            "expression_statement", "function_item", "match_block", "match_arm", "source_file", "macro_invocation");
    private static final Set<String> GUARDS = Set.of("lock", "read", "write");
    private static final Pattern MUT = Pattern.compile("^mut\\s+");
    private static final Pattern WORD = Pattern.compile("\\w+");

    @Override
    public String id() {
        return "lock-across-await";
    }

    @Override
    public void check(FileContext c, Report report) {
        RustFile f = c.file();
        if (f.all("await").isEmpty()) {
            return;
        }
        for (TSNode let : f.all("let")) {
            String name = MUT.matcher(f.letPattern(let)).replaceFirst("").strip();
            if (name.equals("_") || !WORD.matcher(name).matches()) {
                continue;
            }
            String text = c.text(let);
            if (!text.contains("lock()") && !text.contains("read()") && !text.contains("write()")) {
                continue;
            }
            TSNode value = Nodes.field(let, "value");
            if (value == null || !syncGuard(c, value)) {
                continue;
            }
            TSNode body = c.async().body(let);
            TSNode block = Nodes.parent(let);
            if (!Nodes.present(block)) {
                continue;
            }
            Pattern mention = Pattern.compile("\\b" + Pattern.quote(name) + "\\b");
            int from = Nodes.end(let);
            int to = Nodes.end(block);
            for (CallSite call : f.calls()) {
                if (call.start() >= from && call.start() < to && call.callee() != null && Nodes.lastSegment(call.callee()).equals("drop")
                        && call.argumentCount() == 1 && c.text(call.arguments().getFirst()).strip().equals(name)) {
                    to = call.start();
                    break;
                }
            }
            for (TSNode a : f.all("await")) {
                if (Nodes.start(a) >= from && Nodes.end(a) <= to && (sameBody(c, a, body) || borrowedBy(c, a, from, mention))) {
                    report.at(let, "std::sync guard `" + name + "` is still held at the `.await` on line "
                            + (a.getStartPoint().getRow() + 1) + "; drop it first or use an async mutex");
                    break;
                }
            }
        }
        scrutineeGuards(c, report);
    }

    /**
     * A guard that is a temporary of a `match`, `if let` or `while let` scrutinee lives to the end of that
     * expression (Rust's temporary lifetime rules; in edition 2024 an `if let`'s still through its then-block):
     * `match m.lock().unwrap().get(k).cloned() { Some(v) => v.await, .. }` holds the lock at the await.
     */
    private static void scrutineeGuards(FileContext c, Report report) {
        RustFile f = c.file();
        for (CallSite call : f.calls()) {
            if (call.method() == null || !GUARDS.contains(call.method()) || call.argumentCount() != 0 || Calls.awaited(c, call)) {
                continue;
            }
            TSNode held = heldThrough(f, call.node());
            if (held == null || !temporarySyncGuard(c, call)) {
                continue;
            }
            TSNode body = c.async().body(call.node());
            if (body == null) {
                continue;
            }
            for (TSNode a : f.all("await")) {
                if (Nodes.start(a) >= Nodes.start(held) && Nodes.end(a) <= Nodes.end(held) && sameBody(c, a, body)) {
                    report.at(call.name(), "std::sync guard (a temporary of the `" + (Nodes.type(held).equals("match_block") ? "match" : "if let")
                            + "` scrutinee) is still held at the `.await` on line " + (a.getStartPoint().getRow() + 1)
                            + "; bind the value first (`let v = m.lock().unwrap().clone();`) or use an async mutex");
                    break;
                }
            }
        }
    }

    /** The match arms or `if let`/`while let` body a temporary in this scrutinee lives through, or null. */
    private static TSNode heldThrough(RustFile f, TSNode n) {
        TSNode child = n;
        for (TSNode p = f.parent(n); p != null; child = p, p = f.parent(p)) {
            String type = Nodes.type(p);
            if (type.equals("match_expression") && sameNode(Nodes.field(p, "value"), child)) {
                return Nodes.field(p, "body");
            }
            if (type.equals("let_condition") && sameNode(Nodes.field(p, "value"), child)) {
                TSNode owner = f.parent(p);
                while (owner != null && Nodes.type(owner).equals("let_chain")) {
                    owner = f.parent(owner);
                }
                if (owner == null) {
                    return null;
                }
                return Nodes.type(owner).equals("if_expression") ? Nodes.field(owner, "consequence")
                        : Nodes.type(owner).equals("while_expression") ? Nodes.field(owner, "body") : null;
            }
            if (STATEMENT_ENDS.contains(type)) {
                return null;
            }
        }
        return null;
    }

    private static boolean sameNode(TSNode a, TSNode b) {
        return a != null && Nodes.start(a) == Nodes.start(b) && Nodes.end(a) == Nodes.end(b);
    }

    /** A std or parking_lot lock's guard: by the receiver's type, or, unknown, unwrapped as only std's `LockResult` is. */
    private static boolean temporarySyncGuard(FileContext c, CallSite lock) {
        AuditKnowledge k = c.knowledge();
        String type = c.types().typeOf(lock.receiver());
        if (type != null && (k.syncLocks().contains(type) || k.asyncLocks().contains(type))) {
            return k.syncLocks().contains(type);
        }
        TSNode field = Nodes.parent(lock.node());
        CallSite outer = Nodes.present(field) && Nodes.type(field).equals("field_expression") ? c.file().call(Nodes.parent(field)) : null;
        return outer != null && outer.method() != null && UNWRAPS.contains(outer.method());
    }

    private static boolean sameBody(FileContext c, TSNode await, TSNode body) {
        TSNode b = body == null ? null : c.async().body(await);
        return b != null && Nodes.start(b) == Nodes.start(body) && Nodes.end(b) == Nodes.end(body);
    }

    /** The await is in an async block, made after the guard, that uses the guard: the block holds it while it waits. */
    private static boolean borrowedBy(FileContext c, TSNode await, int from, Pattern mention) {
        TSNode b = c.async().body(await);
        return b != null && Nodes.start(b) >= from && !Nodes.type(b).equals("function_item") && mention.matcher(c.text(b)).find();
    }

    /** The value is the guard of a synchronous lock: `x.lock()`, then at most `.unwrap()`/`.expect(..)`/`?`. */
    private static boolean syncGuard(FileContext c, TSNode value) {
        TSNode v = value;
        boolean unwrapped = false;
        CallSite call = null;
        for (int guard = 0; guard < 4; guard++) {
            if (Nodes.type(v).equals("try_expression")) {
                v = v.getNamedChild(0);
                unwrapped = true;
                continue;
            }
            call = c.file().call(v);
            if (call != null && call.method() != null && UNWRAPS.contains(call.method())) {
                v = call.receiver();
                unwrapped = true;
                continue;
            }
            break;
        }
        if (call == null || call.method() == null || !GUARDS.contains(call.method()) || call.argumentCount() != 0) {
            return false;
        }
        AuditKnowledge k = c.knowledge();
        String type = c.types().typeOf(call.receiver());
        if (type != null && (k.syncLocks().contains(type) || k.asyncLocks().contains(type))) {
            return k.syncLocks().contains(type);
        }
        return unwrapped;
    }
}
