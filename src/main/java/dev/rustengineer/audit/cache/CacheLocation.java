package dev.rustengineer.audit.cache;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedSet;

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
        return forRoot(root, env, Collections.emptySortedSet());
    }

    /**
     * The cache of a run with these rules switched off: a file of its own beside the full run's
     * ({@code audit-cache-off-<hash>.bin}), so that neither run's findings answer for the other's.
     */
    public static Path forRoot(Path root, Map<String, String> env, SortedSet<String> switchedOff) {
        Path abs = root.toAbsolutePath().normalize();
        String file = switchedOff.isEmpty() ? FILE : "audit-cache-off-" + shortHash(String.join(",", switchedOff)) + ".bin";
        String dir = env.get(ENV);
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir).resolve(shortHash(abs.toString())).resolve(file);
        }
        return abs.resolve("target").resolve("rust-engineer-audit").resolve(file);
    }

    private static String shortHash(String s) {
        return HexFormat.of().formatHex(CodeVersion.sha256().digest(s.getBytes(StandardCharsets.UTF_8)), 0, 8);
    }
}
