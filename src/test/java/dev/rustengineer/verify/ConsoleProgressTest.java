package dev.rustengineer.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Progress on a terminal (spinner line redrawn in place) and off one (plain lines only). */
class ConsoleProgressTest {
    private static final StepResult PASSED = new StepResult(VerifyStep.CLIPPY, true, Duration.ofMillis(1500), 0, false,
            List.of(), "0 error(s), 0 warning(s)");

    @Test
    void onATerminalTheSpinnerLineShowsTheStepAndCargosLatestLine() throws Exception {
        StringWriter text = new StringWriter();
        ConsoleProgress progress = new ConsoleProgress(new PrintWriter(text), true);
        progress.stepStarted(VerifyStep.CLIPPY);
        progress.stepLine(VerifyStep.CLIPPY, "   Compiling tokio v1.52.0");
        for (int i = 0; i < 200 && !text.toString().contains("Compiling tokio"); i++) {
            Thread.sleep(10);
        }
        progress.stepFinished(PASSED);
        String out = text.toString();
        assertThat(out).containsPattern("\r\033\\[K[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] clippy +\\d+\\.\\ds  Compiling tokio v1.52.0")
                .endsWith("\r\033[K✓ clippy    1.5s  0 error(s), 0 warning(s)" + System.lineSeparator());
    }

    @Test
    void offATerminalThereAreOnlyPlainLines() {
        StringWriter text = new StringWriter();
        ConsoleProgress progress = new ConsoleProgress(new PrintWriter(text), false);
        progress.stepStarted(VerifyStep.CLIPPY);
        progress.stepLine(VerifyStep.CLIPPY, "   Compiling tokio v1.52.0");
        progress.stepFinished(PASSED);
        assertThat(text.toString().lines().toList()).containsExactly(
                "== clippy: cargo clippy --all-targets --message-format=json -- -D warnings",
                "✓ clippy    1.5s  0 error(s), 0 warning(s)");
    }
}
