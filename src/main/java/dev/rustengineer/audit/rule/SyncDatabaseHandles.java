package dev.rustengineer.audit.rule;

import dev.rustengineer.audit.scope.FileContext;
import dev.rustengineer.audit.syntax.CallSite;
import dev.rustengineer.audit.syntax.Nodes;
import java.util.HashSet;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * A synchronous database handle whose type the audit cannot see (a trait object, `Arc<Box<dyn Database>>`): a
 * receiver named `db` or `database` (`self.database`) none of whose calls in the file is awaited, so its methods
 * run on the calling thread. A fallible call of one (`self.database.load_keys()?`) is a database round trip; a
 * handle the file awaits anywhere (`self.db.fetch(..).await`) is async and its other methods build requests.
 */
final class SyncDatabaseHandles {
    private static final Set<String> NAMES = Set.of("db", "database");
    /** Locks named db: a short std lock is left out by the policy, an async one is awaited. */
    private static final Set<String> NOT_QUERIES = Set.of("lock", "read", "write", "try_lock", "try_read", "try_write");

    private final Set<String> awaitedNames;

    private SyncDatabaseHandles(Set<String> awaitedNames) {
        this.awaitedNames = awaitedNames;
    }

    static SyncDatabaseHandles of(FileContext c) {
        Set<String> awaited = new HashSet<>();
        for (CallSite call : c.file().calls()) {
            String name = call.method() == null ? null : handleName(c, call.receiver());
            if (name != null && chainAwaited(c, call.node())) {
                awaited.add(name);
            }
        }
        return new SyncDatabaseHandles(awaited);
    }

    /** Whether the call is a fallible method of a synchronous handle, its result taken with `?`. */
    boolean syncCall(FileContext c, CallSite call) {
        if (call.method() == null || NOT_QUERIES.contains(call.method())) {
            return false;
        }
        String name = handleName(c, call.receiver());
        if (name == null || awaitedNames.contains(name)) {
            return false;
        }
        TSNode p = c.syntaxParent(call.node());
        return p != null && Nodes.type(p).equals("try_expression");
    }

    private static String handleName(FileContext c, TSNode receiver) {
        if (receiver == null || !Nodes.type(receiver).equals("identifier") && !Nodes.type(receiver).equals("field_expression")) {
            return null;
        }
        String name = Nodes.lastSegment(c.text(receiver).replace(".", "::"));
        return NAMES.contains(name) ? name : null;
    }

    /** The call heads a method chain (`db.query(..).bind(x)`) or try chain whose value is awaited. */
    private static boolean chainAwaited(FileContext c, TSNode call) {
        TSNode n = call;
        for (TSNode p = c.syntaxParent(n); p != null; n = p, p = c.syntaxParent(p)) {
            switch (Nodes.type(p)) {
                case "await_expression":
                    return true;
                case "field_expression", "call_expression", "try_expression", "parenthesized_expression":
                    break;
                default:
                    return false;
            }
        }
        return false;
    }
}
