package dev.rustengineer.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real launcher's {@code serve} configured the way a container is: by RUST_ENGINEER_* variables only (and one
 * flag, which wins over its variable), with JSON logs. It says it listens, then that it serves; /metrics reflects the
 * configuration and the requests and passes promtool; SIGTERM stops it; and every line on its stderr is a JSON object.
 */
class ServeTeamIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+?)/? ");

    @Test
    void configuredByTheEnvironmentLogsJsonAndStopsOnSigterm(@TempDir Path dir) throws Exception {
        Path errors = dir.resolve("serve.err");
        var pb = new ProcessBuilder(Path.of("rust-engineer").toAbsolutePath().toString(), "serve", "--pool-queue", "5")
                .redirectError(errors.toFile());
        pb.environment().putAll(Map.of("RUST_ENGINEER_PORT", "0", "RUST_ENGINEER_HOST", "127.0.0.1",
                "RUST_ENGINEER_POOL_SIZE", "3", "RUST_ENGINEER_POOL_QUEUE", "9", "RUST_ENGINEER_LOG_FORMAT", "json",
                "RUST_ENGINEER_SHUTDOWN_DELAY", "PT1S"));
        Process server = pb.start();
        server.getOutputStream().close();
        try {
            var out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String listening = ServeOutput.find(out, LISTENING);
            String base = ServeOutput.find(out, ServeOutput.SERVING);
            assertThat(base).isEqualTo(listening);
            HttpClient http = HttpClient.newHttpClient();
            assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            var metadata = http.send(HttpRequest.newBuilder(URI.create(base + "/api/metadata")).header("X-Request-Id", "team-it-1").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(metadata.statusCode()).isEqualTo(200);
            assertThat(metadata.headers().firstValue("X-Request-Id")).hasValue("team-it-1");
            var advice = http.send(HttpRequest.newBuilder(URI.create(base + "/api/advise")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"A CLI that renames photos by date\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(advice.statusCode()).as(advice.body()).isEqualTo(200);

            var scraped = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            PrometheusText.assertPromtoolAccepts(scraped.body());
            PrometheusText m = PrometheusText.parse(scraped.body());
            assertThat(m.value("rust_engineer_pool_workers", Map.of("pool", "heavy"))).as("RUST_ENGINEER_POOL_SIZE").isEqualTo(3);
            assertThat(m.value("rust_engineer_pool_queue_limit", Map.of("pool", "heavy"))).as("--pool-queue over its variable").isEqualTo(5);
            String count = "http_server_requests_seconds_count";
            assertThat(m.value(count, Map.of("method", "GET", "route", "/health/ready", "status", "2xx"))).isEqualTo(1);
            assertThat(m.value(count, Map.of("method", "GET", "route", "/api/metadata", "status", "2xx"))).isEqualTo(1);
            assertThat(m.value(count, Map.of("method", "POST", "route", "/api/advise", "status", "2xx"))).isEqualTo(1);
            assertThat(m.value("process_uptime_seconds", Map.of())).isPositive();

            new ProcessBuilder("kill", "-TERM", Long.toString(server.pid())).start().waitFor();
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).as("serve exited").isTrue();
            assertThat(server.exitValue()).isEqualTo(143);
        } finally {
            server.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            server.destroyForcibly();
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(errors)) {
            JsonNode node = JSON.readTree(line);
            assertThat(node != null && node.isObject()).as("a JSON object per stderr line: %s", line).isTrue();
            assertThat(node.has("time") && node.has("level") && node.has("message")).as(line).isTrue();
            lines.add(node);
        }
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.path("request_id").asText()).isEqualTo("team-it-1");
            assertThat(l.path("route").asText()).isEqualTo("/api/metadata");
            assertThat(l.path("status").asInt()).isEqualTo(200);
            assertThat(l.path("duration_ms").isNumber()).isTrue();
        });
        assertThat(lines).extracting(l -> l.get("message").asText())
                .anySatisfy(s -> assertThat(s).startsWith("listening on"))
                .anySatisfy(s -> assertThat(s).isEqualTo("ready"))
                .anySatisfy(s -> assertThat(s).startsWith("shutting down"))
                .anySatisfy(s -> assertThat(s).isEqualTo("stopped"));
    }
}
