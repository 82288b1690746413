package dev.rustengineer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rustengineer.RustEngineer;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * serve for a team, in-process over real HTTP: /metrics counts exactly the requests made and passes promtool, its
 * labels stay bounded whatever paths and methods clients send, readiness follows loading, a saturated pool and the
 * shutdown, a stop lets a light request in flight finish, and the JSON log and request ids hold together.
 */
class ServeOperationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final WebLimits SMALL = new WebLimits(64 * 1024, Duration.ofSeconds(60), 2, 1000, 1 << 20);

    private final List<Javalin> started = new ArrayList<>();

    @AfterEach
    void stopAll() {
        started.forEach(Javalin::stop);
    }

    private String start(WebServer server) {
        Javalin app = server.start("127.0.0.1", 0);
        started.add(app);
        return "http://127.0.0.1:" + app.port();
    }

    private static HttpResponse<String> send(String method, String url, String type, String body) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(url)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            b.header("Content-Type", type);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return send("GET", url, null, null);
    }

    private static PrometheusText scrape(String base) throws Exception {
        var r = get(base + "/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        PrometheusText.assertPromtoolAccepts(r.body());
        return PrometheusText.parse(r.body());
    }

    private static Map<String, String> request(String method, String route, String status) {
        return Map.of("method", method, "route", route, "status", status);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        for (int i = 0; i < 600 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }

    @Test
    void metricsCountTheRequestsMadeAndPassPromtool() throws Exception {
        String base = start(new WebServer(RustEngineer.shared(), SMALL));
        for (int i = 0; i < 3; i++) {
            assertThat(get(base + "/health").statusCode()).isEqualTo(200);
        }
        for (int i = 0; i < 2; i++) {
            assertThat(get(base + "/api/metadata").statusCode()).isEqualTo(200);
        }
        assertThat(send("POST", base + "/api/advise", "application/json", "{\"text\":\"A REST API for payments; p99 under 5 ms\"}")
                .statusCode()).isEqualTo(200);
        assertThat(send("POST", base + "/api/advise", "application/json", "{\"kind\":\"spaceship\"}").statusCode()).isEqualTo(400);
        assertThat(get(base + "/no/such/page").statusCode()).isEqualTo(404);
        assertThat(get(base + "/api/nothing").statusCode()).isEqualTo(404);
        assertThat(send("DELETE", base + "/health", null, null).statusCode()).isEqualTo(405);
        assertThat(get(base + "/static/app.js").statusCode()).isEqualTo(200);

        // Micrometer holds gauges' objects weakly: after a collection a gauge whose object nothing else holds reads NaN.
        System.gc();
        PrometheusText m = scrape(base);
        String count = "http_server_requests_seconds_count";
        assertThat(m.value(count, request("GET", "/health", "2xx"))).isEqualTo(3);
        assertThat(m.value(count, request("GET", "/api/metadata", "2xx"))).isEqualTo(2);
        assertThat(m.value(count, request("POST", "/api/advise", "2xx"))).isEqualTo(1);
        assertThat(m.value(count, request("POST", "/api/advise", "4xx"))).isEqualTo(1);
        assertThat(m.value(count, request("GET", RequestRecord.UNMATCHED, "4xx"))).isEqualTo(2);
        assertThat(m.value(count, request("DELETE", "/health", "4xx"))).isEqualTo(1);
        assertThat(m.value(count, request("GET", RequestRecord.STATIC, "2xx"))).isEqualTo(1);
        // Nothing else was asked (the scrape counts itself only after it is answered).
        assertThat(m.named(count).stream().mapToDouble(PrometheusText.Sample::value).sum()).isEqualTo(11);
        // The histogram: the +Inf bucket is the count, the SLO buckets are there, and the advice took some time.
        var advised = request("POST", "/api/advise", "2xx");
        assertThat(m.value("http_server_requests_seconds_bucket", withLe(advised, "+Inf"))).isEqualTo(1);
        assertThat(m.named("http_server_requests_seconds_bucket").stream().map(s -> s.labels().get("le")).distinct())
                .contains("0.005", "0.1", "1.0", "10.0", "60.0");
        assertThat(m.value("http_server_requests_seconds_sum", advised)).isPositive();

        assertThat(m.value("rust_engineer_pool_workers", Map.of("pool", "heavy"))).isEqualTo(2);
        assertThat(m.value("rust_engineer_pool_queue_limit", Map.of("pool", "heavy"))).isEqualTo(WebLimits.DEFAULT_HEAVY_QUEUE);
        assertThat(m.value("rust_engineer_pool_active", Map.of("pool", "advice"))).isZero();
        assertThat(m.named("rust_engineer_pool_rejected_total")).extracting(s -> s.labels().get("reason"))
                .contains("queue_full", "wait_timeout");
        assertThat(m.value("rust_engineer_ready", Map.of())).isEqualTo(1);
        for (String jvm : List.of("jvm_memory_used_bytes", "jvm_threads_live_threads", "jvm_classes_loaded_classes",
                "process_uptime_seconds", "process_start_time_seconds", "process_cpu_usage")) {
            assertThat(m.named(jvm)).as(jvm).isNotEmpty();
        }
        assertThat(m.samples()).anySatisfy(s -> assertThat(s.name()).startsWith("jvm_gc_"));

        // A second scrape counts the first.
        assertThat(scrape(base).value(count, request("GET", "/metrics", "2xx"))).isEqualTo(1);
    }

    private static Map<String, String> withLe(Map<String, String> labels, String le) {
        var with = new java.util.HashMap<>(labels);
        with.put("le", le);
        return with;
    }

    /** Clients choose paths and methods; the labels they end up under do not grow with them. */
    @Test
    void fiveHundredRandomPathsAndMethodsAddNoLabelValues() throws Exception {
        WebServer server = new WebServer(RustEngineer.shared(), SMALL);
        String base = start(server);
        Random random = new Random(18);
        List<String> methods = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE");
        List<String> known = List.of("/", "/health", "/api/advise", "/api/knowledge", "/static/app.js", "/metrics");
        for (int i = 0; i < 500; i++) {
            String method = random.nextInt(3) == 0 ? randomToken(random) : methods.get(random.nextInt(methods.size()));
            String path = random.nextInt(4) == 0 ? known.get(random.nextInt(known.size())) : randomPath(random);
            var r = send(method, base + path, null, null);
            assertThat(r.statusCode()).as("%s %s", method, path).isLessThan(500);
        }
        PrometheusText m = scrape(base);
        var series = m.named("http_server_requests_seconds_count");
        Set<String> routes = series.stream().map(s -> s.labels().get("route")).collect(Collectors.toSet());
        Set<String> seenMethods = series.stream().map(s -> s.labels().get("method")).collect(Collectors.toSet());
        Set<String> allowedRoutes = new HashSet<>(List.of(RequestRecord.UNMATCHED, RequestRecord.STATIC, "/", "/health",
                "/health/live", "/health/ready", "/metrics", "/openapi.json", "/api/knowledge", "/api/metadata",
                "/api/projects", "/api/projects/preview", "/api/audit", "/api/handoffs", "/api/advise"));
        assertThat(allowedRoutes).containsAll(routes);
        assertThat(routes).contains(RequestRecord.UNMATCHED);
        assertThat(Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH", "OTHER"))
                .containsAll(seenMethods);
        assertThat(seenMethods).contains("OTHER");
        assertThat(series.stream().mapToDouble(PrometheusText.Sample::value).sum()).isEqualTo(500);
        // Every series is a (method, route, status class) of those bounded sets: at most 10 x 15 x 5, and in
        // practice far fewer; 500 raw paths would have made about 400.
        assertThat(series.size()).isLessThan(120);
    }

    private static String randomToken(Random random) {
        var b = new StringBuilder();
        for (int i = 0, n = 3 + random.nextInt(6); i < n; i++) {
            b.append((char) ('A' + random.nextInt(26)));
        }
        return b.toString();
    }

    private static String randomPath(Random random) {
        var b = new StringBuilder(random.nextBoolean() ? "/api" : "");
        for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
            b.append('/').append(Long.toString(random.nextLong() & Long.MAX_VALUE, 36), 0, 1 + random.nextInt(10));
        }
        return b.toString();
    }

    @Test
    void readinessFailsWhileThePoolIsSaturatedAndComesBack() throws Exception {
        WebServer server = new WebServer(RustEngineer.shared(), SMALL.withHeavy(new PoolLimits(1, 1, Duration.ofSeconds(60))));
        String base = start(server);
        assertThat(get(base + "/health/ready").statusCode()).isEqualTo(200);

        HeavyWork heavy = server.heavyWork();
        CountDownLatch release = new CountDownLatch(1);
        List<CompletableFuture<Object>> slow = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            // Threads of their own: the common pool may have one thread on a small machine.
            CompletableFuture<Object> done = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> {
                try {
                    done.complete(heavy.run(() -> release.await(60, TimeUnit.SECONDS)));
                } catch (Exception e) {
                    done.completeExceptionally(e);
                }
            });
            slow.add(done);
        }
        try {
            await(() -> heavy.active() == 1 && heavy.queued() == 1, "one running and one waiting");
            var notReady = get(base + "/health/ready");
            JsonNode problem = WebApiTest.assertProblem(notReady, 503, "/health/ready");
            assertThat(problem.get("detail").asText()).contains("heavy pool is saturated: 1 running, 1 waiting");
            assertThat(get(base + "/health/live").statusCode()).isEqualTo(200);
            // The next heavy request is the one saturation means: refused at once.
            var refused = send("POST", base + "/api/projects/preview", "application/json", "{\"name\":\"orders\"}");
            assertThat(WebApiTest.assertProblem(refused, 503, "/api/projects/preview").get("detail").asText()).contains("busy");
            PrometheusText m = scrape(base);
            assertThat(m.value("rust_engineer_pool_active", Map.of("pool", "heavy"))).isEqualTo(1);
            assertThat(m.value("rust_engineer_pool_queued", Map.of("pool", "heavy"))).isEqualTo(1);
            assertThat(m.value("rust_engineer_pool_rejected_total", Map.of("pool", "heavy", "reason", "queue_full"))).isEqualTo(1);
            assertThat(m.value("rust_engineer_ready", Map.of())).isZero();
        } finally {
            release.countDown();
        }
        CompletableFuture.allOf(slow.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        await(() -> heavy.active() == 0, "the pool drained");
        assertThat(get(base + "/health/ready").statusCode()).isEqualTo(200);
        assertThat(scrape(base).value("rust_engineer_ready", Map.of())).isEqualTo(1);
    }

    @Test
    void readinessFailsWhileTheKnowledgeLoads() throws Exception {
        CountDownLatch loaded = new CountDownLatch(1);
        WebServer server = new WebServer(() -> {
            try {
                loaded.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return RustEngineer.shared();
        }, SMALL, ServeOptions.defaults());
        Javalin app = server.listen("127.0.0.1", 0);
        started.add(app);
        String base = "http://127.0.0.1:" + app.port();
        try {
            var ready = get(base + "/health/ready");
            assertThat(WebApiTest.assertProblem(ready, 503, "/health/ready").get("detail").asText()).contains("loading");
            assertThat(get(base + "/health/live").statusCode()).isEqualTo(200);
            assertThat(get(base + "/metrics").statusCode()).isEqualTo(200);
            WebApiTest.assertProblem(get(base + "/api/metadata"), 503, "/api/metadata");
        } finally {
            loaded.countDown();
        }
        server.awaitLoaded();
        assertThat(get(base + "/health/ready").statusCode()).isEqualTo(200);
        assertThat(get(base + "/api/metadata").statusCode()).isEqualTo(200);
    }

    /**
     * The SIGTERM path: readiness fails first, the listener then closes (new connections are refused), and a light
     * request that was in flight is still answered.
     */
    @Test
    void aStopLetsTheLightRequestInFlightFinishAndTakesNoNewOnes() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        var logged = new ByteArrayOutputStream();
        WebServer server = new WebServer(() -> RustEngineer.shared(), SMALL, new ServeOptions(Duration.ofSeconds(20),
                Duration.ofMillis(500), new ServeLog.Json(new PrintStream(logged, true, StandardCharsets.UTF_8))))
                .withRoutes(routes -> routes.get("/test/slow", ctx -> {
                    entered.countDown();
                    release.await(60, TimeUnit.SECONDS);
                    ctx.result("finished");
                }));
        Javalin app = server.start("127.0.0.1", 0);
        String base = "http://127.0.0.1:" + app.port();
        var slow = HTTP.sendAsync(HttpRequest.newBuilder(URI.create(base + "/test/slow")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();

        var stopping = CompletableFuture.runAsync(server::stop);
        // stop() runs on another thread: readiness turns at its first step, not before this thread asks.
        await(() -> status(base + "/health/ready") == 503, "readiness failed on stop");
        var ready = get(base + "/health/ready");
        assertThat(WebApiTest.assertProblem(ready, 503, "/health/ready").get("detail").asText()).contains("shutting down");
        // Heavy work is refused from the first moment; light requests are still answered during the delay.
        assertThat(get(base + "/health/live").statusCode()).isEqualTo(200);
        await(() -> refused(base), "the listener closed");
        assertThat(slow.isDone()).isFalse();
        release.countDown();
        HttpResponse<String> answer = slow.get(30, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("finished");
        stopping.get(30, TimeUnit.SECONDS);

        List<JsonNode> lines = jsonLines(logged);
        assertThat(lines).extracting(l -> l.get("message").asText())
                .anySatisfy(m -> assertThat(m).startsWith("shutting down"))
                .anySatisfy(m -> assertThat(m).isEqualTo("stopped"));
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.path("route").asText()).isEqualTo("/test/slow");
            assertThat(l.path("status").asInt()).isEqualTo(200);
        });
    }

    /** The status of a GET, or -1 when it could not be sent. */
    private static int status(String url) {
        try {
            return get(url).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    /** A new connection is refused (the listener is closed). */
    private static boolean refused(String base) {
        try (HttpClient fresh = HttpClient.newHttpClient()) {
            fresh.send(HttpRequest.newBuilder(URI.create(base + "/health/live")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void requestIdsAreTakenWhenSafeEchoedAndLoggedAsJson() throws Exception {
        var logged = new ByteArrayOutputStream();
        WebServer server = new WebServer(() -> RustEngineer.shared(), SMALL, new ServeOptions(Duration.ofSeconds(5),
                Duration.ZERO, new ServeLog.Json(new PrintStream(logged, true, StandardCharsets.UTF_8))))
                .withRoutes(routes -> routes.get("/test/boom", ctx -> {
                    throw new IllegalStateException("a bug");
                }));
        String base = start(server);

        var given = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/nothing")).header("X-Request-Id", "trace-42.a:b_c")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(given.headers().firstValue("X-Request-Id")).hasValue("trace-42.a:b_c");
        assertThat(JSON.readTree(given.body()).get("id").asText()).isEqualTo("trace-42.a:b_c");

        for (String unsafe : List.of("has space", "x".repeat(129), "quote\"", "ünï")) {
            var r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/health")).header("X-Request-Id", unsafe).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.headers().firstValue("X-Request-Id")).hasValueSatisfying(id ->
                    assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
        }
        var plain = get(base + "/health");
        String generated = plain.headers().firstValue("X-Request-Id").orElseThrow();

        var boom = get(base + "/test/boom");
        JsonNode problem = WebApiTest.assertProblem(boom, 500, "/test/boom");
        String boomId = boom.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(problem.get("id").asText()).isEqualTo(boomId);
        assertThat(problem.get("detail").asText()).contains(boomId);

        // The request log is written once the response is out: wait for the last one.
        await(() -> jsonLines(logged).stream().anyMatch(l -> l.path("request_id").asText().equals(boomId)
                && l.has("status")), "the 500's request line");
        List<JsonNode> lines = jsonLines(logged);
        for (JsonNode l : lines) {
            assertThat(Instant.parse(l.get("time").asText())).isBefore(Instant.now().plusSeconds(1));
            assertThat(l.get("level").asText()).isIn("INFO", "WARN", "ERROR");
            assertThat(l.get("message").asText()).isNotBlank();
        }
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.path("request_id").asText()).isEqualTo("trace-42.a:b_c");
            assertThat(l.path("route").asText()).isEqualTo(RequestRecord.UNMATCHED);
            assertThat(l.path("path").asText()).isEqualTo("/api/nothing");
            assertThat(l.path("status").asInt()).isEqualTo(404);
            assertThat(l.path("duration_ms").isNumber()).isTrue();
            assertThat(l.path("duration_ms").asDouble()).isNotNegative();
        });
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.path("request_id").asText()).isEqualTo(generated);
            assertThat(l.path("route").asText()).isEqualTo("/health");
            assertThat(l.path("method").asText()).isEqualTo("GET");
            assertThat(l.path("status").asInt()).isEqualTo(200);
        });
        // The failure itself, with its stack, under the id the client was given.
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.path("level").asText()).isEqualTo("ERROR");
            assertThat(l.path("request_id").asText()).isEqualTo(boomId);
            assertThat(l.path("stack").asText()).contains("IllegalStateException: a bug");
        });
    }

    private static List<JsonNode> jsonLines(ByteArrayOutputStream logged) {
        return logged.toString(StandardCharsets.UTF_8).lines().map(line -> {
            try {
                JsonNode node = JSON.readTree(line);
                assertThat(node.isObject()).as(line).isTrue();
                return node;
            } catch (Exception e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
        }).toList();
    }

    @Test
    void stderrLinesFromOtherWritersBecomeJson() {
        var out = new ByteArrayOutputStream();
        var err = new PrintStream(new StderrAsJson(new PrintStream(out, true, StandardCharsets.UTF_8)), true, StandardCharsets.UTF_8);
        err.println("[main] WARN org.eclipse.jetty.server.Server - a \"quoted\" warning");
        err.print("a line without a newline yet");
        err.println(" and its end");
        new IllegalStateException("boom").printStackTrace(err);
        List<JsonNode> lines = jsonLines(out);
        assertThat(lines.get(0).get("level").asText()).isEqualTo("WARN");
        assertThat(lines.get(0).get("logger").asText()).isEqualTo("org.eclipse.jetty.server.Server");
        assertThat(lines.get(0).get("message").asText()).isEqualTo("a \"quoted\" warning");
        assertThat(lines.get(1).get("message").asText()).isEqualTo("a line without a newline yet and its end");
        assertThat(lines.get(2).get("message").asText()).isEqualTo("java.lang.IllegalStateException: boom");
        assertThat(lines).hasSizeGreaterThan(3);
    }

    @Test
    void aServerRefusesHeavyWorkOnceStopping() throws Exception {
        WebServer server = new WebServer(RustEngineer.shared(), SMALL);
        start(server);
        server.stop();
        assertThatThrownBy(() -> server.heavyWork().run(() -> "never")).isInstanceOf(ApiError.class)
                .hasMessageContaining("shutting down");
    }
}
