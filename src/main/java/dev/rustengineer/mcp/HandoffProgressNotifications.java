package dev.rustengineer.mcp;

import dev.rustengineer.handoff.Check;
import dev.rustengineer.handoff.CheckResult;
import dev.rustengineer.handoff.HandoffProgress;
import java.util.Locale;

/**
 * A handoff's progress as MCP progress notifications, for a client that sent a progressToken: one when the package
 * is being made (which may build the service with cargo), one when it is written, and one as each check starts and
 * ends. The total is known once the package says how many checks it has: 2 + 2 per check.
 */
final class HandoffProgressNotifications implements HandoffProgress {
    private final VerifyProgress.Progress progress;
    private int done;
    private Double total;

    HandoffProgressNotifications(VerifyProgress.Progress progress) {
        this.progress = progress;
    }

    @Override
    public synchronized void packageStarted(String specialist) {
        send("making the package for " + specialist);
    }

    @Override
    public synchronized void packageWritten(int files, int checks) {
        total = 2.0 + 2 * checks;
        send("wrote " + files + " files; " + (checks == 0 ? "no checks to run" : checks + " checks to run"));
    }

    @Override
    public synchronized void checkStarted(Check check) {
        send(check.name() + ": started (" + check.tool() + ")");
    }

    @Override
    public synchronized void checkFinished(CheckResult result) {
        send(result.check().name() + ": " + result.status().name().toLowerCase(Locale.ROOT)
                + String.format(Locale.ROOT, " (%.1f s)", result.seconds()));
    }

    private void send(String message) {
        done++;
        progress.send(done, total, message);
    }
}
