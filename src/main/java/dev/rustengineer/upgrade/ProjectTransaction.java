package dev.rustengineer.upgrade;

import dev.rustengineer.generate.PathGuard;
import dev.rustengineer.generate.ProjectWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies a plan's writes and deletions to the project all together or not at all. Every new content is written
 * to a staging folder inside the project first (the same file system, so the moves below are renames); only when
 * all of it is there are the files swapped in, each replaced file moved aside first. If any move fails, every
 * move done so far is undone in reverse order, and the project is as it was.
 */
final class ProjectTransaction {
    private ProjectTransaction() {}

    static void apply(Path dir, Map<String, byte[]> writes, Set<String> deletes) {
        try {
            Path staging = Files.createTempDirectory(dir, ".rust-engineer-upgrade-");
            try {
                run(dir, staging, writes, deletes);
            } finally {
                ProjectWriter.deleteTree(staging);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("upgrading " + dir + " (nothing was changed): " + e.getMessage(), e);
        }
    }

    private static void run(Path dir, Path staging, Map<String, byte[]> writes, Set<String> deletes) throws IOException {
        Path fresh = staging.resolve("new");
        Path old = staging.resolve("old");
        for (var w : writes.entrySet()) {
            Path f = PathGuard.inside(fresh, w.getKey());
            Files.createDirectories(f.getParent());
            Files.write(f, w.getValue());
        }
        Set<String> all = new TreeSet<>(writes.keySet());
        all.addAll(deletes);
        Deque<Undo> undo = new ArrayDeque<>();
        try {
            for (String rel : all) {
                Path target = PathGuard.inside(dir, rel);
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    Path aside = PathGuard.inside(old, rel);
                    Files.createDirectories(aside.getParent());
                    if (writes.containsKey(rel)) {
                        keepPermissions(target, PathGuard.inside(fresh, rel));
                    }
                    Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
                    undo.push(() -> Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE));
                }
                if (writes.containsKey(rel)) {
                    Path parent = target.getParent();
                    Path firstMissing = null;
                    for (Path p = parent; p != null && !Files.exists(p); p = p.getParent()) {
                        firstMissing = p;
                    }
                    Files.createDirectories(parent);
                    if (firstMissing != null) {
                        Path created = firstMissing;
                        undo.push(() -> ProjectWriter.deleteTree(created));
                    }
                    Files.move(PathGuard.inside(fresh, rel), target, StandardCopyOption.ATOMIC_MOVE);
                    undo.push(() -> Files.delete(target));
                }
            }
        } catch (IOException | RuntimeException e) {
            while (!undo.isEmpty()) {
                try {
                    undo.pop().run();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
        for (String rel : deletes) {
            removeEmptyParents(dir, PathGuard.inside(dir, rel).getParent());
        }
    }

    /** A file the user made executable stays executable when its content is replaced. */
    private static void keepPermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView source = Files.getFileAttributeView(from, PosixFileAttributeView.class);
        PosixFileAttributeView target = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        if (source != null && target != null) {
            target.setPermissions(source.readAttributes().permissions());
        }
    }

    /**
     * Folders a removed file leaves empty go too (never the project's own folder). The upgrade is done by then, so
     * a folder that cannot go is left where it is rather than reported as a failed upgrade.
     */
    private static void removeEmptyParents(Path dir, Path folder) {
        for (Path p = folder; p != null && !p.equals(dir) && p.startsWith(dir) && Files.isDirectory(p); p = p.getParent()) {
            try (var entries = Files.list(p)) {
                if (entries.findAny().isPresent()) {
                    return;
                }
                Files.delete(p);
            } catch (IOException e) {
                return;
            }
        }
    }

    @FunctionalInterface
    private interface Undo {
        void run() throws IOException;
    }
}
