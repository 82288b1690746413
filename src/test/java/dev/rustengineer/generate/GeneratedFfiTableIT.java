package dev.rustengineer.generate;

import dev.rustengineer.generate.ItSupport.Run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rustengineer.blueprint.ProjectKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The FFI table's other three outcomes end to end, each through the real launcher with `new NAME --kind KIND
 * --verify` (fmt, clippy -D warnings, build, test), then what verify does not show:
 * <ul>
 * <li>ffi-benchmark: `cargo bench --no-run` builds the criterion harness, a short run measures both the C and the
 * Rust implementation at every size (the figures are printed side by side with their ratio);</li>
 * <li>ffi-rewrite: the default build has no C in it (`cargo tree` shows no cc), `cargo test --features
 * c-reference` checks the port against the old C on random input, and the C's own test program (compiled with
 * cc) passes with the vectors the Rust tests claim to have ported;</li>
 * <li>ffi-windows: the built binary's stub explains itself (exit 1), the Linux dependency tree has no `windows`
 * crate, and the cfg(windows) code type-checks against the real `windows` crate for x86_64-pc-windows-msvc with
 * Debian's rustc-web and `-Zbuild-std` (scripts/setup.d/45-cport.sh installs it). It is not run here.</li>
 * </ul>
 */
class GeneratedFfiTableIT {
    private static final Pattern BENCH = Pattern.compile(
            "crc32/(C|Rust)/(\\d+)\\s+time:\\s+\\[\\S+ \\S+ (\\S+) (\\S+) \\S+ \\S+\\]");

    static Stream<Projects.Variant> benchmark() {
        return Projects.variantsToRun(ProjectKind.FFI_BENCHMARK).stream();
    }

    static Stream<Projects.Variant> rewrite() {
        return Projects.variantsToRun(ProjectKind.FFI_REWRITE).stream();
    }

    static Stream<Projects.Variant> windows() {
        return Projects.variantsToRun(ProjectKind.FFI_WINDOWS).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("benchmark")
    void benchmarkBuildsAndMeasuresBoth(Projects.Variant variant, @TempDir Path dir) throws Exception {
        Path project = ItSupport.newAndVerify(variant.name(), variant.newArguments(), dir, null, 6).project();

        Run noRun = run(project, Map.of(), 30, "cargo", "bench", "--no-run");
        assertThat(noRun.code()).as(noRun.out()).isZero();
        assertThat(noRun.out()).contains("benches/compare.rs");

        Run bench = run(project, Map.of(), 20, "cargo", "bench", "--bench", "compare", "--",
                "--warm-up-time", "0.2", "--measurement-time", "0.5");
        assertThat(bench.code()).as(bench.out()).isZero();
        Map<String, Double> nanos = new LinkedHashMap<>();
        Matcher m = BENCH.matcher(bench.out());
        while (m.find()) {
            nanos.put(m.group(1) + "/" + m.group(2), toNanos(Double.parseDouble(m.group(3)), m.group(4)));
        }
        List<String> sizes = List.of("64", "4096", "65536", "1048576");
        for (String size : sizes) {
            assertThat(nanos).as(bench.out()).containsKeys("C/" + size, "Rust/" + size);
        }
        StringBuilder table = new StringBuilder("ffi-benchmark, one short run (median time per call):\n");
        table.append(String.format(Locale.ROOT, "%10s %14s %14s %12s%n", "bytes", "C", "Rust", "Rust/C"));
        for (String size : sizes) {
            double c = nanos.get("C/" + size);
            double rust = nanos.get("Rust/" + size);
            table.append(String.format(Locale.ROOT, "%10s %11.1f ns %11.1f ns %12.2f%n", size, c, rust, rust / c));
        }
        System.out.println(table);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rewrite")
    void rewriteHasNoCAndMatchesTheOldC(Projects.Variant variant, @TempDir Path dir) throws Exception {
        Path project = ItSupport.newAndVerify(variant.name(), variant.newArguments(), dir, null, 15).project();

        Run tree = run(project, Map.of(), 5, "cargo", "tree", "--edges", "normal,build", "--prefix", "none");
        assertThat(tree.code()).as(tree.out()).isZero();
        assertThat(tree.out()).as("no C compiler crate in the default build").doesNotContain("cc v");

        Run reference = run(project, Map.of(), 20, "cargo", "test", "--features", "c-reference", "--test", "c_reference");
        assertThat(reference.code()).as(reference.out()).isZero();
        assertThat(reference.out()).contains("test port_equals_c ... ok",
                "test the_c_reference_is_linked_and_gives_the_check_value ... ok", "2 passed; 0 failed");

        Path exe = dir.resolve("test_crc32");
        Run cc = run(project, Map.of(), 5, "cc", "-O2", "-std=c99", "-Wall", "-Wextra", "-Werror", "-o", exe.toString(),
                "c/test_crc32.c", "c/crc32.c");
        assertThat(cc.code()).as(cc.out()).isZero();
        Run cTests = run(project, Map.of(), 2, exe.toString());
        assertThat(cTests.code()).as(cTests.out()).isZero();
        assertThat(cTests.out()).isEqualTo("all crc32 tests passed\n");
        // The vectors the C asserts are the ones the Rust tests assert (the ported table, case for case).
        String c = Files.readString(project.resolve("c/test_crc32.c"));
        String rust = Files.readString(project.resolve("tests/vectors.rs")).replace("_", "").toLowerCase(Locale.ROOT);
        Matcher hex = Pattern.compile("0x([0-9a-f]{8})u").matcher(c);
        int vectors = 0;
        while (hex.find()) {
            assertThat(rust).as("tests/vectors.rs has C's expected value %s", hex.group(1)).contains("0x" + hex.group(1));
            vectors++;
        }
        assertThat(vectors).isGreaterThanOrEqualTo(15);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("windows")
    void windowsStubExplainsAndTheWindowsCodeTypeChecks(Projects.Variant variant, @TempDir Path dir) throws Exception {
        String name = variant.name();
        Path project = ItSupport.newAndVerify(name, variant.newArguments(), dir, null, 7).project();

        Run binary = run(project, Map.of(), 1, ItSupport.binary(name).toString());
        assertThat(binary.code()).isEqualTo(1);
        assertThat(binary.out()).startsWith("error: GetSystemPowerStatus is a Windows API (kernel32.dll) and does not"
                + " exist on linux").contains("cargo check --target x86_64-pc-windows-msvc").hasLineCount(1);

        Run tree = run(project, Map.of(), 5, "cargo", "tree", "--prefix", "none");
        assertThat(tree.code()).as(tree.out()).isZero();
        assertThat(tree.out()).as("Linux builds no windows crate").doesNotContain("windows v");
        Run winTree = run(project, Map.of(), 5, "cargo", "tree", "--prefix", "none", "--target", "x86_64-pc-windows-msvc");
        assertThat(winTree.out()).as(winTree.out()).contains("windows v");

        // rustup cannot add the Windows target here; Debian's rustc-web builds its std from source instead. Check
        // needs no linker, so this type-checks src/win.rs against the real bindings.
        assertThat(Path.of("/usr/lib/rustlib/src/rust/library/std/Cargo.toml")).as("scripts/setup.d/45-cport.sh ran").exists();
        Map<String, String> env = Map.of("RUSTC", "/usr/bin/rustc", "RUSTC_BOOTSTRAP", "1",
                "CARGO_TARGET_DIR", ItSupport.cargoTarget().resolve("windows-check").toString());
        Run check = run(project, env, 30, "/usr/bin/cargo", "check", "--all-targets", "-Zbuild-std=std,panic_abort",
                "--target", "x86_64-pc-windows-msvc");
        assertThat(check.code()).as(check.out()).isZero();
        // The windows crate itself is checked on the first run only (cached after); the project's own code every time.
        assertThat(check.out()).contains("Checking " + name + " v", "Finished").doesNotContain("warning");
    }

    private static double toNanos(double value, String unit) {
        return switch (unit) {
            case "ps" -> value / 1000;
            case "ns" -> value;
            case "µs", "us" -> value * 1_000;
            case "ms" -> value * 1_000_000;
            case "s" -> value * 1_000_000_000;
            default -> throw new IllegalArgumentException("unit " + unit);
        };
    }

    /** Runs a command in the project with the shared target directory (unless {@code env} sets another), printing what it printed. */
    private static Run run(Path project, Map<String, String> env, int minutes, String... command) throws Exception {
        Map<String, String> all = new java.util.HashMap<>(Map.of("CARGO_TARGET_DIR", ItSupport.cargoTarget().toString(),
                "CARGO_TERM_COLOR", "never"));
        all.putAll(env);
        Run run = ItSupport.run(project, all, java.time.Duration.ofMinutes(minutes), command);
        System.out.println("$ " + String.join(" ", command) + "\n" + run.out());
        return run;
    }
}
