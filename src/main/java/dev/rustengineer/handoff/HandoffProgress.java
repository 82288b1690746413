package dev.rustengineer.handoff;

/**
 * What a handoff tells while it runs. Making a package can build the service with cargo (to read its OpenAPI
 * document) and its checks run the specialist's own tools (a wasm build, tsc, go vet, promtool), each of which
 * can take seconds to minutes; a client that waits should see which one is running.
 */
public interface HandoffProgress {
    /** Reports nothing: the CLI prints the results at the end, the web answers with the zip. */
    HandoffProgress NONE = new HandoffProgress() {};

    /** The project was read and the package for {@code specialist} is being made. */
    default void packageStarted(String specialist) {}

    /** The package is written; {@code checks} of its checks follow (none when checking is off). */
    default void packageWritten(int files, int checks) {}

    default void checkStarted(Check check) {}

    default void checkFinished(CheckResult result) {}
}
