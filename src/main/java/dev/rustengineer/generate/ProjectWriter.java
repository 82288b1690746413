package dev.rustengineer.generate;

import dev.rustengineer.UsageException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Puts a generated project on disk or in a zip without ever leaving a half-written result or losing a user's
 * file: everything is written and formatted in a staging directory first, then moved into place.
 */
public final class ProjectWriter {
    /** Zip entries carry this time so the same project gives the same bytes. */
    private static final FileTime EPOCH = FileTime.fromMillis(315532800000L);

    private final RustFormatter formatter;

    public ProjectWriter(RustFormatter formatter) {
        this.formatter = formatter;
    }

    /** What was written, and anything the user should know (e.g. rustfmt missing). */
    public record Written(Path location, List<String> files, String formatProblem) {}

    /**
     * Writes the project to {@code target}. A non-empty target needs {@code force}; even then only files the
     * project generates are replaced, and nothing else there is touched.
     */
    public Written toDirectory(GeneratedProject project, Path target, boolean force) {
        Path dest = target.toAbsolutePath().normalize();
        boolean exists = Files.exists(dest);
        if (exists && !Files.isDirectory(dest)) {
            throw new UsageException(dest + " exists and is not a directory");
        }
        if (exists && !isEmpty(dest) && !force) {
            throw new UsageException(dest + " is not empty; use --force to write the project into it "
                    + "(files there that the project does not generate are kept)");
        }
        Path parent = dest.getParent();
        try {
            Files.createDirectories(parent);
            Path staging = Files.createTempDirectory(parent, ".rust-engineer-");
            try {
                Staged staged = stage(project, staging);
                if (!exists || isEmpty(dest)) {
                    if (exists) {
                        Files.delete(dest);
                    }
                    Files.move(staging, dest, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    for (String rel : staged.files()) {
                        Path to = PathGuard.inside(dest, rel);
                        Files.createDirectories(to.getParent());
                        Files.move(staging.resolve(rel), to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    }
                }
                return new Written(dest, staged.files(), staged.formatProblem());
            } finally {
                deleteTree(staging);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + dest + ": " + e.getMessage(), e);
        }
    }

    /** Writes the project as a zip whose entries sit under the project's name. */
    public Written toZip(GeneratedProject project, Path zip, boolean force) {
        Path dest = zip.toAbsolutePath().normalize();
        if (Files.exists(dest) && !force) {
            throw new UsageException(dest + " exists; use --force to replace it");
        }
        try {
            Files.createDirectories(dest.getParent());
            Path staging = Files.createTempDirectory("rust-engineer-");
            Path tmpZip = Files.createTempFile(dest.getParent(), ".rust-engineer-", ".zip");
            try {
                Staged staged = stage(project, staging);
                try (OutputStream out = Files.newOutputStream(tmpZip)) {
                    zip(project.name(), staged, staging, out);
                }
                Files.move(tmpZip, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return new Written(dest, staged.files(), staged.formatProblem());
            } finally {
                deleteTree(staging);
                Files.deleteIfExists(tmpZip);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + dest + ": " + e.getMessage(), e);
        }
    }

    /** The zip of a project as bytes (for the web door), staged and formatted the same way. */
    public void zip(GeneratedProject project, OutputStream out) {
        try {
            Path staging = Files.createTempDirectory("rust-engineer-");
            try {
                zip(project.name(), stage(project, staging), staging, out);
            } finally {
                deleteTree(staging);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files in the staging folder, in path order, and why they are not formatted (null when they are). */
    private record Staged(List<String> files, String formatProblem) {}

    /**
     * Writes and formats the project in {@code staging}; a project with a record also gets its merge base there,
     * made from the files as formatted (what the user receives is what the next upgrade merges against).
     */
    private Staged stage(GeneratedProject project, Path staging) throws IOException {
        for (var e : project.files().entrySet()) {
            Path file = PathGuard.inside(staging, e.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
        }
        String problem = formatter.format(staging);
        if (!project.files().containsKey(ProjectRecord.PATH)) {
            return new Staged(List.copyOf(project.files().keySet()), problem);
        }
        Files.write(staging.resolve(BaseArchive.PATH), BaseArchive.of(readBack(project, staging)));
        TreeSet<String> files = new TreeSet<>(project.files().keySet());
        files.add(BaseArchive.PATH);
        return new Staged(List.copyOf(files), problem);
    }

    private static GeneratedProject readBack(GeneratedProject project, Path staging) throws IOException {
        TreeMap<String, String> files = new TreeMap<>();
        for (String rel : project.files().keySet()) {
            files.put(rel, Files.readString(staging.resolve(rel)));
        }
        return new GeneratedProject(project.name(), files);
    }

    private static void zip(String name, Staged staged, Path staging, OutputStream out) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (String rel : staged.files()) {
                putEntry(z, name + "/" + rel, staging.resolve(rel));
            }
        }
    }

    /**
     * Every regular file under {@code dir} as a zip entry under {@code prefix}, in path order, bytes as they are
     * (a handoff package may hold a .wasm) and with the project zips' fixed timestamp.
     */
    public static void zipTree(Path dir, String prefix, OutputStream out) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(out); Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                putEntry(z, prefix + dir.relativize(file).toString().replace('\\', '/'), file);
            }
        }
    }

    private static void putEntry(ZipOutputStream z, String name, Path file) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setLastModifiedTime(EPOCH);
        z.putNextEntry(entry);
        Files.copy(file, z);
        z.closeEntry();
    }

    /** The files of a staged, formatted project, read back (for tests and golden files). */
    public GeneratedProject formatted(GeneratedProject project) {
        return formatted(project, false);
    }

    /**
     * The files exactly as `new` writes them, or a {@link UsageException} when rustfmt cannot format them: `upgrade`
     * compares them with the files as written then, and unformatted ones would differ in every Rust file.
     */
    public GeneratedProject formattedAsWritten(GeneratedProject project) {
        return formatted(project, true);
    }

    private GeneratedProject formatted(GeneratedProject project, boolean strict) {
        try {
            Path staging = Files.createTempDirectory("rust-engineer-");
            try {
                Staged staged = stage(project, staging);
                if (strict && staged.formatProblem() != null) {
                    throw new UsageException("cannot regenerate the files exactly as `new` writes them: " + staged.formatProblem());
                }
                return readBack(project, staging);
            } finally {
                deleteTree(staging);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a folder and everything in it (nothing when it is not there); every scratch folder goes this way. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        List<Path> all = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.forEach(all::add);
        }
        all.sort(Comparator.reverseOrder());
        for (Path p : all) {
            try {
                Files.deleteIfExists(p);
            } catch (DirectoryNotEmptyException | FileAlreadyExistsException e) {
                // A directory refilled concurrently: leave it rather than fail the whole write.
            }
        }
    }
}
