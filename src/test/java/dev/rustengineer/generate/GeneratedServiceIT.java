package dev.rustengineer.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The main job, end to end: `./rust-engineer new ... --verify` through the real launcher (fmt, clippy -D warnings,
 * build, test with cargo), then the built binary started and exercised over real HTTP, then stopped with SIGTERM.
 * SQLite always; PostgreSQL from scripts/setup.d/20-postgres.sh. One shared CARGO_TARGET_DIR keeps it fast.
 */
class GeneratedServiceIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRACE_ID = "it-trace-0042";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static Path cargoTarget() {
        String env = System.getenv("RUST_ENGINEER_CARGO_TARGET");
        return env != null ? Path.of(env) : Path.of(System.getProperty("user.home"), ".cache/rust-engineer/cargo-target");
    }

    static String postgresUrl() throws Exception {
        Path env = Path.of("target/postgres.env");
        if (!Files.exists(env)) {
            Process p = new ProcessBuilder("bash", "scripts/setup.d/20-postgres.sh").inheritIO().start();
            assertThat(p.waitFor()).as("starting PostgreSQL").isZero();
        }
        return Files.readString(env).strip().replaceFirst("^DATABASE_URL=", "");
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"orders,sqlite,orders", "inventory-svc,postgres,categories"})
    void generateVerifyRunAndStop(String name, String db, String resource, @TempDir Path dir) throws Exception {
        String pg = db.equals("postgres") ? postgresUrl() : null;
        List<String> command = new ArrayList<>(List.of(Path.of("rust-engineer").toAbsolutePath().toString(), "new", name,
                "--brief", "REST API for " + resource + ", p99 under 5 ms", "--db", db, "--dir", dir.toString(), "--verify",
                "--target-dir", cargoTarget().toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (pg != null) {
            pb.environment().put("DATABASE_URL", pg);
        } else {
            pb.environment().remove("DATABASE_URL");
        }
        Process gen = pb.start();
        gen.getOutputStream().close();
        String out = new String(gen.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(gen.waitFor(40, TimeUnit.MINUTES)).isTrue();
        System.out.println(out);
        assertThat(gen.exitValue()).as(out).isZero();
        assertThat(out).contains("PASSED").containsPattern("test\\s+pass\\s+[0-9.]+s\\s+11 passed, 0 failed");

        String databaseUrl = pg != null ? freshPostgresDatabase(pg, name.replace('-', '_') + "_run")
                : "sqlite://" + dir.resolve("run.db") + "?mode=rwc";
        int port = freePort();
        Path binary = cargoTarget().resolve("debug").resolve(name);
        ProcessBuilder run = new ProcessBuilder(binary.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("service.log").toFile());
        run.environment().putAll(Map.of("BIND_ADDR", "127.0.0.1:" + port, "DATABASE_URL", databaseUrl, "LOG_FORMAT", "json"));
        Process service = run.start();
        try {
            String base = "http://127.0.0.1:" + port;
            awaitUp(base + "/health/live", service);
            exercise(base, resource);
        } finally {
            service.destroy(); // SIGTERM
        }
        assertThat(service.waitFor(15, TimeUnit.SECONDS)).as("stops within 15 s of SIGTERM").isTrue();
        String log = Files.readString(dir.resolve("service.log"));
        assertThat(service.exitValue()).as(log).isZero();
        assertThat(log).contains("shutdown signal received").contains("\"message\":\"stopped\"");
        // The id a client sent comes back and is on the request's access-log line.
        assertThat(log).contains("\"request_id\":\"" + TRACE_ID + "\"");
    }

    private static void exercise(String base, String resource) throws Exception {
        String items = base + "/" + resource;
        var created = send("POST", items, "{\"name\":\"first\",\"description\":\"the first\",\"quantity\":2}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("x-request-id")).isPresent();
        long id = JSON.readTree(created.body()).get("id").asLong();
        assertThat(send("POST", items, "{\"name\":\"second\",\"quantity\":5}").statusCode()).isEqualTo(201);

        var read = send("GET", items + "/" + id, null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(read.body()).get("name").asText()).isEqualTo("first");

        var list = JSON.readTree(send("GET", items + "?page=1&per_page=1", null).body());
        assertThat(list.get("total").asInt()).isEqualTo(2);
        assertThat(list.get("items")).hasSize(1);
        assertThat(list.get("items").get(0).get("name").asText()).isEqualTo("second");

        var updated = send("PUT", items + "/" + id, "{\"name\":\"renamed\",\"quantity\":7}");
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(updated.body()).get("quantity").asInt()).isEqualTo(7);

        var invalid = send("POST", items, "{\"name\":\"\",\"quantity\":-1}");
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.headers().firstValue("content-type")).contains("application/problem+json");
        assertThat(JSON.readTree(invalid.body()).get("status").asInt()).isEqualTo(422);

        assertThat(send("DELETE", items + "/" + id, null).statusCode()).isEqualTo(204);
        assertThat(send("GET", items + "/" + id, null).statusCode()).isEqualTo(404);

        var traced = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/health/live")).header("x-request-id", TRACE_ID)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(traced.headers().firstValue("x-request-id")).contains(TRACE_ID);
        var unknown = send("GET", base + "/no-such-route", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("content-type")).contains("application/problem+json");

        assertThat(send("GET", base + "/health/ready", null).statusCode()).isEqualTo(200);
        String metrics = send("GET", base + "/metrics", null).body();
        assertThat(metrics).contains("http_requests_total").contains("http_request_duration_seconds");

        String openapi = send("GET", base + "/openapi.json", null).body();
        // Parsed by an OpenAPI parser, not just as JSON: the document must be valid OpenAPI 3.
        var parsed = new io.swagger.v3.parser.OpenAPIV3Parser().readContents(openapi, null, null);
        assertThat(parsed.getMessages()).as("OpenAPI parser messages").isEmpty();
        assertThat(parsed.getOpenAPI().getPaths()).containsKeys("/" + resource, "/" + resource + "/{id}", "/health/ready");
        JsonNode doc = JSON.readTree(openapi);
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        assertThat(doc.get("paths").has("/" + resource)).isTrue();
        assertThat(doc.get("paths").get("/" + resource + "/{id}").has("delete")).isTrue();
        assertThat(doc.at("/components/schemas").size()).isGreaterThanOrEqualTo(3);
    }

    private static HttpResponse<String> send(String method, String url, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("content-type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitUp(String url, Process service) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(service.isAlive()).as("the service is running").isTrue();
            try {
                if (send("GET", url, null).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the service did not answer " + url + " within 30 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String freshPostgresDatabase(String serverUrl, String name) throws Exception {
        for (String sql : List.of("DROP DATABASE IF EXISTS " + name, "CREATE DATABASE " + name)) {
            Process p = new ProcessBuilder("psql", serverUrl, "-v", "ON_ERROR_STOP=1", "-c", sql).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(out).isZero();
        }
        return serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1) + name;
    }
}
