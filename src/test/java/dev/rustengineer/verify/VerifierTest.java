package dev.rustengineer.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rustengineer.UsageException;
import dev.rustengineer.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verifier on tiny real cargo projects, one per way of failing. */
class VerifierTest {
    private static final Path TARGET = Path.of(System.getProperty("java.io.tmpdir"), "rust-engineer-verify-fixtures");
    private final Verifier verifier = new Verifier();

    static Path project(Path dir, String name, String lib) throws Exception {
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

    static VerifyOptions all() {
        return new VerifyOptions(List.of(VerifyStep.values()), Duration.ofMinutes(5), TARGET);
    }

    @Test
    void aCleanProjectPassesEveryStep(@TempDir Path dir) throws Exception {
        Path p = project(dir, "clean_fixture", """
                /// Adds one.
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
                """);
        VerificationReport r = verifier.verify(p, all(), ProgressListener.none());
        assertThat(r.passed()).as(ReportText.render(r)).isTrue();
        assertThat(r.steps()).extracting(StepResult::step).containsExactly(VerifyStep.values());
        assertThat(r.steps().getLast().summary()).isEqualTo("1 passed, 0 failed");
    }

    @Test
    void clippyWarningsAreDiagnosticsWithFileLineAndCode(@TempDir Path dir) throws Exception {
        Path p = project(dir, "clippy_fixture", """
                pub fn is_set(flag: bool) -> bool {
                    flag == true
                }
                """);
        VerificationReport r = verifier.verify(p, new VerifyOptions(List.of(VerifyStep.CLIPPY), Duration.ofMinutes(5), TARGET),
                ProgressListener.none());
        StepResult clippy = r.steps().getFirst();
        assertThat(clippy.passed()).isFalse();
        assertThat(clippy.diagnostics()).anySatisfy(d -> {
            assertThat(d.file()).isEqualTo("src/lib.rs");
            assertThat(d.line()).isEqualTo(2);
            assertThat(d.column()).isEqualTo(5);
            assertThat(d.level()).isEqualTo("error");
            assertThat(d.code()).isEqualTo("clippy::bool_comparison");
        });
    }

    @Test
    void formattingProblemsNameTheirLine(@TempDir Path dir) throws Exception {
        Path p = project(dir, "fmt_fixture", "pub fn f( ) -> u8 {\n    1\n}\n");
        StepResult fmt = verifier.verify(p, new VerifyOptions(List.of(VerifyStep.FMT), Duration.ofMinutes(1), TARGET),
                ProgressListener.none()).steps().getFirst();
        assertThat(fmt.passed()).isFalse();
        assertThat(fmt.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.file()).endsWith("src/lib.rs");
            assertThat(d.line()).isEqualTo(1);
            assertThat(d.code()).isEqualTo("fmt");
        });
    }

    @Test
    void compileErrorsAndFailingTests(@TempDir Path dir) throws Exception {
        Path broken = project(dir, "broken_fixture", "pub fn f() -> u8 {\n    \"x\"\n}\n");
        StepResult build = verifier.verify(broken, new VerifyOptions(List.of(VerifyStep.BUILD), Duration.ofMinutes(5), TARGET),
                ProgressListener.none()).steps().getFirst();
        assertThat(build.passed()).isFalse();
        assertThat(build.diagnostics()).anySatisfy(d -> {
            assertThat(d.code()).isEqualTo("E0308");
            assertThat(d.line()).isEqualTo(2);
            assertThat(d.level()).isEqualTo("error");
        });

        Path failing = project(dir, "failing_fixture", """
                #[cfg(test)]
                mod tests {
                    #[test]
                    fn good() {}

                    #[test]
                    fn bad() {
                        assert_eq!(1 + 1, 3);
                    }
                }
                """);
        StepResult test = verifier.verify(failing, new VerifyOptions(List.of(VerifyStep.TEST), Duration.ofMinutes(5), TARGET),
                ProgressListener.none()).steps().getFirst();
        assertThat(test.passed()).isFalse();
        assertThat(test.summary()).isEqualTo("1 passed, 1 failed");
        assertThat(test.diagnostics()).anySatisfy(d -> assertThat(d.message()).isEqualTo("test tests::bad failed"));
    }

    @Test
    void aStepOverItsTimeLimitIsStoppedWithItsChildren(@TempDir Path dir) throws Exception {
        Path p = project(dir, "sleepy_fixture", """
                #[cfg(test)]
                mod tests {
                    #[test]
                    fn sleeps() {
                        std::thread::sleep(std::time::Duration::from_secs(120));
                    }
                }
                """);
        // Build first so the time limit falls on the running test, not on compiling.
        verifier.verify(p, new VerifyOptions(List.of(VerifyStep.BUILD), Duration.ofMinutes(5), TARGET), ProgressListener.none());
        long start = System.nanoTime();
        StepResult r = verifier.verify(p, new VerifyOptions(List.of(VerifyStep.TEST), Duration.ofSeconds(8), TARGET),
                ProgressListener.none()).steps().getFirst();
        assertThat(r.timedOut()).isTrue();
        assertThat(r.passed()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
        Thread.sleep(500);
        assertThat(ProcessHandle.allProcesses().filter(h -> h.info().commandLine().orElse("").contains("sleepy_fixture")).toList())
                .as("no test binary left running").isEmpty();
    }

    @Test
    void notACargoProjectAndUnknownSteps(@TempDir Path dir) {
        assertThatThrownBy(() -> verifier.verify(dir, all(), ProgressListener.none()))
                .isInstanceOf(UsageException.class).hasMessageContaining("not a cargo project");
        assertThatThrownBy(() -> VerifyStep.parse("fmt,lint")).hasMessageContaining("unknown step 'lint'");
        assertThat(VerifyStep.parse("test,fmt")).containsExactly(VerifyStep.FMT, VerifyStep.TEST);
    }

    @Test
    void theCliReportsJsonAndExitCodes(@TempDir Path dir) throws Exception {
        Path p = project(dir, "cli_fixture", "pub fn f() -> bool {\n    let x = 1;\n    x == 1 && true\n}\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"verify", p.toString(), "--json", "--steps", "clippy", "--target-dir", TARGET.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        JsonNode j = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(1);
        assertThat(j.get("passed").asBoolean()).isFalse();
        assertThat(j.get("summary").get("clippy").asText()).startsWith("FAIL");
        JsonNode d = j.get("steps").get(0).get("diagnostics").get(0);
        assertThat(d.get("file").asText()).isEqualTo("src/lib.rs");
        assertThat(d.get("line").asInt()).isEqualTo(3);
        assertThat(d.get("code").asText()).startsWith("clippy::");

        int usage = Main.run(new String[] {"verify", dir.toString()}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(usage).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is not a cargo project");
    }
}
