package dev.rustengineer.verify;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * @param steps the steps to run, in this order (the CLI always gives them in {@link VerifyStep}'s order)
 * @param stepTimeout how long one step may run before its whole process tree is stopped
 * @param cargoTargetDir a shared target directory (CARGO_TARGET_DIR), or null for the environment's, else the
 *     project's own
 */
public record VerifyOptions(List<VerifyStep> steps, Duration stepTimeout, Path cargoTargetDir) {
    public VerifyOptions {
        steps = List.copyOf(steps);
        Objects.requireNonNull(stepTimeout, "stepTimeout");
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("no steps to run"); // a report of nothing would read as "passed"
        }
        if (stepTimeout.isNegative() || stepTimeout.isZero()) {
            throw new IllegalArgumentException("stepTimeout must be positive: " + stepTimeout);
        }
    }

    /** Every step, 20 minutes each (a cold build of an Axum + SQLx service on two cores takes several). */
    public static VerifyOptions defaults() {
        return new VerifyOptions(List.of(VerifyStep.values()), Duration.ofMinutes(20), null);
    }
}
