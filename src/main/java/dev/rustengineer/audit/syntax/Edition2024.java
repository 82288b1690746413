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
        if (!text.contains("extern") || !text.contains("safe") || !mayApply(text)) {
            return text;
        }
        return blankTokens(text);
    }

    /** The blanking itself, token by token. */
    static String blankTokens(String text) {
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

    /**
     * Whether the text has what the lexer's test below needs, from its characters alone: a word `safe`, or a word
     * `unsafe` followed (after whitespace) by `extern` or a comment. Files with `unsafe` and `extern` but neither are
     * most of the unsafe code there is; lexing each whole file only to blank nothing was a measurable share of the
     * audit's Java time.
     */
    static boolean mayApply(String text) {
        for (int i = text.indexOf("safe"); i >= 0; i = text.indexOf("safe", i + 1)) {
            int end = i + "safe".length();
            if (end < text.length() && isWordChar(text.charAt(end))) {
                continue;
            }
            if (i == 0 || !isWordChar(text.charAt(i - 1))) {
                return true; // `safe fn`, `safe static`
            }
            int u = i - 2;
            if (u >= 0 && text.startsWith("un", u) && (u == 0 || !isWordChar(text.charAt(u - 1)))) {
                int j = end;
                while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
                    j++;
                }
                if (text.startsWith("extern", j) || text.startsWith("/", j)) {
                    return true; // `unsafe extern`, or a comment between the two
                }
            }
        }
        return false;
    }

    /** A character that continues an identifier, exactly as {@link RustLexer} reads one. */
    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
