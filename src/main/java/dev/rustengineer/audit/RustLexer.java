package dev.rustengineer.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * A small Rust lexer: identifiers, lifetimes and punctuation, with comments, strings, raw strings, byte strings
 * and char literals skipped. Written by hand because the syntax tree cannot see inside macro token trees (where
 * about one `unsafe {` in nine of tokio's lives) and cannot parse edition-2024 `unsafe extern` blocks; this
 * reads those spots token by token without ever mistaking a string or comment for code.
 */
public final class RustLexer {
    /** @param kind ident, lifetime, punct or literal */
    public record Token(String kind, String text, int start, int end) {}

    private RustLexer() {}

    public static List<Token> tokens(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int depth = 1;
                i += 2;
                while (i < n && depth > 0) {
                    if (s.startsWith("/*", i)) {
                        depth++;
                        i += 2;
                    } else if (s.startsWith("*/", i)) {
                        depth--;
                        i += 2;
                    } else {
                        i++;
                    }
                }
            } else if (rawStringStart(s, i) >= 0) {
                int start = i;
                int p = rawStringStart(s, i);
                int hashes = 0;
                while (p < n && s.charAt(p) == '#') {
                    hashes++;
                    p++;
                }
                p++; // the opening quote
                String close = "\"" + "#".repeat(hashes);
                int end = s.indexOf(close, p);
                i = end < 0 ? n : end + close.length();
                out.add(new Token("literal", s.substring(start, Math.min(i, n)), start, i));
            } else if (c == '"' || (c == 'b' || c == 'c') && i + 1 < n && s.charAt(i + 1) == '"') {
                int start = i;
                i += c == '"' ? 1 : 2;
                while (i < n && s.charAt(i) != '"') {
                    i += s.charAt(i) == '\\' ? 2 : 1;
                }
                i = Math.min(i + 1, n);
                out.add(new Token("literal", s.substring(start, i), start, i));
            } else if (c == '\'' || c == 'b' && i + 1 < n && s.charAt(i + 1) == '\'') {
                int start = i;
                int q = c == '\'' ? i : i + 1;
                int lit = charLiteralEnd(s, q);
                if (lit > 0) {
                    i = lit;
                    out.add(new Token("literal", s.substring(start, i), start, i));
                } else if (c == '\'') {
                    int p = q + 1;
                    while (p < n && (Character.isLetterOrDigit(s.charAt(p)) || s.charAt(p) == '_')) {
                        p++;
                    }
                    out.add(new Token("lifetime", s.substring(q, p), q, p));
                    i = Math.max(p, q + 1);
                } else {
                    i++;
                }
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                    i++;
                }
                out.add(new Token("ident", s.substring(start, i), start, i));
            } else if (Character.isDigit(c)) {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '.'
                        && i + 1 < n && Character.isDigit(s.charAt(i + 1)))) {
                    i++;
                }
                out.add(new Token("literal", s.substring(start, i), start, i));
            } else {
                out.add(new Token("punct", String.valueOf(c), i, i + 1));
                i++;
            }
        }
        return out;
    }

    /** Where the `#`s or quote of a raw string start (after r or br or cr), or -1 when none starts at i. */
    private static int rawStringStart(String s, int i) {
        int p = i;
        if (p < s.length() && (s.charAt(p) == 'b' || s.charAt(p) == 'c')) {
            p++;
        }
        if (p >= s.length() || s.charAt(p) != 'r') {
            return -1;
        }
        if (i > 0 && (Character.isLetterOrDigit(s.charAt(i - 1)) || s.charAt(i - 1) == '_')) {
            return -1;
        }
        int q = p + 1;
        while (q < s.length() && s.charAt(q) == '#') {
            q++;
        }
        return q < s.length() && s.charAt(q) == '"' ? p + 1 : -1;
    }

    /** The end of a char literal starting at the quote at q ('x', '\n', a unicode escape), or -1 for a lifetime. */
    private static int charLiteralEnd(String s, int q) {
        int n = s.length();
        if (q + 2 < n && s.charAt(q + 1) == '\\') {
            int end = s.indexOf('\'', q + 3);
            return end > 0 && end - q <= 12 ? end + 1 : -1;
        }
        if (q + 2 < n) {
            int cp = s.codePointAt(q + 1);
            int after = q + 1 + Character.charCount(cp);
            if (after < n && s.charAt(after) == '\'') {
                return after + 1;
            }
        }
        return -1;
    }
}
