package dev.rustengineer.audit.notes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the suppression comments of one file and the lines each covers:
 * <ul>
 *   <li>after code on the same line ({@code x.unwrap(); // rust-engineer: allow(unwrap-in-production) checked above}):
 *       that line;</li>
 *   <li>on a line of its own: the next line of code (further comment lines in between are skipped, so several
 *       suppressions can stack above one line);</li>
 *   <li>on a line of its own above an outer attribute block ({@code #[...]}): the attributes and the whole item they
 *       decorate, as tree-sitter delimits it ({@link ItemSpan}).</li>
 * </ul>
 */
public final class SuppressionScanner {
    /** The marker every directive starts with; files without it are rejected with one byte search. */
    public static final String MARKER = "rust-engineer:";
    private static final byte[] MARKER_BYTES = MARKER.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final Pattern COMMENT = Pattern.compile("//[/!]?\\s*rust-engineer:(.*)$");
    private static final Pattern ALLOW = Pattern.compile("\\s*allow\\s*\\(([^)]*)\\)(.*)");
    /** Separators people put between the parentheses and the reason: `) - why`, `): why`, `) — why`. */
    private static final Pattern REASON_LEAD = Pattern.compile("^[\\s:;,\\-\u2013\u2014]+");

    private SuppressionScanner() {}

    /** Whether the file's bytes contain the marker at all (most files do not; they skip the scan). */
    public static boolean mentionsMarker(byte[] raw) {
        outer:
        for (int i = 0; i <= raw.length - MARKER_BYTES.length; i++) {
            for (int j = 0; j < MARKER_BYTES.length; j++) {
                if (raw[i + j] != MARKER_BYTES[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    public static List<Suppression> scan(String text) {
        if (!text.contains(MARKER)) {
            return List.of();
        }
        String[] lines = text.split("\r?\n", -1);
        List<Suppression> out = new ArrayList<>();
        try (LazyItemEnd itemEnd = new LazyItemEnd(text)) {
            for (int i = 0; i < lines.length; i++) {
                Matcher m = COMMENT.matcher(lines[i]);
                if (!lines[i].contains(MARKER) || !m.find() || insideString(lines[i], m.start())) {
                    continue;
                }
                String before = lines[i].substring(0, m.start());
                int column = before.codePointCount(0, before.length()) + 1;
                List<String> rules = List.of();
                String reason = "";
                Matcher a = ALLOW.matcher(m.group(1));
                if (a.matches()) {
                    rules = Arrays.stream(a.group(1).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
                    reason = REASON_LEAD.matcher(a.group(2)).replaceFirst("").strip();
                }
                int line = i + 1;
                int[] span = before.isBlank() ? ownLineSpan(lines, i, itemEnd) : new int[] {line, line};
                out.add(new Suppression(line, column, rules, reason, span[0], span[1]));
            }
        }
        return out;
    }

    /** The lines a suppression on its own line (0-based row {@code row}) covers, 1-based inclusive. */
    private static int[] ownLineSpan(String[] lines, int row, IntUnaryOperator itemEnd) {
        int t = row + 1;
        while (t < lines.length && (lines[t].isBlank() || lines[t].stripLeading().startsWith("//"))) {
            t++;
        }
        if (t >= lines.length) {
            return new int[] {row + 1, row + 1};
        }
        String code = lines[t].stripLeading();
        if (code.startsWith("#[") || code.startsWith("# [")) {
            int end = itemEnd.applyAsInt(t + 1);
            if (end < 0) {
                // No item found (an attribute on a statement or a field the grammar nests differently, or a parse
                // error): the attribute lines and the first line after them.
                int u = t;
                while (u + 1 < lines.length && (lines[u].stripLeading().startsWith("#") || lines[u].isBlank())) {
                    u++;
                }
                end = u + 1;
            }
            return new int[] {row + 1, end};
        }
        return new int[] {row + 1, t + 1};
    }

    /** Whether {@code index} falls inside a string literal that started earlier on the line (an odd number of quotes). */
    static boolean insideString(String line, int index) {
        boolean in = false;
        for (int i = 0; i < index; i++) {
            char c = line.charAt(i);
            if (c == '\\' && in) {
                i++;
            } else if (c == '"') {
                in = !in;
            } else if (c == '\'' && !in && i + 2 < line.length() && line.charAt(i + 2) == '\'') {
                i += 2; // a char literal such as '"'
            }
        }
        return in;
    }

    /** Parses the file with tree-sitter only when a suppression sits above an attribute block, and only once. */
    private static final class LazyItemEnd implements IntUnaryOperator, AutoCloseable {
        private final String text;
        private ItemSpan spans;

        LazyItemEnd(String text) {
            this.text = text;
        }

        @Override
        public int applyAsInt(int attributeLine) {
            if (spans == null) {
                spans = ItemSpan.parse(text);
            }
            return spans.lastLineOfItemAt(attributeLine);
        }

        @Override
        public void close() {
            if (spans != null) {
                spans.close();
            }
        }
    }
}
