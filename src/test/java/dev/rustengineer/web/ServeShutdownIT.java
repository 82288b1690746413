package dev.rustengineer.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A supervisor's SIGTERM to {@code serve} while heavy work runs: the request in flight is stopped and answered, the
 * processes it started are gone, and the server exits. The heavy work is a project preview, whose rustfmt is
 * replaced (first on PATH) by a script that starts a child and waits, as rustfmt never does but cargo would.
 */
class ServeShutdownIT {

    private static Path slowRustfmt(Path dir) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path rustfmt = bin.resolve("rustfmt");
        Files.writeString(rustfmt, "#!/usr/bin/env bash\necho $$ > \"" + dir.resolve("rustfmt.pid") + "\"\nsleep 600 &\necho $! > \""
                + dir.resolve("sleep.pid") + "\"\nwait\n");
        Files.setPosixFilePermissions(rustfmt, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    /** The process whose pid the script wrote, once it has; the request must still be running meanwhile. */
    private static ProcessHandle started(Path pidFile, CompletableFuture<HttpResponse<String>> request) throws Exception {
        for (int i = 0; i < 1200 && (!Files.exists(pidFile) || Files.readString(pidFile).isBlank()); i++) {
            assertThat(request.isDone()).as("answered before rustfmt ran: %s", request.getNow(null) == null ? "" : request.getNow(null).body())
                    .isFalse();
            Thread.sleep(100);
        }
        return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip())).orElseThrow();
    }

    @Test
    void sigtermStopsTheWorkInFlightAndItsProcessesAndExits(@TempDir Path dir) throws Exception {
        Path bin = slowRustfmt(dir);
        var pb = new ProcessBuilder(Path.of("rust-engineer").toAbsolutePath().toString(), "serve", "--port", "0")
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process server = pb.start();
        try {
            String base = ServeOutput.baseUrl(server);
            HttpClient http = HttpClient.newHttpClient();
            CompletableFuture<HttpResponse<String>> preview = http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/projects/preview"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"orders\",\"text\":\"A REST API for payments; p99 under 5 ms\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            ProcessHandle rustfmt = started(dir.resolve("rustfmt.pid"), preview);
            ProcessHandle sleeper = started(dir.resolve("sleep.pid"), preview);
            assertThat(rustfmt.isAlive()).isTrue();
            assertThat(sleeper.isAlive()).isTrue();

            new ProcessBuilder("kill", "-TERM", Long.toString(server.pid())).start().waitFor();

            // The bounds only keep a broken server from hanging the build; rustfmt's script alone would wait 600 s.
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).as("serve exited").isTrue();
            assertThat(server.exitValue()).isEqualTo(143);
            for (ProcessHandle h : new ProcessHandle[] {rustfmt, sleeper}) {
                h.onExit().completeOnTimeout(h, 10, TimeUnit.SECONDS).join();
                assertThat(h.isAlive()).as("%d left running", h.pid()).isFalse();
            }
            HttpResponse<String> answer = preview.get(30, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(answer.body()).contains("shutting down");
        } finally {
            server.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            server.destroyForcibly();
        }
    }
}
