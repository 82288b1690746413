package dev.rustengineer.verify;

import static dev.rustengineer.verify.CargoFixtures.project;
import static dev.rustengineer.verify.CargoFixtures.steps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rustengineer.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verifier with real cargo on tiny projects, one per way of failing. */
class VerifierTest {
    private final Verifier verifier = new Verifier();

    @Test
    void aCleanProjectPassesEveryStepAndCountsUnitAndDocTests(@TempDir Path dir) throws Exception {
        Path p = project(dir, "clean_fixture", CargoFixtures.CLEAN);
        List<String> events = new CopyOnWriteArrayList<>();
        VerificationReport r = verifier.verify(p, steps(VerifyStep.values()), new ProgressListener() {
            @Override
            public void stepStarted(VerifyStep step) {
                events.add("start " + step.cliName());
            }

            @Override
            public void stepFinished(StepResult result) {
                events.add("end " + result.step().cliName());
            }
        });
        assertThat(r.passed()).as(ReportText.render(r)).isTrue();
        assertThat(r.project()).isEqualTo(p.toAbsolutePath().normalize());
        assertThat(r.steps()).extracting(StepResult::step).containsExactly(VerifyStep.values());
        assertThat(r.steps()).allSatisfy(s -> {
            assertThat(s.exitCode()).isZero();
            assertThat(s.timedOut()).isFalse();
            assertThat(s.diagnostics()).isEmpty();
        });
        assertThat(events).containsExactly("start fmt", "end fmt", "start clippy", "end clippy", "start build", "end build",
                "start test", "end test");
        StepResult test = r.steps().getLast();
        assertThat(test.tests()).isEqualTo(new TestCounts(2, 0, 0, 0, 0)); // the unit test and the doc test
        assertThat(test.summary()).isEqualTo("2 passed, 0 failed");
        assertThat(r.steps().getFirst().summary()).isEqualTo("formatted");
        assertThat(r.steps().getFirst().tests()).isNull();
    }

    @Test
    void aClippyWarningFailsClippyOnceWithItsPlaceAndLintName(@TempDir Path dir) throws Exception {
        Path p = project(dir, "clippy_fixture", CargoFixtures.CLIPPY_WARNING);
        VerificationReport r = verifier.verify(p, steps(VerifyStep.CLIPPY, VerifyStep.BUILD), ProgressListener.none());
        StepResult clippy = r.steps().getFirst();
        assertThat(r.passed()).isFalse();
        assertThat(clippy.passed()).isFalse();
        assertThat(clippy.exitCode()).isNotZero();
        // --all-targets checks lib.rs as the library and as its test harness: one finding, not two.
        assertThat(clippy.diagnostics()).singleElement().isEqualTo(new Diagnostic("src/lib.rs", 2, 5, "error",
                "clippy::bool_comparison", "equality checks against true are unnecessary"));
        assertThat(clippy.summary()).isEqualTo("1 error(s), 0 warning(s)");
        assertThat(r.steps().get(1).passed()).as("rustc itself has nothing against it").isTrue();
    }

    @Test
    void rustcWarningsLetTheBuildPassButAreReported(@TempDir Path dir) throws Exception {
        Path p = project(dir, "warning_fixture", "pub fn f() -> u8 {\n    let unused = 3;\n    1\n}\n");
        StepResult build = verifier.verify(p, steps(VerifyStep.BUILD), ProgressListener.none()).steps().getFirst();
        assertThat(build.passed()).isTrue();
        assertThat(build.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.file()).isEqualTo("src/lib.rs");
            assertThat(d.line()).isEqualTo(2);
            assertThat(d.column()).isEqualTo(9);
            assertThat(d.level()).isEqualTo("warning");
            assertThat(d.code()).isEqualTo("unused_variables");
            assertThat(d.message()).contains("unused");
        });
        assertThat(build.summary()).isEqualTo("0 error(s), 1 warning(s)");
    }

    @Test
    void formattingProblemsNameTheirFileAndLine(@TempDir Path dir) throws Exception {
        Path p = project(dir, "fmt_fixture", "pub fn f( ) -> u8 {\n    1\n}\n");
        StepResult fmt = verifier.verify(p, steps(VerifyStep.FMT), ProgressListener.none()).steps().getFirst();
        assertThat(fmt.passed()).isFalse();
        assertThat(fmt.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.file()).isEqualTo("src/lib.rs");
            assertThat(d.line()).isEqualTo(1);
            assertThat(d.level()).isEqualTo("error");
            assertThat(d.code()).isEqualTo("fmt");
        });
        assertThat(fmt.summary()).isEqualTo("1 place(s) not formatted");
    }

    @Test
    void aCompileErrorFailsClippyBuildAndTestWithTheErrorCode(@TempDir Path dir) throws Exception {
        Path p = project(dir, "broken_fixture", "pub fn f() -> u8 {\n    \"x\"\n}\n");
        VerificationReport r = verifier.verify(p, steps(VerifyStep.CLIPPY, VerifyStep.BUILD, VerifyStep.TEST),
                ProgressListener.none());
        assertThat(r.steps()).allSatisfy(s -> {
            assertThat(s.passed()).isFalse();
            assertThat(s.diagnostics()).contains(new Diagnostic("src/lib.rs", 2, 5, "error", "E0308", "mismatched types"));
        });
        StepResult test = r.steps().getLast();
        assertThat(test.tests()).as("no test binary ran").isNull();
        assertThat(test.summary()).isEqualTo("1 error(s), 0 warning(s); no tests ran");
    }

    @Test
    void aFailingTestIsCountedAndLocatedWhereItPanicked(@TempDir Path dir) throws Exception {
        Path p = project(dir, "failing_fixture", """
                #[cfg(test)]
                mod tests {
                    #[test]
                    fn good() {}

                    #[test]
                    fn bad() {
                        assert_eq!(1 + 1, 3, "arithmetic");
                    }

                    #[test]
                    #[ignore]
                    fn later() {}
                }
                """);
        StepResult test = verifier.verify(p, steps(VerifyStep.TEST), ProgressListener.none()).steps().getFirst();
        assertThat(test.passed()).isFalse();
        assertThat(test.tests()).isEqualTo(new TestCounts(1, 1, 1, 0, 0));
        assertThat(test.summary()).isEqualTo("1 passed, 1 failed, 1 ignored");
        assertThat(test.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.file()).isEqualTo("src/lib.rs");
            assertThat(d.line()).isEqualTo(8);
            assertThat(d.column()).isEqualTo(9);
            assertThat(d.level()).isEqualTo("error");
            assertThat(d.code()).isEqualTo("test");
            assertThat(d.message()).startsWith("tests::bad failed: assertion `left == right` failed: arithmetic");
        });
    }

    @Test
    void aStepOverItsTimeLimitIsStoppedWithEveryProcessItStarted(@TempDir Path dir) throws Exception {
        Path p = project(dir, "sleepy_fixture", """
                #[cfg(test)]
                mod tests {
                    #[test]
                    fn sleeps() {
                        std::thread::sleep(std::time::Duration::from_secs(300));
                    }
                }
                """);
        // Its own target directory: another build holding the shared one's lock must not eat the 2 s.
        Path target = dir.resolve("target");
        verifier.verify(p, new VerifyOptions(List.of(VerifyStep.BUILD), Duration.ofMinutes(5), target), ProgressListener.none());
        // Commands are read while the processes live: a dead process has no command line to show.
        Map<ProcessHandle, String> running = new java.util.concurrent.ConcurrentHashMap<>();
        ProgressListener watcher = new ProgressListener() {
            @Override
            public void stepStarted(VerifyStep step) {}

            @Override
            public void stepLine(VerifyStep step, String line) {
                if (line.startsWith("running 1 test")) { // the harness has started: cargo -> test binary
                    ProcessHandle.current().descendants()
                            .forEach(h -> running.put(h, h.info().commandLine().orElse(h.info().command().orElse("?"))));
                }
            }

            @Override
            public void stepFinished(StepResult result) {}
        };
        StepResult r = verifier.verify(p, new VerifyOptions(List.of(VerifyStep.TEST), Duration.ofSeconds(2), target), watcher)
                .steps().getFirst();
        assertThat(r.timedOut()).isTrue();
        assertThat(r.passed()).isFalse();
        assertThat(r.exitCode()).isEqualTo(-1);
        assertThat(r.summary()).isEqualTo("timed out after 2 s; cargo and its children were stopped");
        assertThat(running.values()).as("cargo and the test binary were seen running")
                .anySatisfy(command -> assertThat(command).contains("cargo test"))
                .anySatisfy(command -> assertThat(command).contains("sleepy_fixture"));
        running.forEach((h, command) -> {
            h.onExit().completeOnTimeout(h, 10, TimeUnit.SECONDS).join();
            assertThat(h.isAlive()).as("process %d (%s) left running", h.pid(), command).isFalse();
        });
    }

    @Test
    void notADirectoryOrNotACargoProjectIsAUsageError(@TempDir Path dir) {
        assertThatThrownBy(() -> verifier.verify(dir, steps(VerifyStep.FMT), ProgressListener.none()))
                .isInstanceOf(UsageException.class).hasMessage(dir + " is not a cargo project (no Cargo.toml)");
        Path missing = dir.resolve("nowhere");
        assertThatThrownBy(() -> verifier.verify(missing, steps(VerifyStep.FMT), ProgressListener.none()))
                .isInstanceOf(UsageException.class).hasMessage(missing + " is not a directory");
    }

    @Test
    void missingCargoIsAUsageError(@TempDir Path dir) throws Exception {
        Path p = project(dir, "lonely", "");
        Verifier noCargo = new Verifier(Map.of("PATH", dir.toString(), "HOME", dir.toString()));
        assertThatThrownBy(() -> noCargo.verify(p, steps(VerifyStep.FMT), ProgressListener.none()))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("cargo not found");
    }

    @Test
    void aCargoWithoutClippyIsAUsageErrorNamingTheFix(@TempDir Path dir) throws Exception {
        Path p = project(dir, "no_clippy", "");
        // Stands in for a toolchain installed without the clippy component: what cargo then prints, and its exit code.
        Path fake = dir.resolve("bin/cargo");
        Files.createDirectories(fake.getParent());
        Files.writeString(fake, "#!/bin/sh\necho 'error: no such command: `clippy`' >&2\nexit 101\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("CARGO", fake.toString());
        assertThatThrownBy(() -> new Verifier(env).verify(p, steps(VerifyStep.CLIPPY), ProgressListener.none()))
                .isInstanceOf(UsageException.class)
                .hasMessage("cargo clippy needs clippy, which is not installed: run `rustup component add clippy`");
    }

    @Test
    void aBrokenManifestFailsWithCargosOwnReason(@TempDir Path dir) throws Exception {
        Path p = project(dir, "bad_manifest", "");
        Files.writeString(p.resolve("Cargo.toml"), "[package]\nname = \"bad_manifest\"\nversion = \"one\"\n");
        StepResult build = verifier.verify(p, steps(VerifyStep.BUILD), ProgressListener.none()).steps().getFirst();
        assertThat(build.passed()).isFalse();
        assertThat(build.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.file()).isEqualTo("Cargo.toml");
            assertThat(d.line()).isEqualTo(3);
            assertThat(d.level()).isEqualTo("error");
            assertThat(d.message()).contains("version");
        });
        assertThat(build.summary()).startsWith("cargo: ").contains("version");
    }

    @Test
    void optionsRefuseNothingToRunAndNoTimeToRunIt() {
        assertThatThrownBy(() -> new VerifyOptions(List.of(), Duration.ofMinutes(1), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VerifyOptions(List.of(VerifyStep.FMT), Duration.ZERO, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(VerifyOptions.defaults().steps()).containsExactly(VerifyStep.values());
        assertThat(VerifyOptions.defaults().cargoTargetDir()).isNull();
    }

    @Test
    void stepsAreParsedFromTheirCliNames() {
        assertThat(VerifyStep.parse("test,fmt")).containsExactly(VerifyStep.FMT, VerifyStep.TEST);
        assertThat(VerifyStep.parse(" Clippy , build,clippy")).containsExactly(VerifyStep.CLIPPY, VerifyStep.BUILD);
        assertThatThrownBy(() -> VerifyStep.parse("fmt,lint")).isInstanceOf(UsageException.class)
                .hasMessage("unknown step 'lint'; steps are fmt, clippy, build, test");
        assertThatThrownBy(() -> VerifyStep.parse(" , ")).isInstanceOf(UsageException.class);
        List<String> names = new ArrayList<>();
        for (VerifyStep s : VerifyStep.values()) {
            names.add(s.cliName());
        }
        assertThat(names).containsExactly("fmt", "clippy", "build", "test");
    }
}
