package dev.rustengineer.web;

import dev.rustengineer.generate.PathGuard;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Unpacks an uploaded zip or tarball (.tar, .tar.gz) of sources with limits: entry count and unpacked size
 * (zip bombs), and paths that stay inside the target directory (zip slip). Only regular files are written; links
 * and devices are skipped. Every refusal is a 4xx {@link ApiError}.
 */
final class ArchiveUnpacker {
    private final int maxEntries;
    private final long maxBytes;

    ArchiveUnpacker(int maxEntries, long maxBytes) {
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    /** @return how many files were written */
    int unpack(byte[] archive, Path into) throws IOException {
        try {
            return entries(archive, into);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            // commons-compress reports a damaged or foreign body as one of these (an IOException such as "Corrupted
            // TAR archive", or an IllegalArgumentException from a bad header field): the client's archive is at fault.
            throw new ApiError(400, "the body is not a readable zip or tar archive: " + e.getMessage(),
                    List.of(new FieldProblem("body", "a zip, a .tar or a .tar.gz")));
        }
    }

    private int entries(byte[] archive, Path into) throws IOException {
        try (ArchiveInputStream<? extends ArchiveEntry> in = open(archive)) {
            int entries = 0;
            int files = 0;
            long total = 0;
            ArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (++entries > maxEntries) {
                    throw new ApiError(413, "the archive has more than " + maxEntries + " entries");
                }
                String name = e.getName().replace('\\', '/');
                while (name.startsWith("./")) {
                    name = name.substring(2);
                }
                if (e.isDirectory() || name.isEmpty() || isLink(e)) {
                    continue;
                }
                Path target;
                try {
                    target = PathGuard.inside(into, name);
                } catch (RuntimeException bad) {
                    throw new ApiError(400, "the archive entry '" + e.getName() + "' would be written outside its folder");
                }
                Files.createDirectories(target.getParent());
                try (OutputStream out = Files.newOutputStream(target)) {
                    byte[] buf = new byte[8192];
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        total += n;
                        if (total > maxBytes) {
                            throw new ApiError(413, "the archive unpacks to more than " + maxBytes + " bytes");
                        }
                        out.write(buf, 0, n);
                    }
                }
                files++;
            }
            if (files == 0) {
                throw new ApiError(400, "the archive holds no files (send a zip or a .tar.gz of Rust sources)");
            }
            return files;
        }
    }

    private static boolean isLink(ArchiveEntry e) {
        return e instanceof TarArchiveEntry t && (t.isSymbolicLink() || t.isLink() || !t.isFile())
                || e instanceof ZipArchiveEntry z && z.isUnixSymlink();
    }

    private static ArchiveInputStream<? extends ArchiveEntry> open(byte[] archive) throws IOException {
        if (archive.length >= 4 && archive[0] == 'P' && archive[1] == 'K') {
            return new ZipArchiveInputStream(new ByteArrayInputStream(archive));
        }
        InputStream raw = new BufferedInputStream(new ByteArrayInputStream(archive));
        if (archive.length >= 2 && (archive[0] & 0xff) == 0x1f && (archive[1] & 0xff) == 0x8b) {
            raw = new GzipCompressorInputStream(raw);
        } else if (archive.length < 512) {
            throw new ApiError(400, "the body is not a zip or tar archive", List.of(new FieldProblem("body", "a zip, a .tar or a .tar.gz")));
        }
        return new TarArchiveInputStream(raw);
    }
}
