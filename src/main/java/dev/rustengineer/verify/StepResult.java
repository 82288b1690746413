package dev.rustengineer.verify;

import java.time.Duration;
import java.util.List;

/** @param summary one line: "12 passed, 0 failed", "3 errors", "formatted", "timed out after 60 s" */
public record StepResult(VerifyStep step, boolean passed, Duration elapsed, int exitCode, boolean timedOut,
        List<Diagnostic> diagnostics, String summary) {
    public StepResult {
        diagnostics = List.copyOf(diagnostics);
    }
}
