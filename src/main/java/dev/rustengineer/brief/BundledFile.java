package dev.rustengineer.brief;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;

/**
 * A file shipped inside the jar, copied once into the user's cache and read from there on every later start.
 * ONNX Runtime otherwise inflates its 16 MB native library into a new temporary directory on every start, and the
 * model would be inflated into the heap as 23 MB of bytes; a plain file is mapped by the loader instead. The copy
 * is named after the jar entry's CRC-32 and size, which the jar's directory holds, so a new build with a changed
 * file gets a new copy without the old one being read to compare.
 */
final class BundledFile {
    private BundledFile() {}

    /**
     * A cache directory holding copies of these resources (made now where missing), or empty when one is not in a
     * jar or the cache cannot be written (the caller then loads them the slow way). Files that load each other, like
     * a native library and its JNI glue, go in one call so they share a directory.
     */
    static Optional<Path> cached(String subdir, List<String> resources) {
        try {
            List<JarURLConnection> jars = new ArrayList<>();
            StringBuilder key = new StringBuilder();
            for (String resource : resources) {
                URL url = BundledFile.class.getClassLoader().getResource(resource);
                if (url == null || !(url.openConnection() instanceof JarURLConnection jar)) {
                    return Optional.empty();
                }
                JarEntry entry = jar.getJarEntry();
                if (entry == null || entry.getCrc() < 0 || entry.getSize() < 0) {
                    return Optional.empty();
                }
                jars.add(jar);
                key.append(Long.toHexString(entry.getCrc())).append(Long.toHexString(entry.getSize()));
            }
            Path dir = BriefModelStore.cacheDir().resolve(subdir + "-" + Integer.toHexString(key.toString().hashCode()));
            for (JarURLConnection jar : jars) {
                copy(jar, dir);
            }
            return Optional.of(dir);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void copy(JarURLConnection jar, Path dir) throws IOException {
        String resource = jar.getEntryName();
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        Path file = dir.resolve(name);
        if (Files.isRegularFile(file) && Files.size(file) == jar.getJarEntry().getSize()) {
            return;
        }
        Files.createDirectories(dir);
        // Written under a private name and moved into place, so a concurrent start never loads half a file.
        Path tmp = Files.createTempFile(dir, name, ".tmp");
        try (InputStream in = jar.getInputStream()) {
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
