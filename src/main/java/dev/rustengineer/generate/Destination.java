package dev.rustengineer.generate;

import java.nio.file.Path;

/** Where `new` puts a project: a directory named after it, or a zip file. */
public sealed interface Destination {
    boolean force();

    /**
     * The project goes to {@code parent/NAME}.
     *
     * @param force write into a non-empty directory (only generated files are replaced, nothing is deleted)
     */
    record Directory(Path parent, boolean force) implements Destination {}

    /** @param force replace an existing zip file */
    record Zip(Path file, boolean force) implements Destination {}
}
