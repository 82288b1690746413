package dev.rustengineer.verify;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * @param stepTimeout how long one step may run before its whole process tree is stopped
 * @param cargoTargetDir a shared target directory (CARGO_TARGET_DIR), or null for the project's own
 */
public record VerifyOptions(List<VerifyStep> steps, Duration stepTimeout, Path cargoTargetDir) {
    public VerifyOptions {
        steps = List.copyOf(steps);
    }

    public static VerifyOptions defaults() {
        return new VerifyOptions(List.of(VerifyStep.values()), Duration.ofMinutes(20), null);
    }
}
