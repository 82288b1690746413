package dev.rustengineer.generate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.semver4j.Semver;

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

    /** Orders two versions as SemVer does (1.10.0 after 1.9.2; 0.2.0-SNAPSHOT before 0.2.0). */
    public static int compare(String a, String b) {
        return Semver.parse(a).compareTo(Semver.parse(b));
    }

    /** Whether {@code v} is a SemVer version such as 0.1.0 or 0.2.0-SNAPSHOT. */
    public static boolean isVersion(String v) {
        return v != null && Semver.isValid(v);
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
