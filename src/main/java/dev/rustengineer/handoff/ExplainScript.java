package dev.rustengineer.handoff;

import java.util.List;
import java.util.Map;

/**
 * explain.sql: EXPLAIN (ANALYZE, BUFFERS) of every statement on PostgreSQL, in one transaction that is rolled
 * back, the project's migrations applied first, so it runs on an empty database and leaves nothing behind.
 * Each statement is prepared, so PostgreSQL itself says the types of its parameters, and is executed with a
 * sample value of each type; one that cannot run that way says why instead of a plan.
 */
final class ExplainScript {
    private ExplainScript() {}

    static String of(String name, Map<String, String> migrations, List<SqlStatements.Statement> statements) {
        var sql = new StringBuilder();
        sql.append("-- EXPLAIN ANALYZE of the statements in ").append(name).append("'s source, made by rust-engineer handoff.\n")
                .append("-- One transaction, rolled back at the end: the migrations are applied first and nothing stays.\n")
                .append("-- Run on an empty database: psql \"$DATABASE_URL\" -X -q -v ON_ERROR_STOP=1 -f explain.sql\n")
                .append("\\pset tuples_only on\n\\pset format unaligned\nBEGIN;\n\n");
        migrations.forEach((file, text) -> sql.append("-- ").append(file).append('\n').append(text.strip()).append("\n\n"));
        sql.append("""
                CREATE FUNCTION pg_temp.handoff_sample(t regtype) RETURNS text LANGUAGE sql AS $fn$
                  SELECT CASE
                    WHEN t IN ('smallint'::regtype, 'integer'::regtype, 'bigint'::regtype, 'numeric'::regtype, 'real'::regtype,
                               'double precision'::regtype) THEN '1'
                    WHEN t = 'boolean'::regtype THEN 'false'
                    WHEN t IN ('timestamp with time zone'::regtype, 'timestamp without time zone'::regtype, 'date'::regtype) THEN 'now()'
                    WHEN t = 'uuid'::regtype THEN 'gen_random_uuid()'
                    WHEN t IN ('json'::regtype, 'jsonb'::regtype) THEN '''{}'''
                    ELSE '''x'''
                  END || '::' || t::text
                $fn$;

                CREATE FUNCTION pg_temp.handoff_explain(label text, id text, stmt text) RETURNS SETOF text LANGUAGE plpgsql AS $fn$
                DECLARE
                  args text;
                  line text;
                BEGIN
                  RETURN NEXT '=== ' || label;
                  BEGIN
                    EXECUTE format('PREPARE %I AS %s', id, stmt);
                    SELECT string_agg(pg_temp.handoff_sample(p.t), ', ' ORDER BY p.n) INTO args
                      FROM pg_prepared_statements, unnest(parameter_types) WITH ORDINALITY AS p(t, n) WHERE name = id;
                    FOR line IN EXECUTE format('EXPLAIN (ANALYZE, BUFFERS) EXECUTE %I%s', id, coalesce('(' || args || ')', '')) LOOP
                      RETURN NEXT line;
                    END LOOP;
                  EXCEPTION WHEN OTHERS THEN
                    RETURN NEXT 'not run: ' || SQLERRM;
                  END;
                  BEGIN
                    EXECUTE format('DEALLOCATE %I', id);
                  EXCEPTION WHEN OTHERS THEN
                    NULL;
                  END;
                END
                $fn$;

                """);
        int n = 0;
        for (var s : statements) {
            if (!s.explainable()) {
                continue;
            }
            n++;
            sql.append("SELECT pg_temp.handoff_explain('S").append(n).append(' ').append(s.file()).append(':').append(s.line())
                    .append("', 'handoff_s").append(n).append("', $sql$").append(s.sql()).append("$sql$);\n");
        }
        sql.append("\nROLLBACK;\n");
        return sql.toString();
    }
}
