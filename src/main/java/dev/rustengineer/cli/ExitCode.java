package dev.rustengineer.cli;

/** Named process exit codes; every command returns one of these. */
public final class ExitCode {
    /** The command did what was asked and the result is positive. */
    public static final int OK = 0;
    /** The command ran, and its answer is negative (a failed verification, findings at or above a threshold). */
    public static final int NEGATIVE = 1;
    /** The user asked for something malformed: a bad flag, an unreadable brief, an unknown value. */
    public static final int USAGE = 2;
    /** Something went wrong inside rust-engineer itself. */
    public static final int INTERNAL = 4;

    private ExitCode() {}
}
