package dev.rustengineer.audit.scope;

import dev.rustengineer.audit.RustLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A `cfg(..)` predicate, read far enough to answer one question: is the code compiled only when testing?
 * `test` and `all(test, ..)` are; `any(test, feature = "x")` is not (the feature builds it without tests),
 * `any(test, all(test, x))` is, `not(..)` never is. A feature named for test support (`feature = "testing"`,
 * `"test-util"`) counts as `test`.
 */
public final class CfgPredicate {
    /**
     * A cargo feature that exists to build test support (`testing`, `test-util`, `test-utils`, `test_helpers`,
     * `mocks`): code behind it is test code, like code behind `test` (loco's `#[cfg(feature = "testing")] mod
     * tests_cfg`, tokio's `test-util`).
     */
    private static final Pattern TEST_SUPPORT_FEATURE = Pattern.compile(
            "\"(?:tests?|testing|test[-_]?(?:utils?|support|helpers?|fixtures?)|mocks?|mocking)\"");
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
            String value = toks.get(i + 1).text();
            i += 2; // key = "value"
            return name.equals("feature") && TEST_SUPPORT_FEATURE.matcher(value).matches();
        }
        return name.equals("test");
    }
}
