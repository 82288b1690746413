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
                .contains("Wrote 30 files to " + dir.resolve("orders"));
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
            {"new", "svc", "--with", "websocket", "--dir", dir.toString()},
            {"new", "svc", "--web", "actix-web", "--dir", dir.toString()},
            {"new", "svc", "--db", "mysql", "--dir", dir.toString()},
            {"new", "svc", "--brief", "A REST API with Diesel on PostgreSQL, p99 under 5 ms", "--dir", dir.toString()},
            {"new", "svc", "--brief", "A tiny HTTP proxy, single endpoint, maximum control, no framework, p99 under 1 ms", "--dir", dir.toString()},
            {"new", "svc", "--brief", "A cross-platform CLI tool", "--dir", dir.toString()},
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

    @Test
    void zipAndForce(@TempDir Path dir) {
        Path zip = dir.resolve("orders.zip");
        assertThat(run("new", "orders", "--zip", zip.toString()).code()).isZero();
        assertThat(zip).exists();
        assertThat(run("new", "orders", "--zip", zip.toString()).code()).isEqualTo(ExitCode.USAGE);
        assertThat(run("new", "orders", "--zip", zip.toString(), "--force").code()).isZero();
    }
}
