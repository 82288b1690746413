package dev.rustengineer.verify;

import java.time.Duration;
import java.util.List;

/**
 * @param exitCode cargo's exit code, or -1 when it was stopped (time limit, interruption)
 * @param summary one line: "12 passed, 0 failed", "3 error(s), 0 warning(s)", "formatted", "timed out after 60 s"
 * @param tests what the test harness counted; null for steps other than test, or when no test binary ran
 */
public record StepResult(VerifyStep step, boolean passed, Duration elapsed, int exitCode, boolean timedOut,
        List<Diagnostic> diagnostics, String summary, TestCounts tests) {
    public StepResult {
        diagnostics = List.copyOf(diagnostics);
    }

    /** A result without test counts (every step but test). */
    public StepResult(VerifyStep step, boolean passed, Duration elapsed, int exitCode, boolean timedOut,
            List<Diagnostic> diagnostics, String summary) {
        this(step, passed, elapsed, exitCode, timedOut, diagnostics, summary, null);
    }
}
