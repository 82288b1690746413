package dev.rustengineer.audit.notes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineContextsTest {
    private static final String BEFORE = "fn a() {\n    let v = x.unwrap();\n    use_it(v);\n}\n";

    private static String hashAt(String text, int line) {
        LineContexts c = new LineContexts(text);
        return c.hash("unwrap-in-production", "src/lib.rs", c.context(line));
    }

    @Test
    void insertingLinesAboveOrReindentingKeepsTheHash() {
        String h = hashAt(BEFORE, 2);
        assertThat(hashAt("// a new comment\nuse std::fmt;\n\n" + BEFORE, 5)).isEqualTo(h);
        assertThat(hashAt("fn a() {\n        let v  =  x.unwrap();\n\n\n  use_it(v);\n}\n", 2)).isEqualTo(h);
        assertThat(hashAt(BEFORE.replace("\n", "\r\n"), 2)).as("CRLF files").isEqualTo(h);
    }

    @Test
    void editingTheLineOrTheNextChangesIt() {
        String h = hashAt(BEFORE, 2);
        assertThat(hashAt(BEFORE.replace("x.unwrap()", "y.unwrap()"), 2)).isNotEqualTo(h);
        assertThat(hashAt(BEFORE.replace("use_it(v)", "drop(v)"), 2)).isNotEqualTo(h);
        assertThat(h).matches("[0-9a-f]{32}");
    }

    @Test
    void linesPastTheEndHaveAnEmptyContext() {
        assertThat(new LineContexts("x").context(9)).isEqualTo("\n");
    }

    @Test
    void notesHashEveryFindingAndEverySuppressionLineAndSkipFilesWithNeither() {
        assertThat(SourceNotes.read("fn a() {}".getBytes(), "src/lib.rs", List.of())).isSameAs(SourceNotes.NONE);
        SourceNotes n = SourceNotes.read("x.unwrap(); // rust-engineer: allow(unwrap-in-production) why\n".getBytes(), "src/lib.rs",
                List.of(new SourceNotes.At("unwrap-in-production", 1)));
        assertThat(n.suppressions()).hasSize(1);
        assertThat(n.hash("unwrap-in-production", 1)).isEqualTo(hashAt("x.unwrap(); // rust-engineer: allow(unwrap-in-production) why\n", 1));
        assertThat(n.hash("bad-suppression", 1)).isNotNull();
        assertThat(n.hash("unwrap-in-production", 2)).isNull();
    }
}
