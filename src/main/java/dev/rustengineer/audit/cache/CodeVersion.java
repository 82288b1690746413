package dev.rustengineer.audit.cache;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The version of the code that produced a cached result, so that a cache never outlives the rules that filled it:
 * from a jar, the jar's path, size and modification time (any rebuild is a new version); from a class directory
 * (tests, an IDE), a hash of every class file of the audit's package tree, wherever the rules' classes live below
 * it; plus named resources (rules.yaml). A version string that people bump by hand would be forgotten.
 */
public final class CodeVersion {
    private CodeVersion() {}

    /**
     * @param packagePath e.g. "dev/rustengineer/audit/"
     * @param resources class-path resources to include, e.g. "/audit/rules.yaml"
     */
    public static String of(Class<?> anchor, String packagePath, List<String> resources) {
        MessageDigest d = sha256();
        try {
            Path source = codeSource(anchor);
            if (source != null && Files.isRegularFile(source)) {
                // A jar is rebuilt whenever any source changes; its identity is a stat, where hashing the audit's
                // classes out of a 90 MB jar costs a quarter of a second of the cached run's one.
                d.update((source.toAbsolutePath() + "|" + Files.size(source) + "|" + Files.getLastModifiedTime(source).toMillis())
                        .getBytes(StandardCharsets.UTF_8));
            } else if (source != null) {
                for (var e : classFiles(source, packagePath).entrySet()) {
                    d.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                    d.update(e.getValue());
                }
            }
            for (String r : resources) {
                try (InputStream in = anchor.getResourceAsStream(r)) {
                    if (in != null) {
                        d.update(r.getBytes(StandardCharsets.UTF_8));
                        d.update(in.readAllBytes());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(d.digest(), 0, 16);
    }

    private static Path codeSource(Class<?> anchor) {
        try {
            return Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return null;
        }
    }

    /** Class files under the package path of a class directory, by name, in name order. */
    private static TreeMap<String, byte[]> classFiles(Path source, String packagePath) throws IOException {
        TreeMap<String, byte[]> out = new TreeMap<>();
        Path dir = source.resolve(packagePath);
        if (Files.isDirectory(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.filter(p -> p.toString().endsWith(".class")).toList()) {
                    out.put(source.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                }
            }
        }
        return out;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
