package dev.rustengineer.audit.scope;

import dev.rustengineer.audit.RustLexer;
import java.util.ArrayList;
import java.util.List;

/**
 * A `cfg(..)` predicate, read far enough to answer one question: is the code compiled only when testing?
 * `test` and `all(test, ..)` are; `any(test, feature = "x")` is not (the feature builds it without tests),
 * `any(test, all(test, x))` is, `not(..)` never is.
 */
public final class CfgPredicate {
    private final List<RustLexer.Token> toks;
    private int i;

    private CfgPredicate(String text) {
        this.toks = RustLexer.tokens(text);
    }

    /** For the inside of `cfg(...)`; false when it does not read as a predicate. */
    public static boolean requiresTest(String predicate) {
        CfgPredicate p = new CfgPredicate(predicate);
        try {
            return p.predicate();
        } catch (IndexOutOfBoundsException e) {
            return false;
        }
    }

    private boolean predicate() {
        RustLexer.Token t = toks.get(i++);
        String name = t.text();
        if (i < toks.size() && toks.get(i).text().equals("(") && (name.equals("all") || name.equals("any") || name.equals("not"))) {
            i++;
            List<Boolean> parts = new ArrayList<>();
            while (!toks.get(i).text().equals(")")) {
                parts.add(predicate());
                if (toks.get(i).text().equals(",")) {
                    i++;
                }
            }
            i++;
            return switch (name) {
                case "all" -> parts.contains(true);
                case "any" -> !parts.isEmpty() && !parts.contains(false);
                default -> false;
            };
        }
        if (i < toks.size() && toks.get(i).text().equals("=")) {
            i += 2; // key = "value"
            return false;
        }
        return name.equals("test");
    }
}
