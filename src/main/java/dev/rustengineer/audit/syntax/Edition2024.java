package dev.rustengineer.audit.syntax;

import dev.rustengineer.audit.RustLexer;
import java.util.Arrays;
import java.util.List;

/**
 * Edition-2024 syntax the grammar cannot parse: `unsafe extern "C" { pub safe fn f(); }`. The `unsafe` before
 * `extern {` and the `safe` before `fn`/`static` are blanked with as many spaces, so the block parses as a plain
 * extern block and every position stays where it was.
 */
public final class Edition2024 {
    private Edition2024() {}

    public static String blank(String text) {
        if (!text.contains("extern") || !text.contains("safe")) {
            return text;
        }
        List<RustLexer.Token> toks = RustLexer.tokens(text);
        char[] chars = text.toCharArray();
        boolean changed = false;
        for (int i = 0; i + 2 < toks.size(); i++) {
            RustLexer.Token t = toks.get(i);
            String next = toks.get(i + 1).text();
            String after = toks.get(i + 2).text();
            if (t.text().equals("unsafe") && next.equals("extern")
                    && (after.equals("{") || toks.get(i + 2).kind().equals("literal") && i + 3 < toks.size()
                            && toks.get(i + 3).text().equals("{"))) {
                Arrays.fill(chars, t.start(), t.end(), ' ');
                changed = true;
            }
            if (t.text().equals("safe") && t.kind().equals("ident") && (next.equals("fn") || next.equals("static"))) {
                Arrays.fill(chars, t.start(), t.end(), ' ');
                changed = true;
            }
        }
        return changed ? new String(chars) : text;
    }
}
