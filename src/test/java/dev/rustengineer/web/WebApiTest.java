package dev.rustengineer.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rustengineer.RustEngineer;
import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The REST API over real HTTP against a server on a free loopback port. */
class WebApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Javalin app;
    private static String base;

    @BeforeAll
    static void start() {
        app = new WebServer(RustEngineer.shared(), new WebLimits(64 * 1024, Duration.ofSeconds(60), 2, 1000, 1 << 20))
                .start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port();
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    static HttpResponse<String> post(String path, String type, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String path, String accept) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String form(String... kv) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < kv.length; i += 2) {
            parts.add(kv[i] + "=" + URLEncoder.encode(kv[i + 1], StandardCharsets.UTF_8));
        }
        return String.join("&", parts);
    }

    @Test
    void adviseTakesJsonTextFieldsOrAForm() throws Exception {
        var r = post("/api/advise", "application/json", "{\"text\": \"A REST API for payments; p99 under 5 ms; data in PostgreSQL\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode j = JSON.readTree(r.body());
        assertThat(j.get("stack").get("web").asText()).isEqualTo("axum");
        List<String> keys = new ArrayList<>();
        j.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyElementsOf(dev.rustengineer.advise.AdviceJson.TOP_LEVEL_KEYS);

        var fields = JSON.readTree(post("/api/advise", "application/json", "{\"kind\":\"backend\",\"latency_ms\":40,\"go_or_node_ok\":true}").body());
        assertThat(fields.get("route").asText()).isEqualTo("golang-pro");

        var formed = JSON.readTree(post("/api/advise", "application/x-www-form-urlencoded",
                form("text", "Wrap our legacy C library", "features", "metrics")).body());
        assertThat(formed.get("stack").get("ffi").asText()).isEqualTo("ffi-wrapper");
    }

    @Test
    void aHandoffPackageComesAsAZipForTheProjectARequestWouldGenerate() throws Exception {
        String body = "{\"name\": \"orders\", \"text\": \"REST API for orders, p99 under 5 ms\"}";
        var r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/handoffs?to=devops-engineer"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Handoff-Checks")).hasValue("not run (send check=true)");
        List<String> entries = new ArrayList<>();
        String handoff = null;
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(r.body()))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.add(e.getName());
                if (e.getName().endsWith("HANDOFF.md")) {
                    handoff = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(entries).contains("orders-devops-engineer/HANDOFF.md", "orders-devops-engineer/prometheus/alerts.yml",
                "orders-devops-engineer/Dockerfile");
        assertThat(handoff).contains("http_requests_total");

        var lacking = post("/api/handoffs?to=golang-pro", "application/json", body);
        assertThat(lacking.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(lacking.body()).get("detail").asText()).contains("lacks what a handoff to golang-pro needs");
        var noOne = post("/api/handoffs", "application/json", body);
        assertThat(noOne.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noOne.body()).at("/errors/0/field").asText()).isEqualTo("to");
    }

    @Test
    void aBriefOverSixtyFourKibIsA413() throws Exception {
        // The default 8 MiB body limit lets the brief itself be what is too large.
        Javalin big = new WebServer(RustEngineer.shared(), WebLimits.defaults()).start("127.0.0.1", 0);
        try {
            String text = "a fast REST API for orders ".repeat(2600);
            var r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + big.port() + "/api/advise"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(java.util.Map.of("text", text)))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(413);
            assertThat(JSON.readTree(r.body()).get("detail").asText()).contains("at most 64 KiB");
        } finally {
            big.stop();
        }
    }

    @Test
    void badRequestsAreJsonErrors() throws Exception {
        var unknown = post("/api/advise", "application/json", "{\"kind\": \"spaceship\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(firstErrorField(unknown)).isEqualTo("kind");
        var broken = post("/api/advise", "application/json", "{\"kind\": ");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(broken.body()).get("detail").asText()).contains("not valid JSON");
        assertThat(broken.headers().firstValue("content-type")).hasValue(Problem.MEDIA_TYPE);
        var empty = post("/api/advise", "application/json", "{}");
        assertThat(empty.statusCode()).isEqualTo(400);
        var big = post("/api/advise", "application/json", "{\"text\": \"" + "a".repeat(100_000) + "\"}");
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(big.body()).get("status").asInt()).isEqualTo(413);
        assertThat(big.headers().firstValue("content-type")).hasValue(Problem.MEDIA_TYPE);
        var missing = get("/api/nothing", "application/json");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(missing.body()).get("detail").asText()).contains("no such endpoint");
        assertProblem(missing, 404, "/api/nothing");
    }

    @Test
    void projectsComeAsAZipOrAPreview() throws Exception {
        var r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/projects"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form("name", "orders", "text", "REST API for orders, p99 under 5 ms", "db", "postgres")))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).contains("application/zip");
        assertThat(r.headers().firstValue("content-disposition")).hasValueSatisfying(v -> assertThat(v).contains("orders.zip"));
        List<String> entries = new ArrayList<>();
        String cargo = null;
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(r.body()))) {
            for (var e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                entries.add(e.getName());
                if (e.getName().equals("orders/Cargo.toml")) {
                    cargo = new String(z.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(entries).contains("orders/src/orders.rs", "orders/migrations/0001_create_orders.sql").allMatch(n -> n.startsWith("orders/"));
        assertThat(cargo).contains("\"postgres\"");

        JsonNode preview = JSON.readTree(post("/api/projects/preview", "application/json", "{\"name\":\"shop\",\"resource\":\"carts\"}").body());
        assertThat(preview.get("files").has("src/carts.rs")).isTrue();
        assertThat(preview.get("files").get("src/lib.rs").asText()).contains("pub mod carts;");

        var away = post("/api/projects", "application/json", "{\"name\":\"claims\",\"text\":\"A Spring Boot backend for claims\"}");
        assertThat(away.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(away.body()).get("detail").asText()).contains("java-architect");
        var noName = post("/api/projects", "application/json", "{\"text\":\"REST API\"}");
        assertThat(noName.statusCode()).isEqualTo(400);
        var notOffered = post("/api/projects", "application/json", "{\"name\":\"x\",\"web\":\"warp\"}");
        assertThat(notOffered.statusCode()).isEqualTo(400);
    }

    static byte[] zip(java.util.Map<String, String> files) throws Exception {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var z = new java.util.zip.ZipOutputStream(bytes)) {
            for (var e : files.entrySet()) {
                z.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static HttpResponse<String> postBytes(String path, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void auditTakesAnArchiveWithLimits() throws Exception {
        byte[] good = zip(java.util.Map.of("src/lib.rs", "pub fn f(p: *const u8) -> u8 {\n    unsafe { *p }\n}\n"));
        var r = postBytes("/api/audit", good);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode j = JSON.readTree(r.body());
        assertThat(j.at("/summary/by_rule/undocumented-unsafe").asInt()).isEqualTo(1);
        assertThat(j.at("/findings/0/file").asText()).isEqualTo("src/lib.rs");
        var sarif = JSON.readTree(postBytes("/api/audit?format=sarif", good).body());
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");

        var slip = postBytes("/api/audit", zip(java.util.Map.of("../../evil.rs", "fn x() {}")));
        assertThat(slip.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(slip.body()).get("detail").asText()).contains("outside its folder");
        var bomb = postBytes("/api/audit", zip(java.util.Map.of("big.rs", "a".repeat(2 << 20))));
        assertThat(bomb.statusCode()).isEqualTo(413);
        var many = new java.util.TreeMap<String, String>();
        for (int i = 0; i < 1001; i++) {
            many.put("f" + i + ".rs", "");
        }
        assertThat(postBytes("/api/audit", zip(many)).statusCode()).isEqualTo(413);
        assertThat(postBytes("/api/audit", "not an archive".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(400);
    }

    @Test
    void discoveryEndpoints() throws Exception {
        assertThat(JSON.readTree(get("/health", "*/*").body()).get("status").asText()).isEqualTo("UP");
        JsonNode meta = JSON.readTree(get("/api/metadata", "*/*").body());
        assertThat(meta.get("brief").toString()).contains("latency_ms").contains("go_or_node_ok");
        assertThat(meta.get("project").toString()).contains("\"default\":\"sqlite\"");
        var offers = dev.rustengineer.RustEngineer.shared().offers();
        assertThat(meta.get("offers")).hasSize(offers.size());
        assertThat(meta.get("offers").get(0).get("set").asText()).isEqualTo(offers.getFirst().set());
        assertThat(meta.get("offers").get(0).get("label").asText()).isEqualTo("axum HTTP service");
        // One kind per generated kind, with the brief facts the page sends to /api/advise for it.
        assertThat(meta.at("/kinds/0/id").asText()).isEqualTo(offers.getFirst().kind().id());
        assertThat(meta.get("kinds").toString()).contains("{\"id\":\"grpc\",\"label\":\"gRPC service\",\"brief\":{\"kind\":\"backend\",\"features\":[\"grpc\"]}}");
        JsonNode knowledge = JSON.readTree(get("/api/knowledge", "*/*").body());
        assertThat(knowledge.get("triggers")).hasSize(6);
        assertThat(knowledge.at("/asyncRuntime/aspects/2/measured/tokio/source/command").asText()).isEqualTo("bench/runtime-overhead.sh");
        String help = get("/", "*/*").body();
        assertThat(help).contains("curl " + base + "/api/advise");
        assertThat(get("/", "text/html").body()).contains("<textarea id=\"brief\"");
        assertThat(get("/static/app.js", "*/*").statusCode()).isEqualTo(200);

        JsonNode doc = JSON.readTree(get("/openapi.json", "*/*").body());
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        // The generator's enums are the template sets' offers, not a copy that can fall behind.
        JsonNode request = doc.at("/components/schemas/ProjectRequest/properties");
        java.util.List<String> webs = new java.util.ArrayList<>();
        request.at("/web/enum").forEach(w -> webs.add(w.asText()));
        assertThat(webs).containsExactlyElementsOf(offers.stream().map(o -> o.web()).filter(java.util.Objects::nonNull).distinct().toList());
        // Every documented path answers (not 404) with the documented method.
        for (var e : (Iterable<java.util.Map.Entry<String, JsonNode>>) doc.get("paths")::fields) {
            String method = e.getValue().fieldNames().next();
            var r = method.equals("get") ? get(e.getKey(), "*/*") : post(e.getKey(), "application/json", "{}");
            assertThat(r.statusCode()).as(method + " " + e.getKey()).isNotIn(404, 405);
        }
    }

    static HttpResponse<String> send(String method, String path, String type, String body) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(base + path)).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            b.header("Content-Type", type);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The one error contract: RFC 9457 members, the status repeated, the path as the instance. */
    static JsonNode assertProblem(HttpResponse<String> r, int status, String instance) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("content-type")).hasValue(Problem.MEDIA_TYPE);
        JsonNode p = JSON.readTree(r.body());
        assertThat(p.get("type").asText()).isEqualTo("about:blank");
        assertThat(p.get("title").asText()).isNotBlank();
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("detail").asText()).isNotBlank();
        assertThat(p.get("instance").asText()).isEqualTo(instance);
        return p;
    }

    static String firstErrorField(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body()).at("/errors/0/field").asText();
    }

    @Test
    void aBodyThatIsNotAnArchiveIsA400NotA500() throws Exception {
        var r = postBytes("/api/audit", "x".repeat(2000).getBytes(StandardCharsets.UTF_8));
        assertThat(assertProblem(r, 400, "/api/audit").get("detail").asText()).contains("not a readable zip or tar archive");
        var gz = send("POST", "/api/audit", "application/gzip", "not gzip at all");
        assertProblem(gz, 400, "/api/audit");
    }

    @Test
    void auditQueryNumbersAreRangeChecked() throws Exception {
        byte[] good = zip(java.util.Map.of("src/lib.rs", "pub fn f() {}\n"));
        for (String limit : List.of("abc", "-1", "99999999999999999999")) {
            var r = postBytes("/api/audit?limit=" + limit, good);
            assertProblem(r, 400, "/api/audit");
            assertThat(firstErrorField(r)).isEqualTo("limit");
        }
        assertThat(postBytes("/api/audit?limit=0", good).statusCode()).isEqualTo(200);
    }

    @Test
    void multipartAndOtherMediaTypesAre415() throws Exception {
        String multipart = "--b\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nREST API\r\n--b--\r\n";
        for (String path : List.of("/api/advise", "/api/projects", "/api/projects/preview", "/api/handoffs?to=devops-engineer")) {
            assertProblem(post(path, "multipart/form-data; boundary=b", multipart), 415, path.replaceFirst("\\?.*", ""));
            assertProblem(post(path, "text/plain", "A REST API"), 415, path.replaceFirst("\\?.*", ""));
            assertProblem(post(path, "application/xml", "<brief/>"), 415, path.replaceFirst("\\?.*", ""));
            assertProblem(send("POST", path, null, null), 415, path.replaceFirst("\\?.*", ""));
        }
        assertProblem(post("/api/audit", "application/json", "{}"), 415, "/api/audit");
    }

    @Test
    void otherMethodsAre405WithAllow() throws Exception {
        var trace = send("TRACE", "/health", null, null);
        assertProblem(trace, 405, "/health");
        assertThat(trace.headers().firstValue("allow")).hasValue("GET");
        var get = get("/api/advise", "application/json");
        assertProblem(get, 405, "/api/advise");
        assertThat(get.headers().firstValue("allow")).hasValue("POST");
        for (String method : List.of("DELETE", "PUT", "PATCH", "BREW")) {
            var r = send(method, "/api/projects", null, null);
            assertProblem(r, 405, "/api/projects");
            assertThat(r.headers().firstValue("allow")).hasValue("POST");
        }
        var options = send("OPTIONS", "/api/audit", null, null);
        assertThat(options.statusCode()).isEqualTo(204);
        assertThat(options.headers().firstValue("allow")).hasValue("POST");
    }

    @Test
    void whatTheSchemaRefusesIsA400NamingTheField() throws Exception {
        var empty = post("/api/advise", "application/json", "{}");
        assertThat(assertProblem(empty, 400, "/api/advise").get("errors")).isNotEmpty();
        var emptyName = post("/api/projects", "application/json", "{\"name\":\"\"}");
        assertProblem(emptyName, 400, "/api/projects");
        assertThat(firstErrorField(emptyName)).isEqualTo("name");
        var keyword = post("/api/projects/preview", "application/json", "{\"name\":\"async\"}");
        assertThat(firstErrorField(keyword)).isEqualTo("name");
        var script = post("/api/advise", "application/json", "{\"ключ\":\"x\"}");
        assertThat(firstErrorField(script)).as("a problem is UTF-8").isEqualTo("ключ");
        var unknown = post("/api/advise", "application/json", "{\"text\":\"REST API\",\"name\":\"x\"}");
        assertProblem(unknown, 400, "/api/advise");
        assertThat(firstErrorField(unknown)).isEqualTo("name");
        var to = post("/api/handoffs?to=", "application/json", "{\"name\":\"orders\"}");
        assertProblem(to, 400, "/api/handoffs");
        assertThat(firstErrorField(to)).isEqualTo("to");
        var zero = post("/api/advise", "application/x-www-form-urlencoded", form("go_or_node_ok", "0", "text", "x"));
        assertProblem(zero, 400, "/api/advise");
        assertThat(firstErrorField(zero)).isEqualTo("go_or_node_ok");
        for (String huge : List.of("99999999999", "1e30", "-1")) {
            var r = post("/api/advise", "application/json", "{\"kind\":\"backend\",\"latency_ms\":" + huge + "}");
            assertProblem(r, 400, "/api/advise");
            assertThat(firstErrorField(r)).isEqualTo("latency_ms");
            assertThat(r.body()).doesNotContain("-2147483648").doesNotContain("1410065407");
        }
    }

    /** The issue found 413 as Javalin's JSON on one route and text/plain on the others: every route answers a problem. */
    @Test
    void aBodyOverTheLimitIsA413ProblemOnEveryRoute() throws Exception {
        String tooBig = "{\"name\":\"orders\",\"text\":\"" + "a".repeat(100_000) + "\"}";
        for (String path : List.of("/api/advise", "/api/projects", "/api/projects/preview", "/api/handoffs?to=devops-engineer")) {
            assertProblem(post(path, "application/json", tooBig), 413, path.replaceFirst("\\?.*", ""));
        }
        assertProblem(postBytes("/api/audit", new byte[100_000]), 413, "/api/audit");
    }

    /** Advice runs on its own bounded pool with a time limit: past it the answer is a 503 problem, not a held core. */
    @Test
    void adviceThatRunsPastItsTimeLimitIsA503() throws Exception {
        Javalin strict = new WebServer(RustEngineer.shared(), new WebLimits(64 * 1024, Duration.ofSeconds(60), 2, 1000, 1 << 20)
                .withAdvice(new PoolLimits(1, 0, Duration.ofNanos(1)))).start("127.0.0.1", 0);
        try {
            var r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + strict.port() + "/api/advise"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"A REST API for payments; p99 under 5 ms\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(assertProblem(r, 503, "/api/advise").get("detail").asText()).contains("took longer than");
        } finally {
            strict.stop();
        }
    }

    @Test
    void aValidBriefWithNothingToAdviseOnIsA422() throws Exception {
        var r = post("/api/advise", "application/json", "{\"text\":\"!!!\"}");
        assertProblem(r, 422, "/api/advise");
    }

    @Test
    void adviceEchoesASnippetNotTheWholeText() throws Exception {
        String text = "A REST API for orders with a p99 under 5 ms. " + "Orders come and go all day long. ".repeat(300);
        var r = post("/api/advise", "application/json", JSON.writeValueAsString(java.util.Map.of("text", text)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String echoed = JSON.readTree(r.body()).at("/brief/text").asText();
        assertThat(echoed).startsWith("A REST API for orders").hasSizeLessThanOrEqualTo(Snippet.MAX_CHARS + 1);
        assertThat(r.body().length()).isLessThan(text.length());
    }

    @Test
    void auditResponsesDoNotNameServerPaths() throws Exception {
        byte[] good = zip(java.util.Map.of("src/lib.rs", "pub fn f(p: *const u8) -> u8 {\n    unsafe { *p }\n}\n"));
        String tmp = System.getProperty("java.io.tmpdir");
        var json = postBytes("/api/audit?lines=true", good);
        assertThat(JSON.readTree(json.body()).get("root").asText()).isEqualTo(".");
        assertThat(json.body()).doesNotContain(tmp).doesNotContain("rust-engineer-audit-");
        var sarif = postBytes("/api/audit?format=sarif", good);
        assertThat(sarif.body()).doesNotContain(tmp).doesNotContain("rust-engineer-audit-");
    }

    /** What the document's links promise, followed by hand: the advice's brief.fields are a project request's brief. */
    @Test
    void theAdvicesFieldsFeedThePreviewAndThePreviewFeedsTheZip() throws Exception {
        var advice = post("/api/advise", "application/json", "{\"text\":\"A REST API for payments; p99 under 5 ms; data in PostgreSQL\"}");
        assertThat(advice.statusCode()).isEqualTo(200);
        var request = (ObjectNode) JSON.readTree(advice.body()).at("/brief/fields").deepCopy();
        assertThat(request.has("database")).isTrue();
        request.put("name", "payments");
        var preview = post("/api/projects/preview", "application/json", request.toString());
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        JsonNode p = JSON.readTree(preview.body());
        assertThat(p.get("db").asText()).isEqualTo("postgres");
        var zip = post("/api/projects", "application/json",
                JSON.createObjectNode().put("name", p.get("name").asText()).put("project_kind", p.get("kind").asText()).toString());
        assertThat(zip.statusCode()).as(zip.body()).isEqualTo(200);
    }

    @Test
    void theDocumentIsStrict() throws Exception {
        JsonNode doc = JSON.readTree(get("/openapi.json", "*/*").body());
        for (String schema : List.of("Brief", "ProjectRequest")) {
            JsonNode s = doc.at("/components/schemas/" + schema);
            assertThat(s.get("additionalProperties").asBoolean(true)).as(schema).isFalse();
        }
        assertThat(doc.at("/components/schemas/Brief/minProperties").asInt()).isEqualTo(1);
        assertThat(doc.at("/components/schemas/Brief/properties/text/maxLength").asInt()).isEqualTo(64 * 1024);
        assertThat(doc.at("/components/schemas/Brief/properties/latency_ms/maximum").asLong()).isEqualTo(Integer.MAX_VALUE);
        assertThat(doc.at("/components/schemas/ProjectRequest/properties/name/pattern").asText()).isNotBlank();
        assertThat(doc.at("/components/schemas/ProjectRequest/properties/name/not/enum").toString()).contains("\"async\"", "\"con\"");
        assertThat(doc.at("/paths/~1api~1audit/post/requestBody/content").has("application/zip")).isTrue();
        assertThat(doc.at("/paths/~1api~1handoffs/post/parameters/0/schema/enum").toString()).contains("devops-engineer");
    }
}
