package dev.rustengineer.verify;

import dev.rustengineer.UsageException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Proves a Rust project with real cargo: fmt, clippy (-D warnings), build and test, each with a time limit.
 * A step that runs out of time, or a Ctrl-C, stops cargo's whole process tree.
 */
public final class Verifier {

    public VerificationReport verify(Path project, VerifyOptions options, ProgressListener listener) {
        Path dir = project.toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve("Cargo.toml"))) {
            throw new UsageException(dir + " is not a cargo project (no Cargo.toml)");
        }
        List<StepResult> results = new ArrayList<>();
        for (VerifyStep step : options.steps()) {
            listener.stepStarted(step);
            StepResult r = run(dir, step, options, line -> listener.stepLine(step, line));
            results.add(r);
            listener.stepFinished(r);
        }
        return new VerificationReport(dir, results);
    }

    private static StepResult run(Path dir, VerifyStep step, VerifyOptions options, Consumer<String> progress) {
        List<String> command = new ArrayList<>(List.of("cargo"));
        command.addAll(step.cargoArgs());
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().put("CARGO_TERM_COLOR", "never");
        pb.environment().put("CARGO_TERM_PROGRESS_WHEN", "never");
        if (options.cargoTargetDir() != null) {
            pb.environment().put("CARGO_TARGET_DIR", options.cargoTargetDir().toAbsolutePath().toString());
        }
        long start = System.nanoTime();
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UsageException("cargo not found on PATH: install Rust with rustup (https://rustup.rs)");
        }
        // Ctrl-C (the JVM's shutdown) stops cargo and everything it started, not just the cargo process.
        Thread killer = new Thread(() -> killTree(p));
        Runtime.getRuntime().addShutdownHook(killer);
        CargoOutput out = new CargoOutput();
        Thread stdout = reader(p.getInputStream(), line -> {
            synchronized (out) {
                out.line(line);
            }
        });
        Thread stderr = reader(p.getErrorStream(), line -> {
            synchronized (out) {
                out.line(line);
            }
            progress.accept(line);
        });
        boolean finished;
        try {
            p.getOutputStream().close();
            finished = p.waitFor(options.stepTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                killTree(p);
                p.waitFor(10, TimeUnit.SECONDS);
            }
            stdout.join(10_000);
            stderr.join(10_000);
        } catch (InterruptedException e) {
            killTree(p);
            Thread.currentThread().interrupt();
            finished = false;
        } catch (IOException e) {
            finished = true;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(killer);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down; the hook will run.
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        if (!finished) {
            return new StepResult(step, false, elapsed, -1, true, out.diagnostics,
                    "timed out after " + options.stepTimeout().toSeconds() + " s; cargo and its children were stopped");
        }
        int code = p.exitValue();
        boolean passed = code == 0;
        return new StepResult(step, passed, elapsed, code, false, out.diagnostics, out.summary(step, passed));
    }

    private static Thread reader(InputStream in, Consumer<String> sink) {
        Thread t = Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    sink.accept(line);
                }
            } catch (IOException e) {
                // The process was stopped; what was read so far stands.
            }
        });
        return t;
    }

    static void killTree(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }
}
