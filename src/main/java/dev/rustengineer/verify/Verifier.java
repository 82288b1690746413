package dev.rustengineer.verify;

import dev.rustengineer.UsageException;
import dev.rustengineer.process.ChildProcesses;
import dev.rustengineer.process.ProcessTree;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Proves a Rust project with real cargo: fmt, clippy (-D warnings), build and test, each with a time limit.
 * A step that runs out of time, an interruption, or the JVM's shutdown (Ctrl-C, SIGTERM: {@link ChildProcesses}) stops
 * cargo's whole process tree.
 */
public final class Verifier {
    private final Map<String, String> env;

    public Verifier() {
        this(System.getenv());
    }

    /** @param env the environment cargo is looked up in and started with (tests hide cargo through it) */
    Verifier(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /**
     * Runs the steps in order, all of them even when one fails (a clippy error should not hide a failing test).
     *
     * @throws UsageException when {@code project} is not a cargo project, cargo is missing, or cargo lacks a step's
     *     tool (clippy, rustfmt)
     */
    public VerificationReport verify(Path project, VerifyOptions options, ProgressListener listener) {
        Path dir = project.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new UsageException(project + " is not a directory");
        }
        if (!Files.isRegularFile(dir.resolve("Cargo.toml"))) {
            throw new UsageException(project + " is not a cargo project (no Cargo.toml)");
        }
        Path cargo = CargoLocator.locate(env);
        List<StepResult> results = new ArrayList<>();
        for (VerifyStep step : options.steps()) {
            listener.stepStarted(step);
            StepResult r = run(cargo, dir, step, options, line -> listener.stepLine(step, line));
            results.add(r);
            listener.stepFinished(r);
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
        }
        return new VerificationReport(dir, results);
    }

    private StepResult run(Path cargo, Path dir, VerifyStep step, VerifyOptions options, Consumer<String> progress) {
        List<String> command = new ArrayList<>(List.of(cargo.toString()));
        command.addAll(step.cargoArgs());
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        // cargo finds clippy-driver and rustfmt beside itself only if its directory is on PATH.
        pb.environment().put("PATH", cargo.getParent() + File.pathSeparator + env.getOrDefault("PATH", ""));
        pb.environment().put("CARGO_TERM_COLOR", "never");
        pb.environment().put("CARGO_TERM_PROGRESS_WHEN", "never");
        if (options.cargoTargetDir() != null) {
            pb.environment().put("CARGO_TARGET_DIR", options.cargoTargetDir().toAbsolutePath().toString());
        }
        long start = System.nanoTime();
        Process p;
        try {
            p = ChildProcesses.start(pb);
        } catch (IOException e) {
            throw new UsageException("cannot start " + cargo + ": " + e.getMessage());
        }
        CargoOutput out = new CargoOutput(dir);
        Thread stdout = reader(p.getInputStream(), line -> {
            out.stdout(line);
            if (!line.startsWith("{")) {
                progress.accept(line);
            }
        });
        Thread stderr = reader(p.getErrorStream(), line -> {
            out.stderr(line);
            progress.accept(line);
        });
        Stop stop = Stop.NONE;
        try {
            closeQuietly(p);
            if (!p.waitFor(options.stepTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                stop = Stop.TIME_LIMIT;
                ProcessTree.stop(p.toHandle());
            }
            stdout.join(Duration.ofSeconds(10));
            stderr.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            stop = Stop.INTERRUPTED;
            ProcessTree.stop(p.toHandle());
            Thread.currentThread().interrupt();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return switch (stop) {
            case TIME_LIMIT -> new StepResult(step, false, elapsed, -1, true, out.diagnostics(true),
                    "timed out after " + human(options.stepTimeout()) + "; cargo and its children were stopped",
                    out.testCounts());
            case INTERRUPTED -> new StepResult(step, false, elapsed, -1, false, out.diagnostics(true),
                    "interrupted; cargo and its children were stopped", out.testCounts());
            case NONE -> finished(step, p.exitValue(), elapsed, out);
        };
    }

    private enum Stop { NONE, TIME_LIMIT, INTERRUPTED }

    private static StepResult finished(VerifyStep step, int code, Duration elapsed, CargoOutput out) {
        if (code != 0 && out.missingCommand() != null) {
            String tool = out.missingCommand().equals("fmt") ? "rustfmt" : out.missingCommand();
            throw new UsageException("cargo " + step.cliName() + " needs " + tool
                    + ", which is not installed: run `rustup component add " + tool + "`");
        }
        return new StepResult(step, code == 0, elapsed, code, false, out.diagnostics(code != 0), out.summary(step, code),
                step == VerifyStep.TEST ? out.testCounts() : null);
    }

    private static void closeQuietly(Process p) {
        try {
            p.getOutputStream().close(); // nothing to type into cargo: a prompt must see end of input, not hang
        } catch (IOException e) {
            // The process already exited; its output is still read below.
        }
    }

    private static Thread reader(InputStream in, Consumer<String> sink) {
        return Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    sink.accept(line);
                }
            } catch (IOException e) {
                // The process was stopped; what was read so far stands.
            }
        });
    }

    static String human(Duration d) {
        if (d.toMillis() < 1000) {
            return d.toMillis() + " ms";
        }
        return d.toSeconds() < 120 || d.toSeconds() % 60 != 0 ? d.toSeconds() + " s" : d.toMinutes() + " min";
    }
}
