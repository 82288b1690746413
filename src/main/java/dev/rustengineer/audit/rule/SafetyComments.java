package dev.rustengineer.audit.rule;

import dev.rustengineer.audit.SourceText;
import dev.rustengineer.audit.scope.FileContext;
import dev.rustengineer.audit.syntax.Nodes;
import dev.rustengineer.audit.syntax.RustFile;
import java.util.Set;
import java.util.regex.Pattern;
import org.treesitter.TSNode;

/**
 * Whether an unsafe block says why it is sound: a `// SAFETY:` comment (any case: `Safety:`, `safety -`) on the
 * block's line, in the comment lines directly above it or above the statement it is part of, or in the comment
 * lines that open a block spanning several lines. A comment after a one-line block belongs to what follows, and
 * `// SAFETY: TODO` (or FIXME) is a placeholder, not a reason.
 */
final class SafetyComments {
    private static final Pattern SAFETY = Pattern.compile("(?i)\\bsafety\\s*[:\\-—]|^#?\\s*safety\\b");
    private static final Pattern PLACEHOLDER = Pattern.compile("(?i)\\bsafety\\b\\s*[:\\-—]?\\s*(todo|fixme|xxx|tbd)\\b\\W*$");
    private static final Set<String> STATEMENT_PARENTS = Set.of("block", "declaration_list", "source_file");

    private final RustFile f;
    private final SourceText src;
    private final String[] lines;

    SafetyComments(FileContext c) {
        this.f = c.file();
        this.src = c.src();
        this.lines = c.src().text().split("\n", -1);
    }

    /** For an unsafe block of the syntax tree. */
    boolean documented(TSNode block) {
        int row = src.row(Nodes.start(block));
        if (commented(lines[row]) || commentAbove(row) || opening(row, src.row(Nodes.end(block)))) {
            return true;
        }
        TSNode statement = block;
        for (TSNode p = f.parent(block); p != null && !STATEMENT_PARENTS.contains(Nodes.type(p)); p = f.parent(p)) {
            if (Nodes.type(p).equals("function_item") || Nodes.type(p).equals("closure_expression")) {
                break;
            }
            statement = p;
        }
        int top = src.row(Nodes.start(statement));
        return top != row && (commented(lines[top]) || commentAbove(top));
    }

    /** For an `unsafe {` at a row (inside a macro body): its line, the comments above, the comments opening it. */
    boolean documented(int row) {
        if (row >= lines.length) {
            return false;
        }
        // Without a tree the block's end is unknown: it spans lines when `{` ends the line.
        return commented(lines[row]) || commentAbove(row) || lines[row].strip().endsWith("{") && opening(row, lines.length);
    }

    /** The comment lines that open a block from `row` to `endRow` (none for a block on one line). */
    private boolean opening(int row, int endRow) {
        for (int r = row + 1; r < endRow && r < lines.length && isComment(lines[r].strip()); r++) {
            if (commented(lines[r])) {
                return true;
            }
        }
        return false;
    }

    private boolean commentAbove(int row) {
        for (int r = row - 1; r >= 0; r--) {
            String l = lines[r].strip();
            if (!isComment(l) && !l.startsWith("#[")) {
                return false;
            }
            if (commented(l)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isComment(String l) {
        return l.startsWith("//") || l.startsWith("/*") || l.startsWith("*") || l.endsWith("*/");
    }

    /** The comment part of a line mentions safety the way a SAFETY comment does. */
    private static boolean commented(String line) {
        int slash = line.indexOf("//");
        int block = line.indexOf("/*");
        int at = slash < 0 ? block : block < 0 ? slash : Math.min(slash, block);
        String comment = at >= 0 ? line.substring(at) : line.strip().startsWith("*") ? line.strip() : null;
        if (comment == null) {
            return false;
        }
        String text = comment.replaceFirst("^(//+!?|/\\*+!?|\\*+)\\s*", "").replaceFirst("\\*/\\s*$", "");
        return SAFETY.matcher(text).find() && !PLACEHOLDER.matcher(text).find();
    }
}
