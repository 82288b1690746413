package dev.rustengineer.generate;

import dev.rustengineer.advise.Advice;
import dev.rustengineer.blueprint.Blueprint;

/** What {@code RustEngineer.newProject} did: wrote a project, or generated nothing because the task is not Rust's. */
public sealed interface NewProjectOutcome {
    Advice advice();

    record Written(Advice advice, Blueprint blueprint, ProjectWriter.Written written) implements NewProjectOutcome {}

    /** The advice routes the task away from Rust and the user did not insist (no --force-rust). */
    record RoutedAway(Advice advice) implements NewProjectOutcome {}
}
