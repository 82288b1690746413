package dev.rustengineer.cli;

import static dev.rustengineer.cli.AdviseCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rustengineer.UsageException;
import dev.rustengineer.verify.CargoFixtures;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `verify` in-process with injected streams: JSON read back, text with plain progress lines, exit codes. */
class VerifyCommandTest {
    private static final String TARGET = CargoFixtures.SHARED_TARGET.toString();

    @Test
    void jsonReportCarriesDiagnosticsAsRecordsAndExitsOneOnFailure(@TempDir Path dir) throws Exception {
        Path p = CargoFixtures.project(dir, "cli_clippy", CargoFixtures.CLIPPY_WARNING);
        var r = run("verify", p.toString(), "--json", "--steps", "clippy,fmt", "--target-dir", TARGET);
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.NEGATIVE);
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("project").asText()).isEqualTo(p.toAbsolutePath().normalize().toString());
        assertThat(j.get("passed").asBoolean()).isFalse();
        assertThat(j.get("summary").get("fmt").asText()).isEqualTo("pass: formatted");
        assertThat(j.get("summary").get("clippy").asText()).isEqualTo("FAIL: 1 error(s), 0 warning(s)");
        JsonNode fmt = j.get("steps").get(0);
        JsonNode clippy = j.get("steps").get(1);
        assertThat(fmt.get("step").asText()).isEqualTo("fmt");
        assertThat(clippy.get("step").asText()).isEqualTo("clippy");
        assertThat(clippy.get("passed").asBoolean()).isFalse();
        assertThat(clippy.get("timed_out").asBoolean()).isFalse();
        assertThat(clippy.get("exit_code").asInt()).isNotZero();
        assertThat(clippy.get("errors").asInt()).isEqualTo(1);
        assertThat(clippy.has("tests")).isFalse();
        // The report's shape is a contract (CI scripts, the MCP tool, `new --verify` callers read it): keys pinned.
        assertThat(names(j)).containsExactly("project", "passed", "summary", "steps");
        assertThat(names(clippy)).containsExactly("step", "passed", "exit_code", "timed_out", "elapsed_ms", "summary", "errors",
                "warnings", "diagnostics");
        JsonNode d = clippy.get("diagnostics").get(0);
        assertThat(names(d)).containsExactly("file", "line", "column", "level", "code", "message");
        assertThat(d.get("file").asText()).isEqualTo("src/lib.rs");
        assertThat(d.get("line").asInt()).isEqualTo(2);
        assertThat(d.get("column").asInt()).isEqualTo(5);
        assertThat(d.get("level").asText()).isEqualTo("error");
        assertThat(d.get("code").asText()).isEqualTo("clippy::bool_comparison");
        assertThat(d.get("message").asText()).isEqualTo("equality checks against true are unnecessary");
        assertThat(r.out()).as("--json prints nothing but the report").doesNotContain("==");
        assertThat(r.err()).as("progress, on stderr").contains("== clippy: cargo clippy").containsPattern("✗ clippy +\\d");
    }

    private static java.util.List<String> names(JsonNode node) {
        java.util.List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void textModePrintsPlainProgressLinesThenThePerStepSummary(@TempDir Path dir) throws Exception {
        Path p = CargoFixtures.project(dir, "cli_clean", CargoFixtures.CLEAN.replace("clean_fixture", "cli_clean"));
        var r = run("verify", p.toString(), "--steps", "fmt,test", "--target-dir", TARGET, "--timeout", "5m");
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("== fmt: cargo fmt --all -- --check").contains("== test: cargo test --message-format=json")
                .containsPattern("✓ fmt +\\d+\\.\\ds  formatted").containsPattern("✓ test +\\d+\\.\\ds  2 passed, 0 failed")
                .contains("PASSED  " + p.toAbsolutePath().normalize())
                .containsPattern("  test +pass +\\d+\\.\\ds  2 passed, 0 failed")
                .doesNotContain("\033[");
        assertThat(r.err()).isEmpty();

        var json = run("verify", p.toString(), "--json", "--steps", "test", "--target-dir", TARGET);
        JsonNode testStep = new ObjectMapper().readTree(json.out()).get("steps").get(0);
        assertThat(names(testStep)).containsExactly("step", "passed", "exit_code", "timed_out", "elapsed_ms", "summary", "errors",
                "warnings", "tests", "diagnostics");
        JsonNode tests = testStep.get("tests");
        assertThat(names(tests)).containsExactly("passed", "failed", "ignored", "measured", "filtered_out");
        assertThat(tests.get("passed").asInt()).isEqualTo(2);
        assertThat(tests.get("failed").asInt()).isZero();
    }

    @Test
    void usageErrorsAreOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        Path p = CargoFixtures.project(dir, "cli_usage", "");
        String[][] cases = {
            {"verify", dir.toString()},
            {"verify", p.toString(), "--steps", "fmt,lint"},
            {"verify", p.toString(), "--timeout", "soon"},
            {"verify"},
        };
        String[] expected = {
            "rust-engineer: " + dir + " is not a cargo project (no Cargo.toml)",
            "rust-engineer: unknown step 'lint'; steps are fmt, clippy, build, test",
            "rust-engineer: --timeout 'soon' is not a duration; write e.g. 90s, 20m or PT20M",
            "rust-engineer: Missing required parameter: 'PROJECT'",
        };
        for (int i = 0; i < cases.length; i++) {
            var r = run(cases[i]);
            assertThat(r.code()).as(String.join(" ", cases[i])).isEqualTo(ExitCode.USAGE);
            assertThat(r.err().lines().findFirst().orElse("")).isEqualTo(expected[i]);
            assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void timeoutsAreReadInTheUsualShortForms() {
        assertThat(VerifyOptionsMixin.duration("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(VerifyOptionsMixin.duration("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(VerifyOptionsMixin.duration("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(VerifyOptionsMixin.duration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(VerifyOptionsMixin.duration("PT2M")).isEqualTo(Duration.ofMinutes(2));
        for (String bad : new String[] {"0s", "PT0S", "PT-5S", "99999999999999999999s", "5 minutes", ""}) {
            assertThatThrownBy(() -> VerifyOptionsMixin.duration(bad)).as(bad).isInstanceOf(UsageException.class)
                    .hasMessageContaining("is not a duration");
        }
    }
}
