package dev.rustengineer.audit.notes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineContextsTest {
    private static final String BEFORE = "fn a() {\n    let v = x.unwrap();\n    use_it(v);\n}\n";

    @Test
    void insertingLinesAboveOrReindentingKeepsTheContext() {
        String h = LineContexts.of(BEFORE, List.of(2)).get(2);
        String inserted = "// a new comment\nuse std::fmt;\n\n" + BEFORE;
        assertThat(LineContexts.of(inserted, List.of(5)).get(5)).isEqualTo(h);
        String reindented = "fn a() {\n        let v  =  x.unwrap();\n\n\n  use_it(v);\n}\n";
        assertThat(LineContexts.of(reindented, List.of(2)).get(2)).isEqualTo(h);
    }

    @Test
    void editingTheLineOrTheNextChangesIt() {
        String h = LineContexts.of(BEFORE, List.of(2)).get(2);
        assertThat(LineContexts.of(BEFORE.replace("x.unwrap()", "y.unwrap()"), List.of(2)).get(2)).isNotEqualTo(h);
        assertThat(LineContexts.of(BEFORE.replace("use_it(v)", "drop(v)"), List.of(2)).get(2)).isNotEqualTo(h);
        assertThat(h).hasSize(16);
    }

    @Test
    void linesPastTheEndHaveAContextToo() {
        assertThat(LineContexts.of("x", List.of(1, 9))).containsOnlyKeys(1, 9);
    }

    @Test
    void notesSkipFilesWithNeitherMarkerNorFindings() {
        assertThat(SourceNotes.read("fn a() {}".getBytes(), List.of())).isSameAs(SourceNotes.NONE);
        SourceNotes n = SourceNotes.read("x.unwrap(); // rust-engineer: allow(unwrap-in-production) why\n".getBytes(), List.of(1));
        assertThat(n.suppressions()).hasSize(1);
        assertThat(n.context(1)).hasSize(16);
        assertThat(n.context(2)).isEmpty();
    }
}
