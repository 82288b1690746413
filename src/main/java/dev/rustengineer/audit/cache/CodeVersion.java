package dev.rustengineer.audit.cache;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The version of the code that produced a cached result: a hash of every class file of a package tree (the audit
 * and its rules, wherever the rules helper's classes live below it) and of named resources (rules.yaml), read from
 * the jar or class directory this class was loaded from. A rebuild that changes any rule invalidates the cache; one
 * that touches only other commands does not. A version string that people bump by hand would be forgotten.
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
            for (var e : classFiles(anchor, packagePath).entrySet()) {
                d.update(e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                d.update(e.getValue());
            }
            for (String r : resources) {
                try (InputStream in = anchor.getResourceAsStream(r)) {
                    if (in != null) {
                        d.update(r.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        d.update(in.readAllBytes());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(d.digest(), 0, 16);
    }

    /** Class files under the package path, by name, in name order (so the hash does not depend on jar order). */
    private static TreeMap<String, byte[]> classFiles(Class<?> anchor, String packagePath) throws IOException {
        TreeMap<String, byte[]> out = new TreeMap<>();
        Path source;
        try {
            source = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return out;
        }
        if (Files.isDirectory(source)) {
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
        try (JarFile jar = new JarFile(source.toFile())) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                if (e.getName().startsWith(packagePath) && e.getName().endsWith(".class")) {
                    try (InputStream in = jar.getInputStream(e)) {
                        out.put(e.getName(), in.readAllBytes());
                    }
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
