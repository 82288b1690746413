package dev.rustengineer.catalogue;

import dev.rustengineer.UsageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A checkout of rust-engineer itself, where `catalogue refresh` writes: the catalogue, the golden file of every
 * combination, and reads the Cargo.lock recorded for each.
 */
public record Repository(Path root) {
    static final String CATALOGUE = "src/main/resources/knowledge/crates.yaml";
    static final String GOLDEN = "src/test/resources/golden";
    static final String LOCKS = "src/main/resources/knowledge/locks";
    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>rust-engineer</artifactId>");

    /** The checkout at {@code dir}; refused in one line when {@code dir} is not one. */
    public static Repository at(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        String why = problem(root);
        if (why != null) {
            throw new UsageException(dir + " is not a checkout of rust-engineer (" + why
                    + "); catalogue refresh rewrites the repository's catalogue and golden files: run it at the repository's root or give --repo");
        }
        return new Repository(root);
    }

    private static String problem(Path root) {
        if (!Files.isDirectory(root)) {
            return "not a directory";
        }
        Path pom = root.resolve("pom.xml");
        if (!Files.isRegularFile(pom) || !ARTIFACT.matcher(read(pom)).find()) {
            return "no pom.xml of the rust-engineer artifact";
        }
        for (String p : new String[] {CATALOGUE, GOLDEN, LOCKS}) {
            if (!Files.exists(root.resolve(p))) {
                return "no " + p;
            }
        }
        return null;
    }

    public Path catalogue() {
        return root.resolve(CATALOGUE);
    }

    /** The golden file of a combination (which may not exist yet). */
    public Path golden(String combination) {
        return root.resolve(GOLDEN).resolve(combination + ".txt");
    }

    /** The recorded Cargo.lock of a combination, if there is one. */
    public Optional<String> lock(String combination) {
        Path lock = lockFile(combination);
        return Files.isRegularFile(lock) ? Optional.of(read(lock)) : Optional.empty();
    }

    /** Where the Cargo.lock of a combination is recorded (it may not be yet). */
    public Path lockFile(String combination) {
        return root.resolve(LOCKS).resolve(combination + ".lock");
    }

    /** A path as the report shows it, relative to the root. */
    public String relative(Path file) {
        return root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file + ": " + e.getMessage(), e);
        }
    }
}
