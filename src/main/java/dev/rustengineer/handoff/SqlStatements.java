package dev.rustengineer.handoff;

import dev.rustengineer.audit.RustLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every SQL statement written as a string in the project's Rust source (tests excluded), found with the audit's
 * lexer so comments and non-string code are never mistaken for SQL: literals whose text starts with an SQL
 * verb, with the call that runs them (sqlx::query_as, query!, sql_query, ...).
 */
final class SqlStatements {
    record Statement(String file, int line, String call, String sql) {
        /** Whether it reads or writes rows (EXPLAIN ANALYZE applies), as opposed to DDL or a bare probe. */
        boolean explainable() {
            return DML.matcher(sql).lookingAt() && !sql.strip().equalsIgnoreCase("SELECT 1");
        }
    }

    private static final Pattern SQL = Pattern.compile("(?is)\\s*(SELECT|INSERT|UPDATE|DELETE|WITH|CREATE|ALTER|DROP|PRAGMA|REPLACE)\\s.*");
    private static final Pattern DML = Pattern.compile("(?is)\\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\\s");
    private static final Set<String> CALLS = Set.of("query", "query_as", "query_scalar", "query_with", "query_as_with", "query_scalar_with",
            "query_unchecked", "query_as_unchecked", "query_scalar_unchecked", "sql_query", "execute", "prepare", "query_one", "query_opt",
            "batch_execute", "raw_sql");

    private SqlStatements() {}

    static List<Statement> of(RustProject project) {
        List<Statement> out = new ArrayList<>();
        for (var source : project.sources().entrySet()) {
            if (source.getKey().startsWith("tests/") || source.getKey().startsWith("benches/") || source.getKey().equals("build.rs")) {
                continue;
            }
            String text = source.getValue();
            var tokens = RustLexer.tokens(text);
            for (int i = 0; i < tokens.size(); i++) {
                var t = tokens.get(i);
                if (!t.kind().equals("literal") || t.text().startsWith("b") || t.text().startsWith("'")) {
                    continue;
                }
                String value = value(t.text());
                if (value == null || !SQL.matcher(value).matches()) {
                    continue;
                }
                String call = "";
                for (int j = i - 1; j >= Math.max(0, i - 12); j--) {
                    var b = tokens.get(j);
                    if (b.kind().equals("ident") && CALLS.contains(b.text())) {
                        call = b.text() + (j + 1 < tokens.size() && tokens.get(j + 1).text().equals("!") ? "!" : "");
                        break;
                    }
                }
                int line = 1;
                for (int k = 0; k < t.start(); k++) {
                    if (text.charAt(k) == '\n') {
                        line++;
                    }
                }
                out.add(new Statement(source.getKey(), line, call, value.strip().replaceAll("\\s+", " ")));
            }
        }
        return out;
    }

    /** The text of a string literal token: escapes and line continuations resolved; raw strings as written. */
    static String value(String literal) {
        if (literal.startsWith("r")) {
            int open = literal.indexOf('"');
            int hashes = open - 1;
            return literal.substring(open + 1, Math.max(open + 1, literal.length() - 1 - hashes));
        }
        if (literal.startsWith("c")) {
            literal = literal.substring(1);
        }
        if (!literal.startsWith("\"") || literal.length() < 2) {
            return null;
        }
        String body = literal.substring(1, literal.length() - 1);
        var out = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 >= body.length()) {
                out.append(c);
                continue;
            }
            char e = body.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case '0' -> out.append('\0');
                case '\n', '\r' -> {
                    while (i + 1 < body.length() && Character.isWhitespace(body.charAt(i + 1))) {
                        i++;
                    }
                }
                default -> out.append(e);
            }
        }
        return out.toString();
    }
}
