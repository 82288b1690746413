package dev.rustengineer.audit.notes;

import java.util.Set;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSPoint;
import org.treesitter.TSTree;
import org.treesitter.TreeSitterRust;

/**
 * Where an item that starts with an attribute block ends, from tree-sitter's parse: in the Rust grammar the
 * {@code attribute_item}s are siblings before the item they decorate, so the item is the next named sibling that is
 * neither an attribute nor a comment. Only files with a suppression above an attribute are parsed for this.
 */
final class ItemSpan implements AutoCloseable {
    private static final Set<String> BEFORE_ITEM = Set.of("attribute_item", "line_comment", "block_comment");
    private static final ThreadLocal<TSParser> PARSER = ThreadLocal.withInitial(() -> {
        TSParser p = new TSParser();
        p.setLanguage(new TreeSitterRust());
        return p;
    });

    private final String[] lines;
    private final TSTree tree;

    private ItemSpan(String text) {
        this.lines = text.split("\n", -1);
        this.tree = PARSER.get().parseString(null, text);
    }

    static ItemSpan parse(String text) {
        return new ItemSpan(text);
    }

    /**
     * The 1-based last line of the item whose attribute block has an attribute on {@code attributeLine} (1-based),
     * or -1 when no attribute starts there or it decorates nothing the grammar calls a sibling.
     */
    int lastLineOfItemAt(int attributeLine) {
        int row = attributeLine - 1;
        if (row < 0 || row >= lines.length) {
            return -1;
        }
        String line = lines[row];
        int column = line.length() - line.stripLeading().length(); // leading whitespace is ASCII: chars are bytes
        TSPoint at = new TSPoint(row, column);
        TSNode node = tree.getRootNode().getDescendantForPointRange(at, at);
        while (node != null && !node.isNull() && !node.getType().equals("attribute_item")) {
            node = node.getParent();
        }
        if (node == null || node.isNull()) {
            return -1;
        }
        TSNode item = node.getNextNamedSibling();
        while (item != null && !item.isNull() && BEFORE_ITEM.contains(item.getType())) {
            item = item.getNextNamedSibling();
        }
        if (item == null || item.isNull()) {
            return -1;
        }
        TSPoint end = item.getEndPoint();
        // An end at column 0 is the start of the line after the item's last character.
        return end.getColumn() == 0 && end.getRow() > row ? end.getRow() : end.getRow() + 1;
    }

    @Override
    public void close() {
        tree.close();
    }
}
