package dev.rustengineer.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a reviewer checks on day one, before anyone edits the project, with the outside tools they would use
 * (from scripts/setup.d/35-peer-tools.sh): every kind under a 2-character and a 40-character name passes fmt and
 * clippy -D warnings (rustfmt wraps long names differently, and a comment must never be separated from what it
 * documents); every generated GitHub workflow passes actionlint and every Dockerfile hadolint; a service that
 * was never verified builds with `cargo build --locked` from its shipped Cargo.lock (as its Dockerfile and CI do);
 * and the services' deny.toml passes `cargo deny check licenses bans sources` (advisories need the RustSec
 * database from GitHub, which the generated CI workflow fetches and this machine cannot).
 */
class GeneratedProjectHygieneIT {
    static final Path PEER_TOOLS = Path.of(System.getenv().getOrDefault("RUST_ENGINEER_PEER_TOOLS",
            System.getProperty("user.home") + "/.cache/rust-engineer/peer-tools"), "bin");
    static final String SHORT = "qz";
    static final String LONG = "northwind-inventory-reconciliation-svc40";

    /** The first variant of every set: each kind and template set once. */
    static Stream<Projects.Variant> firstOfEachSet() {
        List<String> seen = new ArrayList<>();
        return Projects.variants().stream().filter(v -> v.with().isEmpty()).filter(v -> {
            if (seen.contains(v.offer().set())) {
                return false;
            }
            seen.add(v.offer().set());
            return true;
        }).filter(v -> Projects.variantsToRun(v.offer().kind()).contains(v));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("firstOfEachSet")
    void shortAndLongNamesPassFmtAndClippy(Projects.Variant variant, @TempDir Path dir) throws Exception {
        assertThat(LONG).hasSize(40);
        for (String name : List.of(SHORT, LONG)) {
            var made = generate(dir, name, variant);
            assertThat(made.code()).as(made.out()).isZero();
            var verified = launcher(dir, List.of("verify", dir.resolve(name).toString(), "--steps", "fmt,clippy",
                    "--target-dir", ItSupport.cargoTarget().toString()));
            assertThat(verified.code()).as("%s as %s:%n%s", variant, name, verified.out()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("firstOfEachSet")
    void workflowsAndDockerfilesPassTheirLinters(Projects.Variant variant, @TempDir Path dir) throws Exception {
        var made = generate(dir, "lint-me", variant);
        assertThat(made.code()).as(made.out()).isZero();
        Path project = dir.resolve("lint-me");
        try (Stream<Path> workflows = Files.list(project.resolve(".github/workflows"))) {
            for (Path workflow : workflows.toList()) {
                var lint = ItSupport.run(project, Map.of(), Duration.ofMinutes(1), PEER_TOOLS.resolve("actionlint").toString(),
                        "-no-color", project.relativize(workflow).toString());
                assertThat(lint.code()).as("actionlint %s:%n%s", workflow.getFileName(), lint.out()).isZero();
            }
        }
        Path dockerfile = project.resolve("Dockerfile");
        if (Files.exists(dockerfile)) {
            var lint = ItSupport.run(project, Map.of(), Duration.ofMinutes(1), PEER_TOOLS.resolve("hadolint").toString(),
                    "--no-color", "Dockerfile");
            assertThat(lint.code()).as("hadolint:%n%s", lint.out()).isZero();
        }
    }

    @Test
    void aServiceThatWasNeverVerifiedBuildsLockedAndPassesCargoDeny(@TempDir Path dir) throws Exception {
        Projects.Variant variant = Projects.variants().stream().filter(v -> v.id().equals("axum-service-sqlite-sqlx"))
                .findFirst().orElseThrow();
        var made = generate(dir, "never-verified", variant);
        assertThat(made.code()).as(made.out()).isZero();
        Path project = dir.resolve("never-verified");
        Map<String, String> env = Map.of("CARGO_TARGET_DIR", ItSupport.cargoTarget().toString());
        var build = ItSupport.run(project, env, Duration.ofMinutes(30), "cargo", "build", "--locked");
        assertThat(build.code()).as(build.out()).isZero();
        var deny = ItSupport.run(project, env, Duration.ofMinutes(5), PEER_TOOLS.resolve("cargo-deny").toString(),
                "--color", "never", "check", "licenses", "bans", "sources");
        assertThat(deny.code()).as(deny.out()).isZero();
    }

    /** `./rust-engineer ARGS...` through the real launcher, run in {@code cwd}. */
    private static ItSupport.Run launcher(Path cwd, List<String> args) throws Exception {
        List<String> c = new ArrayList<>(List.of(Path.of("rust-engineer").toAbsolutePath().toString()));
        c.addAll(args);
        return ItSupport.run(cwd, Map.of(), Duration.ofMinutes(30), c.toArray(String[]::new));
    }

    /** `new NAME --dir DIR` followed by the variant's arguments. */
    private static ItSupport.Run generate(Path dir, String name, Projects.Variant variant) throws Exception {
        List<String> args = new ArrayList<>(List.of("new", name, "--dir", dir.toString()));
        args.addAll(variant.newArguments());
        return launcher(dir, args);
    }
}
