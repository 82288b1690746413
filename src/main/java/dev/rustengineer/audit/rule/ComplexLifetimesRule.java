package dev.rustengineer.audit.rule;

import dev.rustengineer.audit.scope.FileContext;
import dev.rustengineer.audit.syntax.Nodes;
import dev.rustengineer.audit.syntax.RustFile;
import java.util.regex.Pattern;
import org.treesitter.TSNode;

/**
 * complex-lifetimes: an item with a higher-ranked `for<'x>` bound, or with two or more lifetime parameters and a
 * trait bound that mentions a lifetime (`<'a, 'de, V: Visitor<'de>>`, or in the where clause).
 */
public record ComplexLifetimesRule() implements Rule {
    private static final Pattern LIFETIME = Pattern.compile("'[A-Za-z_]\\w*");
    private static final Pattern HRTB = Pattern.compile("\\bfor\\s*<\\s*'");
    private static final Pattern BOUND_WITH_LIFETIME = Pattern.compile(":\\s*[A-Za-z_][\\w:]*<[^>]*'[A-Za-z_]");

    @Override
    public String id() {
        return "complex-lifetimes";
    }

    @Override
    public void check(FileContext c, Report report) {
        RustFile f = c.file();
        for (TSNode n : f.all("fn")) {
            check(c, n, "fn " + Nodes.name(f, n), report);
        }
        for (TSNode n : f.all("fn_sig")) {
            check(c, n, "fn " + Nodes.name(f, n), report);
        }
        for (TSNode n : f.all("impl")) {
            check(c, n, "impl", report);
        }
        for (TSNode n : f.all("trait")) {
            check(c, n, "trait " + Nodes.name(f, n), report);
        }
        for (TSNode n : f.all("struct")) {
            check(c, n, "struct " + Nodes.name(f, n), report);
        }
        for (TSNode n : f.all("enum")) {
            check(c, n, "enum " + Nodes.name(f, n), report);
        }
    }

    private void check(FileContext c, TSNode item, String what, Report report) {
        TSNode params = Nodes.field(item, "type_parameters");
        String generics = params == null ? "" : c.text(params);
        String sig = Nodes.signature(c.file(), item);
        if (HRTB.matcher(sig).find()) {
            report.at(item, "`" + what + "` has a higher-ranked `for<'_>` bound");
            return;
        }
        int count = lifetimeParameters(generics);
        if (count < 2) {
            return;
        }
        String where = sig.contains("where") ? sig.substring(sig.lastIndexOf("where")) : "";
        boolean bound = false;
        for (String part : (generics + " " + where).split("[,<>]")) {
            int colon = part.indexOf(':');
            if (colon >= 0 && LIFETIME.matcher(part.substring(colon)).find()) {
                bound = true;
                break;
            }
        }
        if (bound || BOUND_WITH_LIFETIME.matcher(generics + where).find()) {
            report.at(item, "`" + what + "` declares " + count + " lifetimes and a trait bound that mentions one");
        }
    }

    /** How many of the generics' own parameters are lifetimes (`<'a, 'b: 'a, T: Foo<'a>>` has two). */
    public static int lifetimeParameters(String generics) {
        String g = generics.strip();
        if (!g.startsWith("<") || !g.endsWith(">")) {
            return 0;
        }
        int count = 0;
        int depth = 0;
        boolean atStart = true;
        for (int i = 1; i < g.length() - 1; i++) {
            char ch = g.charAt(i);
            if (ch == '<' || ch == '(' || ch == '[') {
                depth++;
            } else if (ch == '>' || ch == ')' || ch == ']') {
                depth--;
            } else if (ch == ',' && depth == 0) {
                atStart = true;
                continue;
            }
            if (atStart && !Character.isWhitespace(ch)) {
                if (ch == '\'' && depth == 0) {
                    count++;
                }
                atStart = false;
            }
        }
        return count;
    }
}
