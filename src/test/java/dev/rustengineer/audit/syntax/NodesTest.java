package dev.rustengineer.audit.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.treesitter.TSException;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSTree;

/**
 * The fast node reads of {@link Nodes} read the binding's private fields and call its natives directly: they must
 * give what the binding's own methods give, for every node of a file, and fail as they do on a null node.
 */
class NodesTest {
    private static final String CODE = """
            #[cfg(test)]
            mod tests {
                use std::fs;
                async fn f<'a>(x: &'a str) -> Result<(), E> { let (a, b) = g::<u8>(x).await?; v.iter().map(|y| y + 1); Ok(()) }
                macro_rules! m { ($e:expr) => { unsafe { $e } } }
                fn broken( { "é" }
            }
            """;

    @Test
    void everyNodeReadsAsTheBindingReadsIt() {
        TSParser parser = new TSParser();
        parser.setLanguage(RustFile.language());
        try (TSTree tree = parser.parseString(null, CODE)) {
            List<TSNode> all = new ArrayList<>();
            collect(tree.getRootNode(), all);
            assertThat(all).hasSizeGreaterThan(100);
            assertThat(all).anyMatch(TSNode::isMissing); // the broken fn: a node the parser made up
            for (TSNode n : all) {
                assertThat(Nodes.present(n)).isTrue();
                assertThat(Nodes.start(n)).isEqualTo(n.getStartByte());
                assertThat(Nodes.end(n)).isEqualTo(n.getEndByte());
                assertThat(Nodes.type(n)).isEqualTo(n.getType());
                TSNode parent = Nodes.parent(n);
                assertThat(Nodes.present(parent)).isEqualTo(!n.getParent().isNull());
                if (Nodes.present(parent)) {
                    assertThat(Nodes.start(parent)).isEqualTo(n.getParent().getStartByte());
                    assertThat(Nodes.end(parent)).isEqualTo(n.getParent().getEndByte());
                    assertThat(parent.getTree()).isSameAs(n.getTree());
                }
                for (String field : List.of("name", "body", "function", "pattern", "value")) {
                    TSNode mine = Nodes.childByField(n, field);
                    TSNode theirs = n.getChildByFieldName(field);
                    assertThat(mine.isNull()).isEqualTo(theirs.isNull());
                    assertThat(Nodes.field(n, field) == null).isEqualTo(theirs.isNull());
                    if (!theirs.isNull()) {
                        assertThat(Nodes.start(mine)).isEqualTo(theirs.getStartByte());
                        assertThat(Nodes.end(mine)).isEqualTo(theirs.getEndByte());
                    }
                }
                assertThat(Nodes.namedChildCount(n)).isEqualTo(n.getNamedChildCount());
                for (int i = 0; i <= n.getNamedChildCount(); i++) {
                    assertSame(Nodes.namedChild(n, i), n.getNamedChild(i));
                }
                assertSame(Nodes.nextNamedSibling(n), n.getNextNamedSibling());
                assertSame(Nodes.prevNamedSibling(n), n.getPrevNamedSibling());
            }
            TSNode none = Nodes.parent(tree.getRootNode());
            assertThat(none.isNull()).isTrue();
            assertThat(Nodes.present(none)).isFalse();
            assertThat(Nodes.present(null)).isFalse();
            assertThatThrownBy(() -> Nodes.end(none)).isInstanceOf(TSException.class);
            assertThatThrownBy(() -> Nodes.type(none)).isInstanceOf(TSException.class);
            assertThatThrownBy(() -> Nodes.start(none)).isInstanceOf(TSException.class);
            assertThatThrownBy(() -> Nodes.namedChildCount(none)).isInstanceOf(TSException.class);
            assertThatThrownBy(() -> Nodes.nextNamedSibling(none)).isInstanceOf(TSException.class);
        }
    }

    /** The same node or both null nodes (past the last child, before the first sibling), in the same tree. */
    private static void assertSame(TSNode mine, TSNode theirs) {
        assertThat(Nodes.present(mine)).isEqualTo(!theirs.isNull());
        if (!theirs.isNull()) {
            assertThat(Nodes.start(mine)).isEqualTo(theirs.getStartByte());
            assertThat(Nodes.end(mine)).isEqualTo(theirs.getEndByte());
            assertThat(Nodes.type(mine)).isEqualTo(theirs.getType());
            assertThat(mine.getTree()).isSameAs(theirs.getTree());
        }
    }

    private static void collect(TSNode n, List<TSNode> out) {
        out.add(n);
        for (int i = 0; i < n.getChildCount(); i++) {
            collect(n.getChild(i), out);
        }
    }
}
