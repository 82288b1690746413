package dev.rustengineer.audit.rule;

import dev.rustengineer.audit.scope.AuditKnowledge;
import dev.rustengineer.audit.scope.CodeKind;
import dev.rustengineer.audit.scope.FileContext;
import dev.rustengineer.audit.syntax.CallSite;
import dev.rustengineer.audit.syntax.Nodes;
import dev.rustengineer.audit.syntax.RustFile;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.treesitter.TSNode;

/**
 * query-in-loop: a database query run once per item of a collection (the N+1 pattern; {@code Calls.itemLoop}: a `for`
 * or a `while let .. = it.next()`; a polling, paging or retry `loop` runs one round per tick, a task spawned per
 * item is concurrent, a loop over a literal list is a fixed script). A query is:
 * <ul>
 *   <li>an execution method (`execute`, `fetch_one`, `fetch_all`, tokio-postgres `query`, ...) on a sqlx query
 *       (`sqlx::query*(..)`, `query!`-like macros, `raw_sql`, `QueryBuilder::build()`, or a variable bound to one)
 *       or on a database handle (a `Pool`, `PgConnection`, `Transaction`, tokio-postgres `Client`, ...,
 *       audit/knowledge.yaml `db_handle_*`);</li>
 *   <li>a diesel `RunQueryDsl` method (`load`, `get_result`, `first`, `execute`, ...) given one argument, when
 *       `RunQueryDsl` is in scope (so an atomic's `load(Ordering)` or a slice's `first()` is not);</li>
 *   <li>an execution method of a prepared statement (`txn.prepare_cached("DELETE ..")?.execute(..)`, or
 *       `stmt.execute(..)` where the fn bound `stmt` to a `prepare`/`prepare_cached` call);</li>
 *   <li>an execution method on a chain that binds parameters (`query(..).bind(x).execute(&mut *tx)`, whatever
 *       wraps the query), or given SQL written out (`conn.execute("INSERT INTO ..", params)`, rusqlite);</li>
 *   <li>any other call given a database handle (a repository method: `Post::read(&mut context.pool(), id)`), and an
 *       awaited method of a repository or store (`state.repo.identifier(h).await`, `storage.delete(id).await`)
 *       unless the file defines that method, whose body then decides;</li>
 *   <li>a call of the crate's own fn that runs one ({@link QueryHelpers} in the file, `crate::` paths across files
 *       through {@code CrossFileCalls}, matched by the auditor once the crate was read).</li>
 * </ul>
 * Not a query per item: a loop whose item is the statement itself (`for ddl in setup { query(&ddl).. }` runs a
 * script), a loop over batches (`for chunk in jobs.chunks(500)`), a loop that replays a log of different commands
 * (a `match` on the item with several arms, each its own statement), a call whose future is handed to a spawn
 * (`task::spawn(keep_alive(id, pool))` runs concurrently), data migrations (a file path or fn name that says
 * migration), which run once, and schema statements (`CREATE INDEX` per column: setup).
 * A sqlx query's finding points at the query (where its SQL is); a diesel or executor call's at the method that
 * runs it; a repository method's at the call.
 */
public record QueryInLoopRule() implements Rule {
    private static final Set<String> PREPARES = Set.of("prepare", "prepare_cached");
    /** What a prepared statement runs beyond the executor methods: rusqlite's row mappers and shortcuts. */
    private static final Set<String> STATEMENT_RUNS = Set.of("query_map", "query_and_then", "insert", "exists", "raw_execute", "raw_query");
    private static final Set<String> BINDS = Set.of("bind");
    private static final Set<String> BATCHES = Set.of("chunks", "chunks_exact", "rchunks", "chunk_by", "batching");
    /** Data migrations (`src/repo/sqlite_migration.rs`, `migrations/`): run once by the migration runner, not per request. */
    private static final Pattern MIGRATION = Pattern.compile("(?i)migrat");
    private static final int COMMAND_ARMS = 3;
    private static final Set<String> BUILDS = Set.of("build", "build_query_as", "build_query_scalar");
    /** Schema statements (DDL): one per column, index or table is the point of a setup or migration routine. */
    private static final Pattern DDL = Pattern.compile("(?is)^[a-z]*#*\"\\s*(CREATE|ALTER|DROP|TRUNCATE|RENAME|COMMENT\\s+ON|GRANT|REVOKE)\\b.*");
    private static final Pattern SQL = Pattern.compile("(?is)^[a-z]*#*\"\\s*(SELECT|INSERT|UPDATE|DELETE|REPLACE|UPSERT|WITH|MERGE)\\b.*");
    /** A repository or store by its name: the object a service asks for its rows. */
    private static final Pattern REPOSITORY = Pattern.compile("(?i)(\\w+_)?(repo|repos|repository|store|storage|db|database|dao)");

    @Override
    public String id() {
        return "query-in-loop";
    }

    /** A query found: what it is, and where the finding points. */
    private record Query(String what, TSNode at) {}

    /** Words without which a file cannot hold a query this rule knows: a quick test before any call is read. */
    private static final List<String> DATABASE = List.of("sqlx", "diesel", "postgres", "sqlite", "mysql", "Pool", "Conn", "conn", "pool",
            "Transaction", "Client", "query", "repo", "store", "storage", "db", "database", "dao");

    @Override
    public void check(FileContext c, Report report) {
        RustFile f = c.file();
        String text = c.src().text();
        boolean usesCrate = text.contains("crate::");
        if (!usesCrate && DATABASE.stream().noneMatch(text::contains) || MIGRATION.matcher(f.path()).find()) {
            return;
        }
        QueryHelpers helpers = QueryHelpers.defined(c);
        // Keyed by the call's whole span: the calls of a chain (`pool.execute(&sql).await?.rows_affected()`) share a start.
        Map<Long, Query> direct = new HashMap<>();
        for (CallSite call : f.calls()) {
            Query q = query(c, call, helpers);
            if (q != null) {
                direct.put(span(call), q);
            }
        }
        helpers.read(c, direct.keySet());
        helpers.exported().forEach(name -> c.crossFile().queryHelper(name));
        Set<Integer> reported = new HashSet<>();
        for (CallSite call : f.calls()) {
            if (!f.inSomeLoopBody(call.start())) {
                continue;
            }
            Query q = direct.get(span(call));
            if (q == null) {
                q = helperCall(c, call, helpers);
            }
            if (q == null && !usesCrate) {
                continue;
            }
            TSNode loop = Calls.itemLoop(c, call.node());
            if (loop == null || runsTheLoopsStatement(c, call, loop) || overBatches(c, loop) || replaysCommands(c, call, loop)
                    || changesSchema(c, call) || inMigration(c, call)) {
                continue;
            }
            if (q == null) {
                crateCall(c, call);
            } else if (reported.add(call.start())) {
                report.at(q.at(), q.what() + " inside a loop: one query per iteration (N+1)");
            }
        }
    }

    static long span(CallSite call) {
        return (long) Nodes.start(call.node()) << 32 | Nodes.end(call.node());
    }

    /** A call of one of this file's query fns: `write_event(&tx, e)`, `self.load_user(id)`, `repo.find(id).await`. */
    private static Query helperCall(FileContext c, CallSite call, QueryHelpers helpers) {
        String name = helpers.called(c, call);
        if (name != null) {
            return new Query("`" + name + "()` (this file's fn that runs a query)", call.name());
        }
        String method = call.method();
        if (method != null && helpers.queryMethod(method) && Calls.awaited(c, call) && REPOSITORY.matcher(lastName(c, call.receiver())).matches()) {
            return new Query("`" + lastName(c, call.receiver()) + "." + method + "(..)` (a repository call)", call.name());
        }
        return null;
    }

    /** A call in an item loop of a `crate::` path: maybe another file's query fn, matched once the crate was read. */
    private static void crateCall(FileContext c, CallSite call) {
        String callee = call.callee();
        if (call.method() != null || callee == null || !callee.startsWith("crate::") && callee.contains("::")) {
            return;
        }
        String path = c.imports().resolve(callee, call.start());
        if (path.startsWith("crate::") && c.testCode().kindAt(call.start()) == CodeKind.PRODUCTION) {
            c.crossFile().queryLoopCall(path, Nodes.start(call.name()));
        }
    }

    /** sqlx queries point at the query (where its SQL is), diesel and executor calls at the method that runs them. */
    private static Query query(FileContext c, CallSite call, QueryHelpers helpers) {
        AuditKnowledge k = c.knowledge();
        String method = call.method();
        if (Nodes.namedChildCount(call.args()) == 0) {
            return null; // every query this rule knows is given its connection or its SQL
        }
        List<TSNode> args = call.arguments();
        if (method != null && k.queryExecutionMethods().contains(method)) {
            TSNode receiver = call.receiver();
            if (sqlxQuery(c, receiver)) {
                return new Query("sqlx query `." + method + "()`", call.node());
            }
            if (c.types().isDbHandle(receiver)) {
                return new Query("`." + method + "()` on a database handle", call.name());
            }
            if (bindsParameters(c, receiver)) {
                return new Query("a query with bound parameters, `." + method + "()`", call.name());
            }
            if (SQL.matcher(c.text(args.getFirst()).strip()).matches()) {
                return new Query("SQL run by `." + method + "()`", call.name());
            }
        }
        if (method != null && (k.queryExecutionMethods().contains(method) || STATEMENT_RUNS.contains(method))
                && preparedStatement(c, call.receiver())) {
            return new Query("a prepared statement's `." + method + "()`", call.name());
        }
        if (Calls.dieselRunShape(c, call) && runQueryDslInScope(c, call.start())) {
            return new Query("Diesel `." + method + "()`", call.name());
        }
        String name = method != null ? method : Nodes.lastSegment(call.callee());
        if (k.dbHandleAccessors().contains(name) || k.dbHandleMethods().contains(name) || k.dbTransactionMethods().contains(name)) {
            return null; // `get_conn(pool)` checks out a connection, `transaction(..)` wraps queries: neither is one
        }
        for (TSNode a : args) {
            if (c.types().isDbHandle(a)) {
                String callee = method != null ? "." + method : call.callee();
                return new Query("`" + callee.strip() + "(..)` given a database handle", call.node());
            }
        }
        // A method the file defines is read by its body instead (QueryHelpers): `event_store.process_timed(..)`.
        if (method != null && !helpers.defines(method) && Calls.awaited(c, call) && REPOSITORY.matcher(lastName(c, call.receiver())).matches()) {
            return new Query("`" + lastName(c, call.receiver()) + "." + method + "(..)` (a repository call)", call.name());
        }
        return null;
    }

    /**
     * A statement prepared on a connection (rusqlite's, sqlx's or tokio-postgres' `prepare`/`prepare_cached`): the
     * chain itself (`txn.prepare_cached("DELETE ..")?.execute(..)`) or a variable the enclosing fn bound to one
     * (`let mut stmt = tx.prepare_cached(..)?;` before the loop, `stmt.execute(..)` in it).
     */
    private static boolean preparedStatement(FileContext c, TSNode receiver) {
        return preparedStatement(c, receiver, 0);
    }

    private static boolean preparedStatement(FileContext c, TSNode receiver, int depth) {
        TSNode r = receiver;
        while (r != null && (Nodes.type(r).equals("try_expression") || Nodes.type(r).equals("await_expression")) && Nodes.namedChildCount(r) > 0) {
            r = Nodes.namedChild(r, 0);
        }
        if (r == null || depth > 4) {
            return false;
        }
        CallSite prepare = c.file().call(r);
        if (prepare != null) {
            return prepare.method() != null && PREPARES.contains(prepare.method()) && prepare.argumentCount() >= 1;
        }
        TSNode bound = Nodes.type(r).equals("identifier") ? c.types().boundValue(r) : null;
        return bound != null && preparedStatement(c, bound, depth + 1);
    }

    /** `repo`, `self.repo`, `state.store`: the name the receiver is known by, or "". */
    private static String lastName(FileContext c, TSNode receiver) {
        if (receiver == null) {
            return "";
        }
        return switch (Nodes.type(receiver)) {
            case "identifier" -> c.text(receiver);
            case "field_expression" -> c.text(Nodes.field(receiver, "field"));
            default -> "";
        };
    }

    /** A method chain with a `.bind(..)` in it: parameters bound to a statement, whatever built it. */
    private static boolean bindsParameters(FileContext c, TSNode receiver) {
        return chainCalls(c, receiver, BINDS);
    }

    /** A method chain (`a.b(..).c(..)`, walked from its last call inward) that calls one of these methods. */
    private static boolean chainCalls(FileContext c, TSNode chain, Set<String> methods) {
        for (TSNode n = chain; n != null && Nodes.type(n).equals("call_expression"); ) {
            CallSite step = c.file().call(n);
            if (step == null || step.method() == null) {
                return false;
            }
            if (methods.contains(step.method())) {
                return true;
            }
            n = step.receiver();
        }
        return false;
    }

    /**
     * The query's SQL is the item of the loop it runs in, a `for` (`for ddl in setup { sqlx::query(&ddl).execute(..) }`):
     * the loop runs a list of statements once each, a script, not one query per row of data.
     */
    private static boolean runsTheLoopsStatement(FileContext c, CallSite call, TSNode loop) {
        String item = forItem(c, loop);
        if (item == null) {
            return false;
        }
        // The SQL is the first argument of the query function that starts the chain (`sqlx::query(&ddl)`), or of
        // the execution method itself (`conn.execute(&ddl)`); a repository method given the item is per item.
        TSNode sqlArg = sqlArgument(c, call);
        if (sqlArg == null) {
            return false;
        }
        String sql = c.text(sqlArg).replaceAll("^[&*\\s]+|\\.as_str\\(\\)$", "");
        return sql.equals(item);
    }

    /**
     * The statement changes the schema (`CREATE INDEX`, `ALTER TABLE .. ADD COLUMN`, `DROP TABLE`): written out, or a
     * variable the function bound to a `format!` of one (`let sql = format!("CREATE INDEX {t}_{col}_index ..");
     * pool.execute(&sql)`). One per column, index or table is what a setup or migration routine is for.
     */
    private static boolean changesSchema(FileContext c, CallSite call) {
        TSNode sql = sqlArgument(c, call);
        for (int depth = 0; sql != null && depth < 4; depth++) {
            while (sql != null && (Nodes.type(sql).equals("reference_expression") || Nodes.type(sql).equals("parenthesized_expression"))) {
                sql = Nodes.namedChildCount(sql) > 0 ? Nodes.namedChild(sql, Nodes.namedChildCount(sql) - 1) : null;
            }
            if (sql == null) {
                return false;
            }
            CallSite asStr = c.file().call(sql);
            if (asStr != null && asStr.method() != null && Set.of("as_str", "as_ref", "to_string", "into").contains(asStr.method())) {
                sql = asStr.receiver();
                continue;
            }
            String text = c.text(sql).strip();
            if (Nodes.type(sql).equals("macro_invocation")) {
                int open = text.indexOf('(');
                text = open < 0 ? "" : text.substring(open + 1).strip();
            }
            if (DDL.matcher(text).matches()) {
                return true;
            }
            sql = Nodes.type(sql).equals("identifier") ? c.types().boundValue(sql) : null;
        }
        return false;
    }

    /** The SQL a query runs: the first argument of the query function starting the chain, or of the execution method. */
    private static TSNode sqlArgument(FileContext c, CallSite call) {
        CallSite first = c.file().call(Calls.chainRoot(c, call.node()));
        if (first != null && first.method() == null && Nodes.lastSegment(first.callee()).matches("query\\w*|raw_sql") && first.argumentCount() > 0) {
            return first.arguments().getFirst();
        }
        if (call.method() != null && c.knowledge().queryExecutionMethods().contains(call.method()) && call.argumentCount() > 0) {
            return call.arguments().getFirst();
        }
        return null;
    }

    /** A data migration run once by a migration routine (`async fn run_migrations(..)`, `fn migrate_v3(..)`). */
    private static boolean inMigration(FileContext c, CallSite call) {
        TSNode fn = c.enclosing(call.node(), "function_item");
        return fn != null && MIGRATION.matcher(c.file().fnName(fn)).find();
    }

    /** `for chunk in jobs.chunks(500)`: one statement per batch of items is the fix for N+1, not an instance of it. */
    private static boolean overBatches(FileContext c, TSNode loop) {
        return Nodes.type(loop).equals("for_expression") && chainCalls(c, Nodes.field(loop, "value"), BATCHES);
    }

    /**
     * The query is one arm of a `match` on the loop's item itself, with several arms (`for update in updates { match
     * update { Update::Push(..) => insert, Update::Remove(..) => delete, .. } }`): the loop replays a log of
     * different commands, each its own statement, not one query per row of data.
     */
    private static boolean replaysCommands(FileContext c, CallSite call, TSNode loop) {
        String item = forItem(c, loop);
        if (item == null) {
            return false;
        }
        for (TSNode p = c.parent(call.node()); p != null && Nodes.start(p) > Nodes.start(loop); p = c.parent(p)) {
            if (Nodes.type(p).equals("match_expression")) {
                TSNode value = Nodes.field(p, "value");
                TSNode body = Nodes.field(p, "body");
                String scrutinee = value == null ? "" : c.text(value).replaceAll("^[&*(\\s]+|[)\\s]+$", "");
                if (scrutinee.equals(item) && body != null && arms(body) >= COMMAND_ARMS) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The one name a `for` binds its item to (`for ddl in setup`), or null for another loop or a pattern. */
    private static String forItem(FileContext c, TSNode loop) {
        if (!Nodes.type(loop).equals("for_expression")) {
            return null;
        }
        String item = c.text(Nodes.field(loop, "pattern")).strip();
        return item.matches("\\w+") ? item : null;
    }

    private static int arms(TSNode matchBlock) {
        int arms = 0;
        for (int i = 0; i < Nodes.namedChildCount(matchBlock); i++) {
            arms += Nodes.type(Nodes.namedChild(matchBlock, i)).equals("match_arm") ? 1 : 0;
        }
        return arms;
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
        if (Nodes.type(root).equals("macro_invocation")) {
            String name = c.text(Nodes.field(root, "macro"));
            return c.knowledge().sqlxQueryMacros().contains(Nodes.lastSegment(name))
                    && (name.startsWith("sqlx::") || c.imports().anyImport(Nodes.start(root), p -> p.startsWith("sqlx")));
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
}
