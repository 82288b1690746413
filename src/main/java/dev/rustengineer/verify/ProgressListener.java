package dev.rustengineer.verify;

/** Hears a verification as it runs: each step's start, its output lines, its result. */
public interface ProgressListener {
    void stepStarted(VerifyStep step);

    /**
     * A line of text cargo or the tests printed ("Compiling tokio v1.54.1", "test api::creates ... ok"); cargo's
     * JSON messages are not passed on (they arrive parsed, in the step's result).
     */
    default void stepLine(VerifyStep step, String line) {}

    void stepFinished(StepResult result);

    static ProgressListener none() {
        return new ProgressListener() {
            @Override
            public void stepStarted(VerifyStep step) {}

            @Override
            public void stepFinished(StepResult result) {}
        };
    }
}
