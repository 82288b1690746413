package dev.rustengineer.generate;

import dev.rustengineer.UsageException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The merge base every generated project keeps beside its record: its files exactly as they were written
 * (formatted), in `.rust-engineer/base.zip`. Kept rather than re-rendered because re-rendering needs the very
 * generator version (and rustfmt version) that wrote them, which a user who upgrades years later no longer has.
 *
 * <p>Entries are uncompressed (STORED), in path order, with a fixed local timestamp: the same files give the same
 * bytes on every JDK and in every time zone (no zlib, no time-zone conversion), and git keeps successive bases as
 * deltas of each other, which compressed entries would defeat. A zip rather than a folder of copies, so that
 * cargo, rust-analyzer, linters and code search never see a second Cargo.toml or a second copy of the code;
 * every entry carries a CRC, so a damaged base is noticed when read.
 */
public final class BaseArchive {
    public static final String PATH = ProjectRecord.DIR + "/base.zip";
    private static final LocalDateTime EPOCH = LocalDateTime.of(1980, 1, 1, 0, 0);

    private BaseArchive() {}

    /** The base of a generated project: every file except the record's own folder. */
    public static byte[] of(GeneratedProject formatted) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        formatted.files().forEach((path, text) -> {
            if (!path.startsWith(ProjectRecord.DIR + "/")) {
                files.put(path, text.getBytes(StandardCharsets.UTF_8));
            }
        });
        return write(files);
    }

    /** The archive of these files (path to bytes). */
    public static byte[] write(SortedMap<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (var f : files.entrySet()) {
                ZipEntry e = new ZipEntry(f.getKey());
                e.setMethod(ZipEntry.STORED);
                e.setSize(f.getValue().length);
                e.setCompressedSize(f.getValue().length);
                CRC32 crc = new CRC32();
                crc.update(f.getValue());
                e.setCrc(crc.getValue());
                e.setTimeLocal(EPOCH);
                z.putNextEntry(e);
                z.write(f.getValue());
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The files of a project's base, path to bytes.
     *
     * @throws UsageException when the base is missing or damaged (a CRC that does not match, an unsafe path)
     */
    public static SortedMap<String, byte[]> read(Path projectDir) {
        Path zip = projectDir.resolve(PATH);
        if (!Files.isRegularFile(zip)) {
            throw new UsageException(projectDir + " has a record but no merge base (" + PATH + "); restore it from version "
                    + "control (git checkout -- " + PATH + "): without it upgrade cannot tell your edits from the generator's");
        }
        try (InputStream in = Files.newInputStream(zip)) {
            return read(in);
        } catch (IOException e) {
            throw new UsageException(zip + " is damaged (" + e.getMessage() + "); restore it from version control (git checkout -- "
                    + PATH + ")");
        }
    }

    static SortedMap<String, byte[]> read(InputStream in) throws IOException {
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                if (e.isDirectory()) {
                    continue;
                }
                try {
                    PathGuard.checkRelative(e.getName());
                } catch (UsageException unsafe) {
                    throw new ZipException(unsafe.getMessage());
                }
                // ZipInputStream checks each entry's CRC when the entry is read to its end.
                if (files.put(e.getName(), z.readAllBytes()) != null) {
                    throw new ZipException("entry " + e.getName() + " appears twice");
                }
            }
        }
        if (files.isEmpty()) {
            throw new ZipException("no entries");
        }
        return Collections.unmodifiableSortedMap(files);
    }
}
