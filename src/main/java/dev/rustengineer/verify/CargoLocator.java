package dev.rustengineer.verify;

import dev.rustengineer.UsageException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the cargo to run: $CARGO (what cargo itself exports to the tools it runs), then PATH, then rustup's default
 * place ($CARGO_HOME/bin, ~/.cargo/bin), because a shell that never sourced rustup's env has cargo there and not on
 * PATH.
 */
final class CargoLocator {
    private CargoLocator() {}

    static Path locate(Map<String, String> env) {
        return find(env).orElseThrow(() -> new UsageException(
                "cargo not found (looked at $CARGO, PATH and ~/.cargo/bin): install Rust with rustup, https://rustup.rs"));
    }

    static Optional<Path> find(Map<String, String> env) {
        Stream<Path> explicit = Stream.ofNullable(env.get("CARGO")).filter(s -> !s.isBlank()).map(Path::of);
        Stream<Path> onPath = Stream.ofNullable(env.get("PATH")).flatMap(p -> Stream.of(p.split(File.pathSeparator)))
                .filter(s -> !s.isBlank()).map(dir -> Path.of(dir, "cargo"));
        Stream<Path> rustup = Stream.concat(
                Stream.ofNullable(env.get("CARGO_HOME")).map(h -> Path.of(h, "bin", "cargo")),
                Stream.ofNullable(env.get("HOME")).map(h -> Path.of(h, ".cargo", "bin", "cargo")));
        return Stream.of(explicit, onPath, rustup).flatMap(s -> s)
                .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).findFirst();
    }
}
