package dev.rustengineer.verify;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Live progress on a terminal: a spinner with the step, its elapsed time and cargo's latest line; plain lines
 * (one when a step starts, one when it ends) when the output is not a terminal.
 */
public final class ConsoleProgress implements ProgressListener {
    private static final String[] FRAMES = {"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"};

    private final PrintWriter out;
    private final boolean ansi;
    private final ScheduledExecutorService ticker;
    private volatile ScheduledFuture<?> tick;
    private volatile String last = "";
    private volatile long started;

    public ConsoleProgress(PrintWriter out, boolean ansi) {
        this.out = out;
        this.ansi = ansi;
        this.ticker = ansi ? Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().unstarted(r)) : null;
    }

    @Override
    public void stepStarted(VerifyStep step) {
        started = System.nanoTime();
        last = "";
        if (!ansi) {
            out.println("== " + step.cliName() + ": cargo " + String.join(" ", step.cargoArgs()));
            out.flush();
            return;
        }
        int[] frame = {0};
        tick = ticker.scheduleAtFixedRate(() -> {
            synchronized (out) {
                String line = last.length() > 60 ? last.substring(0, 60) : last;
                out.printf(Locale.ROOT, "\r\033[K%s %-6s %6.1fs  %s", FRAMES[frame[0]++ % FRAMES.length], step.cliName(),
                        (System.nanoTime() - started) / 1e9, line);
                out.flush();
            }
        }, 0, 100, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stepLine(VerifyStep step, String line) {
        String s = line.strip();
        if (!s.isEmpty() && !s.startsWith("{")) {
            last = s;
        }
    }

    @Override
    public void stepFinished(StepResult r) {
        if (tick != null) {
            tick.cancel(false);
            tick = null;
        }
        synchronized (out) {
            out.printf(Locale.ROOT, "%s%s %-6s %6.1fs  %s%n", ansi ? "\r\033[K" : "", r.passed() ? "✓" : "✗",
                    r.step().cliName(), r.elapsed().toMillis() / 1000.0, r.summary());
            out.flush();
        }
    }
}
