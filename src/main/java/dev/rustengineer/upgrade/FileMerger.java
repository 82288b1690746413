package dev.rustengineer.upgrade;

import dev.rustengineer.UsageException;
import dev.rustengineer.generate.PathGuard;
import dev.rustengineer.upgrade.FileChange.Action;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * Decides, file by file, what `upgrade` does: base is what was generated then, ours the user's tree now, theirs
 * what this generator makes of the same choices. Only files the generator wrote then or writes now are looked at;
 * every other file of the project is the user's alone and never read.
 */
final class FileMerger {
    private FileMerger() {}

    static List<FileChange> plan(SortedMap<String, byte[]> base, Path dir, SortedMap<String, byte[]> theirs, String theirsLabel) {
        TreeSet<String> paths = new TreeSet<>(base.keySet());
        paths.addAll(theirs.keySet());
        List<FileChange> changes = new ArrayList<>();
        for (String path : paths) {
            FileChange c = decide(path, base.get(path), read(dir, path), theirs.get(path), theirsLabel);
            if (c != null) {
                changes.add(c);
            }
        }
        return List.copyOf(changes);
    }

    /** One file's change, or null when upgrade leaves it as it is and has nothing to say about it. */
    static FileChange decide(String path, byte[] b, byte[] o, byte[] t, String theirsLabel) {
        if (t == null) {
            if (b == null || o == null) {
                return null;
            }
            return same(o, b) ? new FileChange(path, Action.REMOVED, o, null, 0) : new FileChange(path, Action.KEPT_MODIFIED, o, null, 1);
        }
        if (o == null) {
            if (b == null) {
                return new FileChange(path, Action.ADDED, null, t, 0);
            }
            return new FileChange(path, same(t, b) ? Action.STAYS_DELETED : Action.STAYS_DELETED_CHANGED, null, null, 0);
        }
        if (same(o, t) || b != null && same(t, b)) {
            return null;
        }
        if (b != null && same(o, b)) {
            return new FileChange(path, Action.UPDATED, o, t, 0);
        }
        if (path.equals("Cargo.lock") || path.endsWith("/Cargo.lock")) {
            // A lock file is cargo's to write, never merged by lines: cargo reconciles the user's with the merged manifest.
            return new FileChange(path, Action.KEPT_LOCK, o, null, 0);
        }
        byte[] base = b == null ? new byte[0] : b;
        TextMerge.Merged m = path.equals("Cargo.toml") || path.endsWith("/Cargo.toml")
                ? CargoTomlMerge.merge(base, o, t, theirsLabel)
                : TextMerge.merge(base, o, t, theirsLabel);
        if (m.conflicts() > 0 && Arrays.equals(m.content(), o)) {
            return new FileChange(path, Action.KEPT_BINARY, o, null, m.conflicts());
        }
        if (Arrays.equals(m.content(), o)) {
            return null;
        }
        return new FileChange(path, m.conflicts() > 0 ? Action.CONFLICT : Action.MERGED, o, m.content(), m.conflicts());
    }

    private static boolean same(byte[] a, byte[] b) {
        return Arrays.equals(a, b);
    }

    /** The user's file, or null when it is not there. */
    private static byte[] read(Path dir, String path) {
        Path file = PathGuard.inside(dir, path);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new UsageException(file + " is not a regular file (a directory or a link) where the generator writes a file; "
                    + "move it aside and run upgrade again");
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file + ": " + e.getMessage(), e);
        }
    }
}
