package dev.rustengineer.catalogue;

import dev.rustengineer.UsageException;
import dev.rustengineer.generate.Combination;
import dev.rustengineer.generate.GeneratedProject;
import dev.rustengineer.generate.PathGuard;
import dev.rustengineer.generate.ProjectWriter;
import dev.rustengineer.process.ChildProcesses;
import dev.rustengineer.process.ProcessTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Records a lock the way CargoLockTest does: the project written to a scratch directory and `cargo
 * generate-lockfile` run in it (a fresh resolution against the registry, ignoring the lock it ships).
 */
public final class CargoLockRecorder implements LockRecorder {
    private static final long MINUTES = 5;

    @Override
    public String record(Combination combination, GeneratedProject project) {
        try {
            Path dir = Files.createTempDirectory("rust-engineer-lock-");
            try {
                for (var f : project.files().entrySet()) {
                    Path file = PathGuard.inside(dir, f.getKey());
                    Files.createDirectories(file.getParent());
                    Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
                }
                Path log = dir.resolve(".cargo-output");
                Process p = ChildProcesses.start(new ProcessBuilder("cargo", "generate-lockfile").directory(dir.toFile())
                        .redirectErrorStream(true).redirectOutput(log.toFile()));
                if (!p.waitFor(MINUTES, TimeUnit.MINUTES)) {
                    ProcessTree.stop(p.toHandle());
                    throw new UsageException("cargo generate-lockfile did not finish in " + MINUTES + " min for " + combination.id());
                }
                if (p.exitValue() != 0) {
                    List<String> out = Files.readAllLines(log);
                    String error = out.stream().filter(l -> l.startsWith("error")).findFirst()
                            .orElse(out.isEmpty() ? "no output" : out.getLast()).strip();
                    throw new UsageException("cargo generate-lockfile failed for " + combination.id() + " (" + error
                            + "); hold the crate back with --hold CRATE, or fix the template first");
                }
                return Files.readString(dir.resolve("Cargo.lock"), StandardCharsets.UTF_8);
            } finally {
                ProjectWriter.deleteTree(dir);
            }
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("Cannot run program")) {
                throw new UsageException("--locks needs cargo on the PATH (install Rust with rustup)");
            }
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageException("interrupted while recording the lock of " + combination.id());
        }
    }
}
