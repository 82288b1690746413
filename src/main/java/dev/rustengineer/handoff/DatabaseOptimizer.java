package dev.rustengineer.handoff;

import dev.rustengineer.audit.Finding;
import dev.rustengineer.generate.ProjectWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * database-optimizer: every SQL statement in the source with its file and line, the audit's query-in-loop
 * (N+1) findings, the migrations, and an EXPLAIN ANALYZE of each statement on a real PostgreSQL (explain.sql,
 * run in a scratch database that is dropped afterwards). SQLx offline metadata is named where it applies.
 */
public record DatabaseOptimizer() implements Specialist {

    @Override
    public String id() {
        return "database-optimizer";
    }

    @Override
    public List<String> lacking(HandoffContext c) {
        if (SqlStatements.of(c.project()).isEmpty() && c.project().filesUnder("migrations", ".sql").isEmpty()) {
            return List.of("no SQL in the source and no migrations/; add " + c.knowledge().howToAdd("sql"));
        }
        return List.of();
    }

    @Override
    public HandoffPackage build(HandoffContext c) {
        RustProject p = c.project();
        String manifest = p.file("Cargo.toml").orElse("");
        boolean postgres = manifest.contains("\"postgres\"") || p.dependsOn("tokio-postgres") || p.dependsOn("postgres");
        boolean sqlx = p.dependsOn("sqlx");
        List<SqlStatements.Statement> statements = SqlStatements.of(p);
        Map<String, String> migrations = new LinkedHashMap<>();
        for (String m : p.filesUnder("migrations", ".sql")) {
            if (!m.endsWith(".down.sql") && !m.endsWith("/down.sql")) {
                migrations.put(m, p.file(m).orElse(""));
            }
        }
        var files = new TreeMap<String, String>();
        migrations.forEach(files::put);
        offlineMetadata(p).forEach((f, text) -> files.put(".sqlx/" + f, text));
        var queries = new StringBuilder("-- Every SQL statement in " + p.name() + "'s source (tests excluded), where it is written.\n\n");
        for (var s : statements) {
            queries.append("-- ").append(s.file()).append(':').append(s.line()).append(s.call().isEmpty() ? "" : " (" + s.call() + ")")
                    .append('\n').append(s.sql()).append(";\n\n");
        }
        files.put("queries.sql", queries.toString());
        List<Finding> loops = c.audit().get().findings().stream().filter(f -> f.rule().equals("query-in-loop")).toList();
        List<Check> checks = new ArrayList<>();
        var doc = new HandoffDoc(c)
                .built("`queries.sql`: the " + statements.size() + " SQL statements of the source, each under its file and line.")
                .built("`migrations/`: the schema, as the service applies it at start-up (" + migrations.size() + " files).");
        if (postgres) {
            files.put("explain.sql", ExplainScript.of(p.name(), migrations, statements));
            String script = "db=handoff_explain_$$; psql \"$HANDOFF_POSTGRES\" -X -q -c \"CREATE DATABASE $db\" && "
                    + "trap 'psql \"$HANDOFF_POSTGRES\" -X -q -c \"DROP DATABASE IF EXISTS $db\"' EXIT && "
                    + "psql \"${HANDOFF_POSTGRES%/*}/$db\" -X -q -v ON_ERROR_STOP=1 -f explain.sql > explain.txt 2>&1; rc=$?; cat explain.txt; exit $rc";
            checks.add(new Check("EXPLAIN ANALYZE of every statement on PostgreSQL (a scratch database, dropped after)", "psql", script,
                    c.databaseUrl() == null ? "no PostgreSQL server given: pass --database-url postgres://USER@HOST:PORT/postgres "
                            + "(scripts/setup.d/20-postgres.sh starts one on 127.0.0.1:55432)" : null,
                    c.databaseUrl() == null ? Map.of() : Map.of("HANDOFF_POSTGRES", c.databaseUrl())));
            Check explain = checks.getLast();
            String report = explain.skipReason() == null ? runNow(explain, files.get("explain.sql")) : null;
            if (report != null) {
                files.put("explain.txt", report);
                doc.section("EXPLAIN ANALYZE on an empty schema", explainSummary(report));
            }
            doc.built("`explain.sql`: EXPLAIN (ANALYZE, BUFFERS) of every statement that reads or writes rows, after the migrations, in one "
                    + "transaction rolled back at the end; the check below writes its output to `explain.txt` (a statement that cannot run "
                    + "with sample parameters on the empty schema says `not run:` and why).");
        } else {
            doc.built("no EXPLAIN ANALYZE: the project runs on " + (manifest.contains("\"sqlite\"") ? "SQLite" : "a database other than PostgreSQL")
                    + "; the same service on PostgreSQL is `rust-engineer new NAME --db postgres`, whose package has explain.sql.");
        }
        long macros = statements.stream().filter(st -> st.call().endsWith("!")).count();
        if (postgres && sqlx && macros > 0 && !migrations.isEmpty()) {
            checks.add(sqlxPrepare(c));
            doc.built("`.sqlx/`: SQLx's offline query metadata for the " + macros + " `query!` statements, written by the check below "
                    + "exactly as `cargo sqlx prepare` writes it (the macros against the migrated schema, SQLX_OFFLINE_DIR pointing here).");
        }
        doc.contract(statementTable(statements));
        doc.section("N+1: queries in loops (audit rule query-in-loop)", loops.isEmpty()
                ? "None: no query runs inside a loop in the source (`rust-engineer audit " + p.root() + "` reviews it again)."
                : String.join("\n", loops.stream().map(f -> "- `" + f.file() + ":" + f.line() + "`: " + f.message()).toList()));
        doc.section("SQLx compile-time verification", sqlxNote(p, sqlx, statements));
        files.put("HANDOFF.md", doc.render(checks));
        return new HandoffPackage(id(), files, checks);
    }

    /**
     * What `cargo sqlx prepare` does, without sqlx-cli (a 6.5-minute cargo install here): the migrations applied
     * to a scratch database, the crate checked again with DATABASE_URL on it and SQLX_OFFLINE_DIR on the package's
     * .sqlx/, where the query! macros save each query's data.
     */
    private static Check sqlxPrepare(HandoffContext c) {
        String script = "db=handoff_sqlx_$$; base=\"${HANDOFF_POSTGRES%/*}\"; psql \"$HANDOFF_POSTGRES\" -X -q -c \"CREATE DATABASE $db\" && "
                + "trap 'psql \"$HANDOFF_POSTGRES\" -X -q -c \"DROP DATABASE IF EXISTS $db\"' EXIT && "
                + "for f in migrations/*.sql; do psql \"$base/$db\" -X -q -v ON_ERROR_STOP=1 -f \"$f\" > /dev/null || exit 1; done && "
                + "rm -rf .sqlx && mkdir .sqlx && out=\"$PWD/.sqlx\" && (cd \"$HANDOFF_PROJECT\" && cargo clean --quiet -p " + c.project().name()
                + " && DATABASE_URL=\"$base/$db\" SQLX_OFFLINE=false SQLX_OFFLINE_DIR=\"$out\" cargo check --quiet --all-targets) && "
                + "n=$(ls .sqlx | wc -l) && echo \"$n queries in .sqlx/\" && [ \"$n\" -gt 0 ]";
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HANDOFF_PROJECT", c.project().root().toString());
        if (c.databaseUrl() != null) {
            env.put("HANDOFF_POSTGRES", c.databaseUrl());
        }
        if (c.cargoTargetDir() != null) {
            env.put("CARGO_TARGET_DIR", c.cargoTargetDir().toAbsolutePath().toString());
        }
        return new Check("SQLx offline query metadata (.sqlx/, as cargo sqlx prepare writes it)", "cargo", script,
                c.databaseUrl() == null ? "no PostgreSQL server given: pass --database-url" : null, env);
    }

    /** The project's `.sqlx/` query files (what `cargo sqlx prepare` wrote), by name. */
    static Map<String, String> offlineMetadata(RustProject p) {
        Map<String, String> out = new TreeMap<>();
        java.nio.file.Path dir = p.root().resolve(".sqlx");
        if (java.nio.file.Files.isDirectory(dir)) {
            try (var list = java.nio.file.Files.list(dir)) {
                list.filter(f -> f.getFileName().toString().endsWith(".json"))
                        .forEach(f -> out.put(f.getFileName().toString(), p.file(".sqlx/" + f.getFileName()).orElse("")));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return out;
    }

    /** Runs explain.sql once while the package is made, so HANDOFF.md can summarise the plans; null when it fails. */
    private static String runNow(Check explain, String script) {
        try {
            java.nio.file.Path tmp = java.nio.file.Files.createTempDirectory("rust-engineer-explain-");
            try {
                java.nio.file.Files.writeString(tmp.resolve("explain.sql"), script);
                var result = new CheckRunner().run(tmp, explain);
                var out = tmp.resolve("explain.txt");
                return result.status() == CheckResult.Status.PASSED && java.nio.file.Files.exists(out) ? java.nio.file.Files.readString(out) : null;
            } finally {
                ProjectWriter.deleteTree(tmp);
            }
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** One row per statement: its top plan node, the scans, the execution time; a statement not run says why. */
    static String explainSummary(String report) {
        var md = new StringBuilder("""
                From `explain.txt` (PostgreSQL, the migrations applied, one sample row at most). On tables this small the
                planner rightly prefers sequential scans: read the plans for their shape (which index, which join), and run
                explain.sql again on a copy of production-sized data for the costs.

                | statement | plan | scans | execution time |
                |---|---|---|---|
                """);
        String label = null;
        String top = null;
        List<String> scans = new ArrayList<>();
        String time = "";
        for (String line : (report + "\n=== end").lines().toList()) {
            if (line.startsWith("=== ")) {
                if (label != null) {
                    md.append("| ").append(label).append(" | ").append(top == null ? "" : "`" + top + "`").append(" | ")
                            .append(String.join(", ", scans.stream().distinct().toList())).append(" | ").append(time).append(" |\n");
                }
                label = line.substring(4).strip();
                top = null;
                scans = new ArrayList<>();
                time = "";
            } else if (line.startsWith("not run: ")) {
                top = line;
            } else if (top == null && !line.isBlank()) {
                top = line.replaceAll("\\s+\\(cost=.*", "").strip();
            } else if (line.contains(" Scan ")) {
                scans.add(line.replaceAll("^[\\s>-]*", "").replaceAll("\\s+\\(cost=.*", "").strip());
            } else if (line.startsWith("Execution Time: ")) {
                time = line.substring("Execution Time: ".length());
            }
            if (top != null && top.contains(" Scan ") && scans.isEmpty()) {
                scans.add(top);
            }
        }
        return md.toString();
    }

    private static String statementTable(List<SqlStatements.Statement> statements) {
        var md = new StringBuilder("The statements below are what the service sends; their parameters are bound ($1, $2, ...), never spliced.\n\n");
        md.append("| # | where | call | statement |\n|---|---|---|---|\n");
        int n = 0;
        int explained = 0;
        for (var s : statements) {
            n++;
            String id = s.explainable() ? "S" + (++explained) : "-";
            md.append("| ").append(n).append(" (").append(id).append(") | `").append(s.file()).append(':').append(s.line()).append("` | `")
                    .append(s.call().isEmpty() ? "-" : s.call()).append("` | `").append(s.sql().replace("|", "\\|")).append("` |\n");
        }
        md.append("\nS1, S2, ... are the labels in explain.sql and explain.txt; `-` marks statements EXPLAIN does not apply to (DDL, probes).");
        return md.toString();
    }

    private static String sqlxNote(RustProject p, boolean sqlx, List<SqlStatements.Statement> statements) {
        if (!sqlx) {
            return "The project does not use SQLx: there is no offline query metadata (`cargo sqlx prepare`).";
        }
        long macros = statements.stream().filter(s -> s.call().endsWith("!")).count();
        if (macros == 0) {
            return "The project uses SQLx's runtime functions (`sqlx::query`, `query_as::<_, T>`), not the `query!` macros, so there is "
                    + "no compile-time verification and `cargo sqlx prepare` has nothing to record. Moving a statement to `query!`/"
                    + "`query_as!` makes cargo check it against the schema; then `cargo sqlx prepare` writes `.sqlx/` for offline builds "
                    + "(sqlx-cli: `cargo install sqlx-cli --no-default-features --features postgres,sqlite,rustls`).";
        }
        int prepared = offlineMetadata(p).size();
        return macros + " statements use SQLx's `query!` macros, checked by cargo against the schema. "
                + (prepared > 0 ? "The project's offline query metadata is in this package's `.sqlx/` (" + prepared + " queries, as `cargo sqlx "
                        + "prepare` wrote them: each query's parameter and column types as SQLx saw them). "
                        : "The project has no `.sqlx/`: ")
                + "`cargo sqlx prepare` in " + p.root() + " (DATABASE_URL on a migrated database) writes it again; commit it so builds "
                + "without a database (`SQLX_OFFLINE=true`) still check every query.";
    }
}
