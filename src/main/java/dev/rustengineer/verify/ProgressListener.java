package dev.rustengineer.verify;

/** Hears a verification as it runs: each step's start, its output lines, its result. */
public interface ProgressListener {
    void stepStarted(VerifyStep step);

    /** A line cargo printed (stderr progress such as "Compiling tokio v1.54.1"). */
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
