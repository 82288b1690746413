package dev.rustengineer.generate;

import dev.rustengineer.generate.ItSupport.Run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rustengineer.blueprint.ProjectKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The C-ABI library end to end: `./rust-engineer new NAME --kind ffi-export --verify` through the real launcher
 * (fmt, clippy -D warnings, build, test), then its release build (cdylib + staticlib in the shared
 * CARGO_TARGET_DIR) called by the generated project's three callers as a user runs them: the C program compiled
 * with gcc against the shared library and, separately, linked statically (no lib*.so among its NEEDED entries);
 * the Python unittest over the ctypes wrapper with python3; the Java FFM program as a single-file launch on Java 25.
 * Last, the header check is shown to bite: a changed doc comment in src/ffi.rs makes tests/header.rs fail until
 * `NAME_WRITE_HEADER=1 cargo build` rewrites include/NAME.h.
 */
class GeneratedFfiExportIT {
    private static final String JAVA = "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java";

    static Stream<Projects.Variant> variants() {
        return Projects.variantsToRun(ProjectKind.FFI_EXPORT).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void generateVerifyAndCallFromCPythonAndJava(Projects.Variant variant, @TempDir Path dir) throws Exception {
        String name = variant.name();
        String crate = name.replace('-', '_');
        String prefix = crate.toUpperCase(Locale.ROOT);
        ItSupport.Generated generated = ItSupport.newAndVerify(name, variant.newArguments(), dir, null, 20);
        Path project = generated.project();
        Path target = ItSupport.cargoTarget();
        Map<String, String> cargoEnv = Map.of("CARGO_TARGET_DIR", target.toString());

        Run release = run(project, cargoEnv, 1200, "cargo", "build", "--release");
        assertThat(release.code()).as(release.out()).isZero();
        Path lib = target.resolve("release");
        Path shared = lib.resolve("lib" + crate + ".so");
        Path archive = lib.resolve("lib" + crate + ".a");
        assertThat(shared).isRegularFile();
        assertThat(archive).isRegularFile();
        Path out = Files.createDirectories(dir.resolve("bin"));

        List<String> cflags = List.of("gcc", "-std=c11", "-Wall", "-Wextra", "-Werror", "-Iinclude", "examples/c/main.c");
        Run linkShared = run(project, Map.of(), 120, concat(cflags, "-L" + lib, "-l" + crate, "-Wl,-rpath," + lib,
                "-lm", "-o", out.resolve("main-shared").toString()));
        assertThat(linkShared.code()).as(linkShared.out()).isZero();
        Run cShared = run(project, Map.of(), 60, out.resolve("main-shared").toString());
        assertThat(cShared.code()).as(cShared.out()).isZero();
        assertThat(cShared.out()).startsWith(crate + " 0.1.0\n").contains("count=11 mean=4.181818", "c: all checks passed");

        Run linkStatic = run(project, Map.of(), 120, concat(cflags, archive.toString(), "-lgcc_s", "-lutil", "-lrt",
                "-lpthread", "-lm", "-ldl", "-lc", "-o", out.resolve("main-static").toString()));
        assertThat(linkStatic.code()).as(linkStatic.out()).isZero();
        Run needed = run(project, Map.of(), 60, "readelf", "-d", out.resolve("main-static").toString());
        assertThat(needed.out()).as("statically linked").contains("NEEDED").doesNotContain("lib" + crate);
        Run cStatic = run(project, Map.of(), 60, out.resolve("main-static").toString());
        assertThat(cStatic.code()).as(cStatic.out()).isZero();
        assertThat(cStatic.out()).contains("c: all checks passed");

        Run python = run(project, Map.of(prefix + "_LIB", shared.toString()), 120,
                "python3", "-m", "unittest", "discover", "-v", "-s", "examples/python");
        assertThat(python.code()).as(python.out()).isZero();
        assertThat(python.out()).contains("Ran 8 tests", "OK").doesNotContain("FAIL", "ERROR");

        String javaClass = "examples/java/" + new dev.rustengineer.blueprint.ProjectName(crate).pascal() + ".java";
        Run java = run(project, Map.of(), 120, JAVA, "--enable-native-access=ALL-UNNAMED", javaClass, shared.toString());
        assertThat(java.code()).as(java.out()).isZero();
        assertThat(java.out()).startsWith(crate + " 0.1.0\n").contains("java: all checks passed");

        // The committed header must follow src/ffi.rs: a changed doc comment is caught, and the documented
        // command brings the header up to date.
        Path ffi = project.resolve("src/ffi.rs");
        String source = Files.readString(ffi);
        String changed = source.replace("/// Frees a handle.", "/// Frees a handle (changed by the IT).");
        assertThat(changed).isNotEqualTo(source);
        Files.writeString(ffi, changed);
        Run stale = run(project, cargoEnv, 600, "cargo", "test", "--test", "header");
        assertThat(stale.code()).as(stale.out()).isNotZero();
        assertThat(stale.out()).contains("include/" + crate + ".h is out of date with src/ffi.rs");
        Map<String, String> write = Map.of("CARGO_TARGET_DIR", target.toString(), prefix + "_WRITE_HEADER", "1");
        Run rewrite = run(project, write, 600, "cargo", "build");
        assertThat(rewrite.code()).as(rewrite.out()).isZero();
        assertThat(Files.readString(project.resolve("include/" + crate + ".h"))).contains("// Frees a handle (changed by the IT).");
        Run current = run(project, cargoEnv, 600, "cargo", "test", "--test", "header");
        assertThat(current.code()).as(current.out()).isZero();
    }

    private static String[] concat(List<String> first, String... rest) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }

    private static Run run(Path cwd, Map<String, String> env, int timeoutSeconds, String... command) throws Exception {
        return ItSupport.run(cwd, env, java.time.Duration.ofSeconds(timeoutSeconds), command);
    }
}
