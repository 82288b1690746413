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
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The version of the code that produced a cached result, so that a cache never outlives the rules that filled it:
 * a hash of every class file of the audit's package tree (wherever the rules' classes live below it) and of named
 * resources (rules.yaml), read from the jar or class directory the code was loaded from. javac's output is
 * deterministic, so a rebuild of the same sources (a CI job that builds the tool each run) keeps the version, and
 * any change to a rule changes it. A version string people bump by hand would be forgotten.
 *
 * <p>Hashing the classes out of a 90 MB jar costs a quarter of a second, a quarter of a cached run's budget, so the
 * cache also remembers the jar's {@link #identity()} (path, size, modification time) beside the hash: while the
 * jar is the same file, the hash is not computed again.
 */
public final class CodeVersion {
    private final String jar;
    private final Supplier<String> compute;
    private volatile String hash;

    /**
     * @param jar the build's cheap identity, or null where there is none (a class directory): the hash stands in
     * @param compute computes the hash, at most once
     */
    CodeVersion(String jar, Supplier<String> compute) {
        this.jar = jar;
        this.compute = compute;
    }

    /**
     * @param packagePath e.g. "dev/rustengineer/audit/"
     * @param resources class-path resources to include, e.g. "/audit/rules.yaml"
     */
    public static CodeVersion of(Class<?> anchor, String packagePath, List<String> resources) {
        Path source = codeSource(anchor);
        return new CodeVersion(jarIdentity(source, packagePath, resources).orElse(null),
                () -> compute(anchor, source, packagePath, resources));
    }

    /** A cheap name for this exact build: the jar's path, size and time; from a class directory, the hash itself. */
    public String identity() {
        return jar != null ? jar : hash();
    }

    /** The hash of the classes and resources, computed once per instance. */
    public String hash() {
        String h = hash;
        if (h == null) {
            h = compute.get();
            hash = h;
        }
        return h;
    }

    private static Optional<String> jarIdentity(Path source, String packagePath, List<String> resources) {
        if (source == null || !Files.isRegularFile(source)) {
            return Optional.empty();
        }
        try {
            return Optional.of(source.toAbsolutePath() + "|" + Files.size(source) + "|" + Files.getLastModifiedTime(source).toMillis()
                    + "|" + packagePath + "|" + resources);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String compute(Class<?> anchor, Path source, String packagePath, List<String> resources) {
        MessageDigest d = sha256();
        try {
            for (var e : classFiles(source, packagePath).entrySet()) {
                d.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                d.update(e.getValue());
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

    /** Class files under the package path, by name, in name order (so the hash does not depend on jar order). */
    private static TreeMap<String, byte[]> classFiles(Path source, String packagePath) throws IOException {
        TreeMap<String, byte[]> out = new TreeMap<>();
        if (source == null) {
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
        try (JarFile jar = new JarFile(source.toFile(), false)) { // no signature checks: the hash is not a trust decision
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

    private static Path codeSource(Class<?> anchor) {
        try {
            return Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return null;
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
