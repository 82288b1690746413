package dev.rustengineer.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Tiny cargo projects (no dependencies) written by the tests, and the shared target directory they build in. */
public final class CargoFixtures {
    /** The one CARGO_TARGET_DIR every generated-project build shares, so a crate compiled once is reused. */
    public static final Path SHARED_TARGET = Path.of(System.getenv().getOrDefault("RUST_ENGINEER_CARGO_TARGET",
            System.getProperty("user.home") + "/.cache/rust-engineer/cargo-target"));

    private CargoFixtures() {}

    /** A library crate named {@code name} under {@code dir} whose src/lib.rs is {@code lib}. */
    public static Path project(Path dir, String name, String lib) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.resolve("src"));
        Files.writeString(p.resolve("Cargo.toml"), """
                [package]
                name = "%s"
                version = "0.1.0"
                edition = "2024"

                [dependencies]
                """.formatted(name));
        Files.writeString(p.resolve("src/lib.rs"), lib);
        return p;
    }

    public static VerifyOptions steps(VerifyStep... steps) {
        return new VerifyOptions(List.of(steps), Duration.ofMinutes(5), SHARED_TARGET);
    }

    public static final String CLEAN = """
            /// Adds one.
            ///
            /// ```
            /// assert_eq!(clean_fixture::add_one(1), 2);
            /// ```
            pub fn add_one(x: u32) -> u32 {
                x + 1
            }

            #[cfg(test)]
            mod tests {
                #[test]
                fn adds() {
                    assert_eq!(super::add_one(1), 2);
                }
            }
            """;

    /** clippy::bool_comparison on line 2, column 5; -D warnings makes it an error. */
    public static final String CLIPPY_WARNING = """
            pub fn is_set(flag: bool) -> bool {
                flag == true
            }
            """;
}
