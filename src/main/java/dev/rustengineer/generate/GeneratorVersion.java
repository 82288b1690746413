package dev.rustengineer.generate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of rust-engineer that generates: written into every project's record and compared by `upgrade`.
 * Maven fills it in from the pom (src/main/resources-filtered/rust-engineer.properties), so there is no second
 * place to bump. This is the one method the generator reads it through.
 */
public final class GeneratorVersion {
    private static final String CURRENT = load();

    private GeneratorVersion() {}

    public static String current() {
        return CURRENT;
    }

    /**
     * Orders two versions by their dot-separated numbers (1.10.0 after 1.9.2); a pre-release (0.2.0-SNAPSHOT)
     * comes before its release. Hand-written: Runtime.Version refuses a leading 0 (0.1.0) and the project has no
     * Maven-artifact library at run time.
     */
    public static int compare(String a, String b) {
        String[] pa = a.split("-", 2);
        String[] pb = b.split("-", 2);
        String[] na = pa[0].split("\\.");
        String[] nb = pb[0].split("\\.");
        for (int i = 0; i < Math.max(na.length, nb.length); i++) {
            int c = Long.compare(number(na, i), number(nb, i));
            if (c != 0) {
                return c;
            }
        }
        if (pa.length != pb.length) {
            return pa.length == 1 ? 1 : -1;
        }
        return pa.length == 1 ? 0 : pa[1].compareTo(pb[1]);
    }

    /** Whether {@code v} is a version {@link #compare} understands: numbers and dots, an optional -suffix. */
    public static boolean isVersion(String v) {
        return v != null && v.matches("\\d{1,9}(\\.\\d{1,9}){0,3}(-[0-9A-Za-z.]+)?");
    }

    private static long number(String[] parts, int i) {
        return i < parts.length ? Long.parseLong(parts[i]) : 0;
    }

    private static String load() {
        try (InputStream in = GeneratorVersion.class.getResourceAsStream("/rust-engineer.properties")) {
            if (in == null) {
                throw new IllegalStateException("rust-engineer.properties is missing from the build");
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "");
            if (!isVersion(v)) {
                throw new IllegalStateException("rust-engineer.properties was not filled in by the build: '" + v + "'");
            }
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
