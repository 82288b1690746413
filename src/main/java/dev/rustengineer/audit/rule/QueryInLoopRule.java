package dev.rustengineer.audit.rule;

import dev.rustengineer.audit.scope.AuditKnowledge;
import dev.rustengineer.audit.scope.FileContext;
import dev.rustengineer.audit.syntax.CallSite;
import dev.rustengineer.audit.syntax.Nodes;
import dev.rustengineer.audit.syntax.RustFile;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * query-in-loop: a database query run once per iteration of a loop (the N+1 pattern; {@code Calls.inLoop}: a
 * task spawned per item is concurrent, a loop over a literal list is a fixed script). A query is:
 * <ul>
 *   <li>an execution method (`execute`, `fetch_one`, `fetch_all`, tokio-postgres `query`, ...) on a sqlx query
 *       (`sqlx::query*(..)`, `query!`-like macros, `raw_sql`, `QueryBuilder::build()`, or a variable bound to one)
 *       or on a database handle (a `Pool`, `PgConnection`, `Transaction`, tokio-postgres `Client`, ...,
 *       audit/knowledge.yaml `db_handle_*`);</li>
 *   <li>a diesel `RunQueryDsl` method (`load`, `get_result`, `first`, `execute`, ...) given one argument, when
 *       `RunQueryDsl` is in scope (so an atomic's `load(Ordering)` or a slice's `first()` is not);</li>
 *   <li>any other call given a database handle (a repository method: `Post::read(&mut context.pool(), id)`).</li>
 * </ul>
 * The finding points at the start of the query's expression.
 */
public record QueryInLoopRule() implements Rule {
    private static final Set<String> BUILDS = Set.of("build", "build_query_as", "build_query_scalar");

    @Override
    public String id() {
        return "query-in-loop";
    }

    @Override
    public void check(FileContext c, Report report) {
        RustFile f = c.file();
        Set<Integer> reported = new HashSet<>();
        for (CallSite call : f.calls()) {
            if (!f.inSomeLoopBody(call.start())) {
                continue;
            }
            String what = query(c, call);
            if (what != null && Calls.inLoop(c, call.node()) && reported.add(call.start())) {
                report.at(call.node(), what + " inside a loop: one query per iteration (N+1)");
            }
        }
    }

    private static String query(FileContext c, CallSite call) {
        AuditKnowledge k = c.knowledge();
        String method = call.method();
        if (call.args().getNamedChildCount() == 0) {
            return null; // every query this rule knows is given its connection or its SQL
        }
        List<TSNode> args = call.arguments();
        if (method != null && k.queryExecutionMethods().contains(method)) {
            TSNode receiver = call.receiver();
            if (sqlxQuery(c, receiver)) {
                return "sqlx query `." + method + "()`";
            }
            String type = c.types().typeOf(receiver);
            if (type != null && k.isDbHandle(type)) {
                return "`." + method + "()` on a `" + Nodes.lastSegment(type) + "`";
            }
        }
        if (method != null && k.dieselRunMethods().contains(method) && args.size() == 1
                && !c.text(args.getFirst()).contains("Ordering") && runQueryDslInScope(c, call.start())) {
            return "Diesel `." + method + "()`";
        }
        String name = method != null ? method : Nodes.lastSegment(call.callee());
        if (k.dbHandleAccessors().contains(name)) {
            return null; // `get_conn(pool)` checks out a connection, it runs no query
        }
        for (TSNode a : args) {
            if (dbHandle(c, a)) {
                String callee = method != null ? "." + method : call.callee();
                return "`" + (callee == null ? "call" : callee.strip()) + "(..)` given a database handle";
            }
        }
        return null;
    }

    private static boolean runQueryDslInScope(FileContext c, int at) {
        return c.imports().anyImport(at, p -> p.endsWith("RunQueryDsl") || p.equals("diesel::prelude::*")
                || p.equals("diesel_async::*") || p.equals("diesel::*") || p.equals("diesel::query_dsl::*"));
    }

    /** The receiver is a sqlx query: built by a sqlx::query function, raw_sql, a query! macro or QueryBuilder::build, directly or via a variable. */
    private static boolean sqlxQuery(FileContext c, TSNode receiver) {
        if (receiver == null) {
            return false;
        }
        TSNode root = Calls.chainRoot(c, receiver);
        if (root.getType().equals("macro_invocation")) {
            String name = c.text(Nodes.field(root, "macro"));
            return c.knowledge().sqlxQueryMacros().contains(Nodes.lastSegment(name))
                    && (name.startsWith("sqlx::") || c.imports().anyImport(root.getStartByte(), p -> p.startsWith("sqlx")));
        }
        String type = c.types().typeOf(receiver);
        if (type != null && (c.knowledge().sqlxQueryFunctions().contains(type) || type.startsWith("sqlx::query"))) {
            return true;
        }
        CallSite build = c.file().call(receiver);
        if (build != null && build.method() != null && BUILDS.contains(build.method())) {
            String builder = c.types().typeOf(build.receiver());
            return builder != null && builder.endsWith("QueryBuilder");
        }
        return false;
    }

    /** An argument that is a database handle: `&pool`, `&mut *conn`, `&mut context.pool()`, a `PgPool` parameter. */
    private static boolean dbHandle(FileContext c, TSNode arg) {
        TSNode a = arg;
        while (a.getType().equals("reference_expression") || a.getType().equals("unary_expression")
                || a.getType().equals("parenthesized_expression")) {
            TSNode inner = a.getNamedChild(a.getNamedChildCount() - 1);
            if (inner == null || inner.isNull()) {
                return false;
            }
            a = inner;
        }
        CallSite accessor = c.file().call(a);
        if (accessor != null && accessor.method() != null && c.knowledge().dbHandleAccessors().contains(accessor.method())
                && accessor.argumentCount() == 0) {
            return true;
        }
        if (!a.getType().equals("identifier") && !a.getType().equals("field_expression") && !a.getType().equals("call_expression")) {
            return false;
        }
        String type = c.types().typeOf(a);
        return type != null && c.knowledge().isDbHandle(type);
    }
}
