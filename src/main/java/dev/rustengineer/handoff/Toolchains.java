package dev.rustengineer.handoff;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where rust-engineer's own scripts are (scripts/wasm-toolchain.sh, scripts/setup.d/): beside the jar or the
 * classes folder this code runs from (ROOT/target/...), else under RUST_ENGINEER_HOME, else the working folder.
 */
final class Toolchains {
    private Toolchains() {}

    static Path script(String name) {
        String home = System.getenv("RUST_ENGINEER_HOME");
        if (home != null && Files.isRegularFile(Path.of(home, "scripts", name))) {
            return Path.of(home, "scripts", name).toAbsolutePath();
        }
        try {
            Path at = Path.of(Toolchains.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path d = at; d != null; d = d.getParent()) {
                if (Files.isRegularFile(d.resolve("scripts").resolve(name))) {
                    return d.resolve("scripts").resolve(name);
                }
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // fall through to the working folder
        }
        return Path.of("scripts", name).toAbsolutePath();
    }
}
