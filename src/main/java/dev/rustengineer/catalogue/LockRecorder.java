package dev.rustengineer.catalogue;

import dev.rustengineer.generate.Combination;
import dev.rustengineer.generate.GeneratedProject;

/** Records a combination's Cargo.lock: what cargo resolves for it with the new catalogue. */
@FunctionalInterface
public interface LockRecorder {
    /**
     * @param project the combination generated under the package name {@code lock-base} with the new catalogue,
     *     formatted, as the recorded locks are made
     * @return the Cargo.lock cargo wrote for it
     */
    String record(Combination combination, GeneratedProject project);
}
