package dev.rustengineer.verify;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Live progress. On a terminal ({@code ansi}): one line redrawn ten times a second with a spinner, the step, its
 * elapsed time and cargo's latest line. Elsewhere (CI logs, pipes): plain lines, one when a step starts, one every
 * {@link #HEARTBEAT} while it runs (so a long cold build does not look hung) and one when it ends.
 */
public final class ConsoleProgress implements ProgressListener {
    static final Duration HEARTBEAT = Duration.ofSeconds(30);
    private static final String[] FRAMES = {"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"};
    private static final int WIDTH = 60;

    private final PrintWriter out;
    private final boolean ansi;
    private final ScheduledExecutorService ticker =
            Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("verify-progress").unstarted(r));
    private ScheduledFuture<?> tick;
    // The running step's identity: a tick that fires after its step finished must not draw over the result line.
    private volatile Object current;
    private volatile String last = "";
    private volatile long started;

    public ConsoleProgress(PrintWriter out, boolean ansi) {
        this.out = out;
        this.ansi = ansi;
    }

    @Override
    public synchronized void stepStarted(VerifyStep step) {
        started = System.nanoTime();
        last = "";
        Object me = new Object();
        current = me;
        if (ansi) {
            int[] frame = {0};
            tick = ticker.scheduleAtFixedRate(() -> printFor(me, "\r\033[K%s %-6s %6.1fs  %s",
                    FRAMES[frame[0]++ % FRAMES.length], step.cliName(), seconds(), clip(last)), 0, 100, TimeUnit.MILLISECONDS);
        } else {
            print("== %s: cargo %s%n", step.cliName(), String.join(" ", step.cargoArgs()));
            long every = HEARTBEAT.toMillis();
            tick = ticker.scheduleAtFixedRate(() -> printFor(me, "   %-6s %6.0fs  %s%n", step.cliName(), seconds(), clip(last)),
                    every, every, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void stepLine(VerifyStep step, String line) {
        String s = line.strip();
        if (!s.isEmpty()) {
            last = s;
        }
    }

    @Override
    public synchronized void stepFinished(StepResult r) {
        if (tick != null) {
            tick.cancel(false);
            tick = null;
        }
        synchronized (out) {
            current = null;
        }
        print("%s%s %-6s %6.1fs  %s%n", ansi ? "\r\033[K" : "", r.passed() ? "✓" : "✗", r.step().cliName(),
                r.elapsed().toMillis() / 1000.0, r.summary());
    }

    private double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    private static String clip(String s) {
        return s.length() > WIDTH ? s.substring(0, WIDTH - 1) + "…" : s;
    }

    private void printFor(Object step, String format, Object... args) {
        synchronized (out) {
            if (current == step) {
                print(format, args);
            }
        }
    }

    private void print(String format, Object... args) {
        synchronized (out) {
            out.printf(Locale.ROOT, format, args);
            out.flush();
        }
    }
}
