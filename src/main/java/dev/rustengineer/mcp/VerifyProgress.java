package dev.rustengineer.mcp;

import dev.rustengineer.verify.ProgressListener;
import dev.rustengineer.verify.StepResult;
import dev.rustengineer.verify.VerifyStep;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;

/**
 * Verify's progress as MCP progress notifications, for a client that sent a progressToken: one when a step starts
 * and one when it ends (progress counts half-steps, total is twice the steps), and between them cargo's lines
 * ("Compiling tokio v1.54.1") at most every {@link #LINE_EVERY_MS} ms, so a cold build shows it is alive without
 * flooding the client. Progress only ever rises, as the specification asks.
 */
final class VerifyProgress implements ProgressListener {
    private static final long LINE_EVERY_MS = 2000;

    private final Progress progress;
    private final double total;
    private int half;
    private int lines;
    private long lastLine;

    VerifyProgress(Progress progress, int steps) {
        this.progress = progress;
        this.total = steps * 2;
    }

    @Override
    public synchronized void stepStarted(VerifyStep step) {
        half++;
        lines = 0;
        progress.send(half, total, step.cliName() + ": started");
    }

    @Override
    public synchronized void stepLine(VerifyStep step, String line) {
        long now = System.currentTimeMillis();
        if (now - lastLine < LINE_EVERY_MS || line.isBlank()) {
            return;
        }
        lastLine = now;
        lines++;
        // Between the step's start (half) and its end (half + 1): 1/2, 2/3, 3/4 ... of the way, never reaching it.
        progress.send(half + lines / (lines + 1.0), total, step.cliName() + ": " + line.strip());
    }

    @Override
    public synchronized void stepFinished(StepResult result) {
        half++;
        progress.send(half, total, result.step().cliName() + ": " + (result.passed() ? "pass" : "FAIL") + " (" + result.summary() + ")");
    }

    /**
     * Where notifications go: the client's progressToken on this exchange, or nowhere when it sent none. A null
     * total is one not known yet.
     */
    record Progress(McpSyncServerExchange exchange, Object token) {
        void send(double value, Double total, String message) {
            if (token == null || exchange == null) {
                return;
            }
            try {
                exchange.progressNotification(new ProgressNotification(token, value, total, message));
            } catch (RuntimeException e) {
                // a client that went away misses a progress line; the work goes on and its result still stands
            }
        }
    }
}
