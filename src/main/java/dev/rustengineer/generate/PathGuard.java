package dev.rustengineer.generate;

import dev.rustengineer.UsageException;
import java.nio.file.Path;

/** No generated or archived path may leave its root: no absolute paths, no '..', no drive letters. */
public final class PathGuard {
    private PathGuard() {}

    public static void checkRelative(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.startsWith("\\") || path.contains("\\")
                || path.matches("^[A-Za-z]:.*") || path.contains("\0")) {
            throw new UsageException("unsafe path '" + path + "': paths must be relative and '/'-separated");
        }
        for (String part : path.split("/")) {
            if (part.equals("..") || part.isEmpty() && !path.endsWith("/")) {
                throw new UsageException("unsafe path '" + path + "': it must not leave its root");
            }
        }
    }

    /** {@code root.resolve(relative)}, proven to stay inside {@code root}. */
    public static Path inside(Path root, String relative) {
        checkRelative(relative);
        Path resolved = root.resolve(relative).normalize();
        if (!resolved.startsWith(root.normalize())) {
            throw new UsageException("unsafe path '" + relative + "': it leaves " + root);
        }
        return resolved;
    }
}
