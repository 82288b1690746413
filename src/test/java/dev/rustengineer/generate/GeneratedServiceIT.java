package dev.rustengineer.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rustengineer.blueprint.ProjectKind;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The main job, end to end, for every HTTP service combination the template sets offer (web framework x database
 * engine x layer): `./rust-engineer new ... --verify` through the real launcher (fmt, clippy -D warnings, build,
 * test with cargo), then the built binary started and exercised over real HTTP, then stopped with SIGTERM.
 * SQLite always; PostgreSQL from scripts/setup.d/20-postgres.sh. One shared CARGO_TARGET_DIR keeps it fast.
 * `-Dit.sets=actix-service` (comma-separated) runs only those sets, `-Dit.variants=ID,...` only those variants.
 */
class GeneratedServiceIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRACE_ID = "it-trace-0042";

    static Stream<Projects.Variant> variants() {
        return Projects.variantsToRun(ProjectKind.SERVICE).stream().filter(v -> v.with().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void generateVerifyRunAndStop(Projects.Variant variant, @TempDir Path dir) throws Exception {
        String pg = "postgres".equals(variant.db()) ? ItSupport.postgresUrl() : null;
        String name = variant.name();
        ItSupport.newAndVerify(name, variant.newArguments(), dir, pg, 8);

        String databaseUrl = ItSupport.runDatabase(variant, pg, dir);
        int port = ItSupport.freePort();
        Path log = dir.resolve("service.log");
        Process service = ItSupport.start(ItSupport.binary(name),
                Map.of("BIND_ADDR", "127.0.0.1:" + port, "DATABASE_URL", databaseUrl, "LOG_FORMAT", "json"), log);
        try {
            String base = "http://127.0.0.1:" + port;
            ItSupport.awaitHttp(base + "/health/live", service);
            exercise(base, variant.resource());
            // The peer tools a new user would point at it: schemathesis at zero failures, an OpenAPI validator,
            // a slow-client and a metrics-cardinality probe (scripts/service-probes.sh says what each checks).
            var probes = ItSupport.run(Path.of("."), Map.of(), Duration.ofMinutes(10), "bash", "scripts/service-probes.sh", base,
                    dir.resolve("probe-reports").toString());
            assertThat(probes.code()).as(probes.out()).isZero();
            System.out.println(variant.id() + ": " + probes.out().strip());
        } finally {
            service.destroy();
        }
        String text = ItSupport.stop(service, log);
        assertThat(text).contains("shutdown signal received").contains("\"message\":\"stopped\"");
        // The id a client sent comes back and is on the request's access-log line.
        assertThat(text).contains("\"request_id\":\"" + TRACE_ID + "\"");
    }

    /** docs/service-contract.md, call by call. */
    private static void exercise(String base, String resource) throws Exception {
        String items = base + "/" + resource;
        var created = send("POST", items, "{\"name\":\"first\",\"description\":\"the first\",\"quantity\":2}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("x-request-id")).isPresent();
        long id = JSON.readTree(created.body()).get("id").asLong();
        assertThat(created.headers().firstValue("location")).contains("/" + resource + "/" + id);
        assertThat(created.headers().firstValue("etag")).contains("\"1\"");
        assertThat(send("POST", items, "{\"name\":\"second\",\"quantity\":5}").statusCode()).isEqualTo(201);

        var read = send("GET", items + "/" + id, null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(read.body()).get("name").asText()).isEqualTo("first");
        assertThat(JSON.readTree(read.body()).get("version").asInt()).isEqualTo(1);
        assertThat(send("GET", items + "/" + id, null, Map.of("if-none-match", "\"1\"")).statusCode()).isEqualTo(304);

        // Keyset paging, newest first: the first page ends where `next` and the Link header continue.
        var first = send("GET", items + "?limit=1", null);
        JsonNode page = JSON.readTree(first.body());
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("items").get(0).get("name").asText()).isEqualTo("second");
        String next = page.get("next").asText();
        assertThat(next).startsWith("/" + resource + "?").contains("limit=1").contains("after=");
        assertThat(first.headers().firstValue("link")).hasValueSatisfying(l -> assertThat(l).contains("rel=\"next\""));
        JsonNode last = JSON.readTree(send("GET", base + next, null).body());
        assertThat(last.get("items").get(0).get("name").asText()).isEqualTo("first");
        JsonNode end = JSON.readTree(send("GET", items + "?limit=1&after=" + id, null).body());
        assertThat(end.get("items")).isEmpty();
        assertThat(end.get("next").isNull()).isTrue();

        // Optimistic concurrency: the ETag is the version; a stale If-Match is refused.
        var updated = send("PUT", items + "/" + id, "{\"name\":\"renamed\",\"quantity\":7}", Map.of("if-match", "\"1\""));
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(JSON.readTree(updated.body()).get("quantity").asInt()).isEqualTo(7);
        assertThat(updated.headers().firstValue("etag")).contains("\"2\"");
        var stale = send("PUT", items + "/" + id, "{\"name\":\"lost\",\"quantity\":1}", Map.of("if-match", "\"1\""));
        assertProblem(stale, 412);

        // Errors: one format, per-field, never echoing what was sent.
        String secret = "SECRET-" + "x".repeat(300);
        var invalid = send("POST", items, "{\"name\":\"" + secret + "\",\"quantity\":-1}");
        assertProblem(invalid, 422);
        assertThat(invalid.body()).doesNotContain("SECRET");
        JsonNode errors = JSON.readTree(invalid.body()).get("errors");
        assertThat(errors.findValuesAsText("field")).contains("name", "quantity");
        assertProblem(send("POST", items, "{\"name\":\"x\",\"quantity\":1,\"colour\":\"red\"}"), 422);
        assertProblem(send("POST", items, "{\"name\":\"a\\u0000b\",\"quantity\":1}"), 422);
        assertProblem(send("POST", items, "{\"name\":", Map.of()), 400);
        assertProblem(sendTyped("POST", items, "{\"name\":\"x\",\"quantity\":1}", "text/plain"), 415);
        assertProblem(ItSupport.sendAlone("POST", items, "{\"name\":\"" + "y".repeat(70 * 1024) + "\",\"quantity\":1}", Map.of()), 413);
        assertProblem(send("GET", items + "/abc", null), 400);
        assertProblem(send("GET", items + "?limit=abc", null), 400);
        var wrongMethod = send("TRACE", items, null);
        assertProblem(wrongMethod, 405);
        assertThat(wrongMethod.headers().firstValue("allow")).hasValueSatisfying(a -> assertThat(a).contains("GET").contains("POST"));

        assertThat(send("DELETE", items + "/" + id, null, Map.of("if-match", "\"1\"")).statusCode()).isEqualTo(412);
        assertThat(send("DELETE", items + "/" + id, null).statusCode()).isEqualTo(204);
        assertThat(send("GET", items + "/" + id, null).statusCode()).isEqualTo(404);

        var traced = ItSupport.HTTP.send(HttpRequest.newBuilder(URI.create(base + "/health/live")).header("x-request-id", TRACE_ID)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(traced.headers().firstValue("x-request-id")).contains(TRACE_ID);
        assertProblem(send("GET", base + "/no-such-route", null), 404);

        assertThat(send("GET", base + "/health/ready", null).statusCode()).isEqualTo(200);
        String metrics = send("GET", base + "/metrics", null).body();
        assertThat(metrics).contains("http_requests_total").contains("http_request_duration_seconds");
        // Labels are bounded: the made-up method and the unknown path above are folded, never recorded as sent.
        assertThat(metrics).doesNotContain("TRACE").doesNotContain("no-such-route").contains("unmatched");

        String openapi = send("GET", base + "/openapi.json", null).body();
        // Parsed by an OpenAPI parser, not just as JSON: the document must be valid OpenAPI 3.
        var parsed = new OpenAPIV3Parser().readContents(openapi, null, null);
        assertThat(parsed.getMessages()).as("OpenAPI parser messages").isEmpty();
        assertThat(parsed.getOpenAPI().getPaths()).containsKeys("/" + resource, "/" + resource + "/{id}", "/health/ready");
        JsonNode doc = JSON.readTree(openapi);
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        assertThat(doc.get("paths").get("/" + resource + "/{id}").has("delete")).isTrue();
        assertThat(doc.at("/components/schemas").size()).isGreaterThanOrEqualTo(3);
    }

    private static void assertProblem(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).contains("application/problem+json");
        assertThat(JSON.readTree(response.body()).get("status").asInt()).isEqualTo(status);
    }

    private static HttpResponse<String> send(String method, String url, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        return ItSupport.send(method, url, body, headers);
    }

    /** A body of another media type, refused unread (415): on a connection of its own, as ItSupport.sendAlone says why. */
    private static HttpResponse<String> sendTyped(String method, String url, String body, String contentType)
            throws IOException, InterruptedException {
        try (HttpClient alone = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            return alone.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("content-type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private static HttpResponse<String> send(String method, String url, String body) throws IOException, InterruptedException {
        return ItSupport.send(method, url, body);
    }
}
