package dev.rustengineer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The one version rust-engineer reports everywhere: `--version`, `/api/metadata`, the MCP server's info, SARIF's
 * driver and the distribution's name. Maven writes it into rust-engineer.properties from the pom, so there is no
 * second place to bump.
 */
public final class Version {
    private static final String CURRENT = load();

    private Version() {}

    public static String current() {
        return CURRENT;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("/rust-engineer.properties")) {
            if (in == null) {
                throw new IllegalStateException("rust-engineer.properties is missing from the build");
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "");
            if (v.isBlank() || v.contains("${")) {
                throw new IllegalStateException("rust-engineer.properties was not filled in by the build: '" + v + "'");
            }
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
