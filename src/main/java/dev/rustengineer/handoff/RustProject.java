package dev.rustengineer.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.rustengineer.UsageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A Rust project as a handoff reads it: its Cargo.toml (package name and every dependency, dev and build ones
 * included), its Rust sources, its README, and any file by relative path. Generated or not: nothing here
 * assumes rust-engineer wrote it.
 */
public record RustProject(Path root, String name, SortedSet<String> dependencies, SortedMap<String, String> sources,
        String readme) {

    private static final int MAX_SOURCE_BYTES = 2_000_000;

    public static RustProject read(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        Path manifest = root.resolve("Cargo.toml");
        if (!Files.isRegularFile(manifest)) {
            throw new UsageException(root + " is not a Rust project: it has no Cargo.toml");
        }
        JsonNode toml;
        try {
            toml = new TomlMapper().readTree(Files.readString(manifest));
        } catch (IOException e) {
            throw new UsageException(manifest + " is not valid TOML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        String name = toml.path("package").path("name").asText(root.getFileName().toString());
        SortedSet<String> deps = new TreeSet<>();
        for (String table : List.of("dependencies", "dev-dependencies", "build-dependencies")) {
            toml.path(table).fieldNames().forEachRemaining(deps::add);
            toml.path("workspace").path(table).fieldNames().forEachRemaining(deps::add);
        }
        SortedMap<String, String> sources = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> p.toString().endsWith(".rs") && Files.isRegularFile(p))
                    .filter(p -> !skipped(root.relativize(p)))
                    .forEach(p -> sources.put(rel(root, p), readSmall(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String readme = Files.isRegularFile(root.resolve("README.md")) ? readSmall(root.resolve("README.md")) : "";
        return new RustProject(root, name, deps, sources, readme);
    }

    private static boolean skipped(Path rel) {
        for (Path part : rel) {
            String s = part.toString();
            if (s.equals("target") || s.equals("vendor") || s.equals("node_modules") || s.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    static String rel(Path root, Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    private static String readSmall(Path p) {
        try {
            if (Files.size(p) > MAX_SOURCE_BYTES) {
                return "";
            }
            return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean dependsOn(String crate) {
        return dependencies.contains(crate);
    }

    public boolean has(String relPath) {
        return Files.isRegularFile(root.resolve(relPath));
    }

    public Optional<String> file(String relPath) {
        Path p = root.resolve(relPath).normalize();
        if (!p.startsWith(root) || !Files.isRegularFile(p)) {
            return Optional.empty();
        }
        return Optional.of(readSmall(p));
    }

    /** Every regular file under {@code dir} (relative to the root, sorted), skipping build output and dot-folders. */
    public List<String> filesUnder(String dir, String suffix) {
        Path base = root.resolve(dir).normalize();
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(base)) {
            walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(suffix))
                    .filter(p -> !skipped(root.relativize(p)))
                    .filter(p -> !p.startsWith(root.resolve("handoff")))
                    .forEach(p -> out.add(rel(root, p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(null);
        return out;
    }

    /** The README's first paragraph after its title: a generated one says what the service is, in words advise reads. */
    public String description() {
        var paragraph = new StringBuilder();
        for (String line : readme.lines().toList()) {
            if (line.startsWith("#")) {
                if (!paragraph.isEmpty()) {
                    break;
                }
                continue;
            }
            if (line.isBlank()) {
                if (!paragraph.isEmpty()) {
                    break;
                }
                continue;
            }
            paragraph.append(paragraph.isEmpty() ? "" : " ").append(line.strip());
        }
        String text = paragraph.toString().replace("`", "");
        int generated = text.indexOf(" Generated by rust-engineer");
        return generated > 0 ? text.substring(0, generated) : text;
    }
}
