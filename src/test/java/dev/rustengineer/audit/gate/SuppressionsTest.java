package dev.rustengineer.audit.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rustengineer.audit.AuditRules;
import dev.rustengineer.audit.Finding;
import dev.rustengineer.audit.notes.SourceNotes;
import dev.rustengineer.audit.notes.Suppression;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuppressionsTest {
    private static final AuditRules RULES = AuditRules.bundled();
    private final Suppressions suppressions = new Suppressions(RULES);

    private static Map<String, SourceNotes> notes(Suppression... s) {
        return Map.of("src/lib.rs", new SourceNotes(List.of(s), Map.of()));
    }

    @Test
    void aCommentWithAReasonSuppressesItsRuleOnTheLinesItCovers() {
        var n = notes(new Suppression(4, 5, List.of("transmute", "unsafe-block"), "layout checked by a test", 5, 9));
        Finding inside = RULES.finding("transmute", "src/lib.rs", 7, 9, "m");
        assertThat(suppressions.covering(inside, n)).isNotNull();
        assertThat(suppressions.covering(RULES.finding("transmute", "src/lib.rs", 10, 1, "m"), n)).isNull();
        assertThat(suppressions.covering(RULES.finding("unwrap-in-production", "src/lib.rs", 7, 1, "m"), n)).isNull();
        assertThat(suppressions.covering(RULES.finding("transmute", "src/other.rs", 7, 1, "m"), n)).isNull();
        assertThat(suppressions.problems(n)).isEmpty();
    }

    @Test
    void withoutAReasonTheCommentIsReportedAndNotApplied() {
        var n = notes(new Suppression(4, 5, List.of("transmute"), "", 5, 5));
        assertThat(suppressions.covering(RULES.finding("transmute", "src/lib.rs", 5, 1, "m"), n)).isNull();
        assertThat(suppressions.problems(n)).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("bad-suppression");
            assertThat(f.line()).isEqualTo(4);
            assertThat(f.column()).isEqualTo(5);
            assertThat(f.message()).contains("no reason");
        });
    }

    @Test
    void unknownRuleIdsAndMalformedCommentsAreReported() {
        var n = notes(new Suppression(1, 1, List.of("transmute", "transmutes"), "why", 2, 2),
                new Suppression(3, 1, List.of(), "", 4, 4));
        List<Finding> problems = suppressions.problems(n);
        assertThat(problems).extracting(Finding::message).satisfiesExactly(
                m -> assertThat(m).startsWith("`transmutes` is not an audit rule id"),
                m -> assertThat(m).startsWith("malformed suppression"));
        assertThat(suppressions.covering(RULES.finding("transmute", "src/lib.rs", 2, 1, "m"), n))
                .as("the known id still applies").isNotNull();
    }

    @Test
    void badSuppressionItselfCannotBeSuppressed() {
        var n = notes(new Suppression(1, 1, List.of("bad-suppression"), "quiet please", 1, 9));
        assertThat(suppressions.covering(RULES.finding("bad-suppression", "src/lib.rs", 2, 1, "m"), n)).isNull();
    }
}
