package dev.rustengineer.audit.cache;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;

/**
 * Where the audit cache of a tree lives: under the tree's own {@code target/} (cargo's build directory, already
 * ignored by version control and removed by {@code cargo clean}), or, when {@code RUST_ENGINEER_CACHE} names a
 * directory, in a subdirectory of it named after the tree's absolute path (for read-only trees and CI caches).
 */
public final class CacheLocation {
    public static final String ENV = "RUST_ENGINEER_CACHE";
    static final String FILE = "audit-cache.bin";

    private CacheLocation() {}

    public static Path forRoot(Path root, Map<String, String> env) {
        Path abs = root.toAbsolutePath().normalize();
        String dir = env.get(ENV);
        if (dir != null && !dir.isBlank()) {
            var d = CodeVersion.sha256().digest(abs.toString().getBytes(StandardCharsets.UTF_8));
            return Path.of(dir).resolve(HexFormat.of().formatHex(d, 0, 8)).resolve(FILE);
        }
        return abs.resolve("target").resolve("rust-engineer-audit").resolve(FILE);
    }
}
