package dev.rustengineer.verify;

import java.nio.file.Path;
import java.util.List;

public record VerificationReport(Path project, List<StepResult> steps) {
    public VerificationReport {
        steps = List.copyOf(steps);
    }

    public boolean passed() {
        return steps.stream().allMatch(StepResult::passed);
    }
}
