package dev.rustengineer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rustengineer.cli.AdviseCommandTest.Run;
import org.junit.jupiter.api.Test;

/** evaluate's usage errors: one line and exit 2, before any corpus is read or model trained. */
class EvaluateCommandTest {
    @Test
    void tuningOnlyWithoutFoldsIsAUsageError() {
        Run r = AdviseCommandTest.run("evaluate", "--tuning-only");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("rust-engineer: --tuning-only needs --folds");
    }

    @Test
    void fewerThanTwoFoldsIsAUsageError() {
        Run r = AdviseCommandTest.run("evaluate", "--folds", "1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--folds must be at least 2, not 1").doesNotContain("Exception");
    }

    @Test
    void anUnknownSplitIsAUsageError() {
        Run r = AdviseCommandTest.run("evaluate", "--split", "holdout");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("holdout").doesNotContain("Exception");
    }
}
