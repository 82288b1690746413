package dev.rustengineer.cli;

import static dev.rustengineer.cli.AdviseCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `new` in-process: what it refuses, and what it writes. The cargo proof is in GeneratedServiceIT. */
class NewCommandTest {

    @Test
    void writesTheServiceAndPrintsTheDecisions(@TempDir Path dir) {
        var r = run("new", "orders", "--brief", "REST API for orders, p99 under 5 ms", "--dir", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("choose-rust -> rust-axum-actix").contains("web-framework -> axum")
                .contains("Wrote 39 files to " + dir.resolve("orders"));
        assertThat(dir.resolve("orders/src/orders.rs")).exists();
    }

    @Test
    void aTaskForAnotherSpecialistGeneratesNothing(@TempDir Path dir) {
        var r = run("new", "claims", "--brief", "A Spring Boot backend for insurance claims", "--dir", dir.toString());
        assertThat(r.code()).isEqualTo(ExitCode.NEGATIVE);
        assertThat(r.out()).contains("Not generating: this task goes to java-architect");
        assertThat(dir.resolve("claims")).doesNotExist();

        var forced = run("new", "claims", "--brief", "A Spring Boot backend for insurance claims", "--force-rust", "--dir", dir.toString());
        assertThat(forced.code()).as(forced.err()).isZero();
        assertThat(forced.out()).contains("--force-rust was given");
    }

    @Test
    void whatIsNotProvenIsNotOffered(@TempDir Path dir) throws Exception {
        for (String[] args : new String[][] {
            {"new", "svc", "--with", "no-such-feature", "--dir", dir.toString()},
            {"new", "svc", "--db", "mysql", "--dir", dir.toString()},
            {"new", "svc", "--web", "warp", "--dir", dir.toString()},
            {"new", "svc", "--kind", "plugin", "--dir", dir.toString()},
            {"new", "svc", "--brief", "A WebAssembly module for image processing in the browser", "--db", "postgres", "--dir", dir.toString()},
            {"new", "Svc", "--dir", dir.toString()},
            {"new", "svc", "--resource", "metrics", "--dir", dir.toString()},
            {"new", "svc", "--zip", dir.resolve("x.zip").toString(), "--verify"}}) {
            var r = run(args);
            assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(ExitCode.USAGE);
            assertThat(r.err()).startsWith("rust-engineer: ").doesNotContain("Exception");
        }
        try (var list = Files.list(dir)) {
            assertThat(list.toList()).as("nothing written").isEmpty();
        }
    }

    /** The wasm-library set offers the kind: a brief for the browser generates the WebAssembly library. */
    @Test
    void aWebAssemblyBriefGeneratesTheWasmLibrary(@TempDir Path dir) throws Exception {
        var r = run("new", "pixels", "--brief", "A WebAssembly module for image processing in the browser", "--dir", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("WebAssembly library");
        assertThat(Files.readString(dir.resolve("pixels/src/api.rs"))).contains("#[wasm_bindgen(js_name = Image)]");
        assertThat(Files.readString(dir.resolve("pixels/rust-toolchain.toml"))).doesNotContain("targets");
    }

    /** Each web framework of the spec's tree is generated exactly when a template set offers it. */
    @Test
    void aFrameworkIsOfferedExactlyWhenATemplateSetProvesIt(@TempDir Path dir) {
        var offered = dev.rustengineer.RustEngineer.shared().offers().stream().map(o -> o.web()).toList();
        for (String web : java.util.List.of("axum", "actix-web", "hyper", "rocket")) {
            var r = run("new", "svc-" + web, "--web", web, "--dir", dir.toString());
            assertThat(r.code()).as(web + ": " + r.err()).isEqualTo(offered.contains(web) ? ExitCode.OK : ExitCode.USAGE);
        }
    }

    @Test
    void helpListsWhatIsOffered() {
        var r = run("new", "--help");
        assertThat(r.out()).contains("--kind").containsPattern("service\\s+axum\\s+sqlite\\|postgres via sqlx");
    }

    @Test
    void zipAndForce(@TempDir Path dir) {
        Path zip = dir.resolve("orders.zip");
        assertThat(run("new", "orders", "--zip", zip.toString()).code()).isZero();
        assertThat(zip).exists();
        assertThat(run("new", "orders", "--zip", zip.toString()).code()).isEqualTo(ExitCode.USAGE);
        assertThat(run("new", "orders", "--zip", zip.toString(), "--force").code()).isZero();
    }
}
