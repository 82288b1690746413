package dev.rustengineer.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The readers of cargo's output on recorded lines (no cargo needed): the cases the fixture projects do not reach. */
class CargoOutputTest {
    private static final Path PROJECT = Path.of("/home/u/orders");

    private static String compilerMessage(String level, String code, String message, String spans) {
        return "{\"reason\":\"compiler-message\",\"package_id\":\"path+file:///home/u/orders#0.1.0\",\"target\":{\"kind\":[\"lib\"]},"
                + "\"message\":{\"level\":\"" + level + "\",\"code\":" + (code == null ? "null" : "{\"code\":\"" + code + "\"}")
                + ",\"message\":\"" + message + "\",\"spans\":[" + spans + "],\"children\":[],\"rendered\":\"...\"}}";
    }

    private static String span(String file, int line, int column, boolean primary) {
        return "{\"file_name\":\"" + file + "\",\"line_start\":" + line + ",\"line_end\":" + line + ",\"column_start\":"
                + column + ",\"column_end\":" + (column + 3) + ",\"is_primary\":" + primary + "}";
    }

    @Test
    void compilerMessagesUseThePrimarySpanAndSkipTalliesAndOtherRecords() {
        CargoOutput out = new CargoOutput(PROJECT);
        out.stdout("{\"reason\":\"compiler-artifact\",\"package_id\":\"x\",\"filenames\":[]}");
        out.stdout(compilerMessage("error", "E0599", "no method named `foo` found",
                span("src/other.rs", 1, 1, false) + "," + span("src/api.rs", 40, 12, true)));
        out.stdout(compilerMessage("error", null, "aborting due to 1 previous error", ""));
        out.stdout(compilerMessage("warning", null, "2 warnings emitted", ""));
        out.stdout(compilerMessage("warning", null, "`orders` (lib) generated 2 warnings", ""));
        out.stdout(compilerMessage("failure-note", null, "For more information about this error, try `rustc --explain E0599`.", ""));
        out.stdout(compilerMessage("warning", null, "unused manifest key: package.colour", ""));
        out.stdout("{\"reason\":\"build-finished\",\"success\":false}");
        assertThat(out.diagnostics(true)).containsExactly(
                new Diagnostic("src/api.rs", 40, 12, "error", "E0599", "no method named `foo` found"),
                new Diagnostic(null, 0, 0, "warning", null, "unused manifest key: package.colour"));
    }

    @Test
    void jsonWrittenByATestIsNotMistakenForCargos() {
        CargoOutput out = new CargoOutput(PROJECT);
        out.stdout("{\"reason\":\"compiler-message\", broken");
        out.stdout("{\"id\": 1, \"name\": \"widget\"}");
        assertThat(out.diagnostics(true)).isEmpty();
    }

    @Test
    void testTalliesAreSummedOverUnitIntegrationAndDocTests() {
        CargoOutput out = new CargoOutput(PROJECT);
        out.stdout("test result: ok. 12 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.02s");
        out.stdout("test result: FAILED. 3 passed; 2 failed; 0 ignored; 0 measured; 4 filtered out; finished in 1.10s");
        out.stdout("test result: ok. 1 passed; 0 failed; 0 ignored; 2 measured; 0 filtered out; finished in 0.50s");
        assertThat(out.testCounts()).isEqualTo(new TestCounts(16, 2, 1, 2, 4));
        assertThat(out.summary(VerifyStep.TEST, 101)).isEqualTo("16 passed, 2 failed, 1 ignored");
    }

    @Test
    void failingTestsAreLocatedFromTheirCapturedPanic() {
        CargoOutput out = new CargoOutput(PROJECT);
        for (String line : """
                running 4 tests
                test api::creates ... ok
                test api::rejects_empty_name ... FAILED
                test store::spawned ... FAILED
                test src/lib.rs - parse (line 12) ... FAILED
                test store::silent ... FAILED

                failures:

                ---- api::rejects_empty_name stdout ----

                thread 'api::rejects_empty_name' (4242) panicked at tests/api.rs:31:5:
                assertion `left == right` failed
                  left: 201
                 right: 422
                stack backtrace:
                   0: __rustc::rust_begin_unwind
                             at /rustc/59807616/library/std/src/panicking.rs:689:5
                ---- store::spawned stdout ----
                thread '<unnamed>' panicked at src/store.rs:88:14:
                called `Result::unwrap()` on an `Err` value: Closed
                ---- src/lib.rs - parse (line 12) stdout ----
                thread 'src/lib.rs - parse (line 12)' panicked at src/lib.rs:15:1:
                oops

                failures:
                    api::rejects_empty_name

                test result: FAILED. 1 passed; 4 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.01s
                """.lines().toList()) {
            out.stdout(line);
        }
        assertThat(out.diagnostics(true)).containsExactly(
                new Diagnostic("tests/api.rs", 31, 5, "error", "test",
                        "api::rejects_empty_name failed: assertion `left == right` failed left: 201 right: 422"),
                new Diagnostic("src/store.rs", 88, 14, "error", "test",
                        "store::spawned failed: called `Result::unwrap()` on an `Err` value: Closed"),
                new Diagnostic("src/lib.rs", 15, 1, "error", "test", "src/lib.rs - parse (line 12) failed: oops"),
                new Diagnostic(null, 0, 0, "error", "test", "store::silent failed"));
    }

    @Test
    void rustfmtPathsAreMadeRelativeToTheProject() {
        CargoOutput out = new CargoOutput(PROJECT);
        out.stdout("Diff in /home/u/orders/src/main.rs:7:");
        out.stdout("Diff in /elsewhere/gen.rs:1:");
        assertThat(out.diagnostics(true)).extracting(Diagnostic::file, Diagnostic::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("src/main.rs", 7), org.assertj.core.groups.Tuple.tuple("/elsewhere/gen.rs", 1));
        assertThat(out.summary(VerifyStep.FMT, 1)).isEqualTo("2 place(s) not formatted");
    }

    @Test
    void cargosOwnErrorsSpeakOnlyWhenNothingElseExplainsTheFailure() {
        CargoOutput quiet = new CargoOutput(PROJECT);
        quiet.stderr("error: expected one of `!` or `::`, found `}`");
        quiet.stderr(" --> /home/u/orders/src/lib.rs:3:1");
        assertThat(quiet.diagnostics(true)).containsExactly(
                new Diagnostic("src/lib.rs", 3, 1, "error", null, "expected one of `!` or `::`, found `}`"));
        assertThat(quiet.diagnostics(false)).isEmpty();
        assertThat(quiet.summary(VerifyStep.FMT, 1)).isEqualTo("cargo: expected one of `!` or `::`, found `}`");

        CargoOutput explained = new CargoOutput(PROJECT);
        explained.stdout(compilerMessage("error", "E0308", "mismatched types", span("src/lib.rs", 2, 5, true)));
        explained.stderr("error: could not compile `orders` (lib) due to 1 previous error");
        assertThat(explained.diagnostics(true)).extracting(Diagnostic::code).containsExactly("E0308");

        CargoOutput mute = new CargoOutput(PROJECT);
        assertThat(mute.summary(VerifyStep.BUILD, 101)).isEqualTo("cargo exited with 101 without saying why");
    }

    @Test
    void aMissingSubcommandIsNoticedInEitherWording() {
        CargoOutput cargoSays = new CargoOutput(PROJECT);
        cargoSays.stderr("error: no such command: `clippy`");
        assertThat(cargoSays.missingCommand()).isEqualTo("clippy");
        CargoOutput rustupSays = new CargoOutput(PROJECT);
        rustupSays.stderr("error: 'cargo-fmt' is not installed for the toolchain 'stable-x86_64-unknown-linux-gnu'.");
        assertThat(rustupSays.missingCommand()).isEqualTo("fmt");
        assertThat(new CargoOutput(PROJECT).missingCommand()).isNull();
    }
}
