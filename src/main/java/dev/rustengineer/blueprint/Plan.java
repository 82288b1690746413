package dev.rustengineer.blueprint;

import dev.rustengineer.advise.Advice;

/** What `new` makes of an advice: a blueprint to generate, or the task belongs elsewhere. */
public sealed interface Plan {
    Advice advice();

    record Generate(Advice advice, Blueprint blueprint) implements Plan {}

    /** The advice routes the task away from Rust and the user did not insist. */
    record RoutedAway(Advice advice) implements Plan {}
}
