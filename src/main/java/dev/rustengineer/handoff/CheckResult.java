package dev.rustengineer.handoff;

/**
 * What one check printed and how it ended.
 *
 * @param output the last lines it printed (stdout and stderr together)
 */
public record CheckResult(Check check, Status status, String output, double seconds) {
    public enum Status { PASSED, FAILED, SKIPPED }
}
