package dev.rustengineer.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import dev.rustengineer.blueprint.ProjectKind;
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
        } finally {
            service.destroy();
        }
        String text = ItSupport.stop(service, log);
        assertThat(text).contains("shutdown signal received").contains("\"message\":\"stopped\"");
        // The id a client sent comes back and is on the request's access-log line.
        assertThat(text).contains("\"request_id\":\"" + TRACE_ID + "\"");
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

        var traced = ItSupport.HTTP.send(HttpRequest.newBuilder(URI.create(base + "/health/live")).header("x-request-id", TRACE_ID)
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
        return ItSupport.send(method, url, body);
    }
}
