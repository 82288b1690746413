package dev.rustengineer.upgrade;

import dev.rustengineer.generate.PathGuard;
import dev.rustengineer.generate.ProjectWriter;
import dev.rustengineer.verify.ProgressListener;
import dev.rustengineer.verify.VerificationReport;
import dev.rustengineer.verify.VerifyOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;

/**
 * --verify: the upgraded project is built and tested on a copy (the project without target/ and .git/, the plan
 * applied), so a project that does not pass is never written. Cargo builds into the project's own target/ unless
 * a target directory is given, so the dependencies already built there are reused.
 */
final class ScratchProof {
    private ScratchProof() {}

    /** @param plan the plan, with Cargo.lock as cargo resolved it on the copy */
    record Result(VerificationReport report, UpgradePlan plan) {}

    static Result run(UpgradePlan plan, VerifyOptions options, ProgressListener listener, Upgrader.Prover prover) {
        try {
            Path scratch = Files.createTempDirectory("rust-engineer-upgrade-");
            try {
                Path copy = scratch.resolve(plan.dir().getFileName().toString());
                copyProject(plan.dir(), copy);
                for (var w : plan.writes().entrySet()) {
                    Path f = PathGuard.inside(copy, w.getKey());
                    Files.createDirectories(f.getParent());
                    Files.write(f, w.getValue());
                }
                for (String d : plan.deletes()) {
                    Files.deleteIfExists(PathGuard.inside(copy, d));
                }
                VerifyOptions o = options.cargoTargetDir() != null ? options
                        : new VerifyOptions(options.steps(), options.stepTimeout(), plan.dir().resolve("target"));
                VerificationReport report = prover.verify(copy, o, listener);
                return new Result(report, withResolvedLock(plan, copy));
            } finally {
                ProjectWriter.deleteTree(scratch);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("copying the project to prove the upgrade: " + e.getMessage(), e);
        }
    }

    /** Cargo.lock as cargo left it on the copy, when it differs from what the plan writes. */
    private static UpgradePlan withResolvedLock(UpgradePlan plan, Path copy) throws IOException {
        Path lock = copy.resolve("Cargo.lock");
        if (!Files.isRegularFile(lock)) {
            return plan;
        }
        byte[] resolved = Files.readAllBytes(lock);
        Path original = plan.dir().resolve("Cargo.lock");
        byte[] before = Files.isRegularFile(original) ? Files.readAllBytes(original) : null;
        byte[] planned = plan.writes().getOrDefault("Cargo.lock", before);
        return Arrays.equals(resolved, planned) ? plan : plan.withLock("Cargo.lock", before, resolved);
    }

    /** The project's files, without what cargo and git keep there (target/, .git/) and without links. */
    private static void copyProject(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path rel = from.relativize(dir);
                String name = rel.toString();
                if (name.equals("target") || name.equals(".git") || name.startsWith(".rust-engineer-upgrade-")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(rel));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    Files.copy(file, to.resolve(from.relativize(file)), StandardCopyOption.COPY_ATTRIBUTES);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
