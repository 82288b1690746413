package dev.rustengineer.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.rustengineer.RustEngineer;
import dev.rustengineer.UsageException;
import dev.rustengineer.Version;
import dev.rustengineer.advise.AdviceJson;
import dev.rustengineer.audit.AuditOutput;
import dev.rustengineer.blueprint.Blueprint;
import dev.rustengineer.blueprint.Plan;
import dev.rustengineer.generate.ProjectWriter;
import dev.rustengineer.handoff.CheckResult;
import dev.rustengineer.handoff.HandoffException;
import dev.rustengineer.handoff.HandoffOutcome;
import dev.rustengineer.handoff.Handoffs;
import dev.rustengineer.knowledge.KnowledgeJson;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * The HTTP door: a REST API and the web page, both thin over the facade. Requests run on virtual threads; bodies
 * are capped and checked against the served OpenAPI document; every error is an RFC 9457 problem
 * ({@link ProblemResponses}). For a team's deployment it also serves its own metrics ({@code /metrics}), liveness and
 * readiness ({@code /health/live}, {@code /health/ready}), tags each request with an id, and stops gracefully.
 *
 * <p>It keeps no state between requests: the knowledge, the templates and the model are loaded once and only read,
 * archives and generated projects live in temporary directories deleted before the response, and the page keeps
 * what the user chose in its URL. Any replica answers any request.
 */
public final class WebServer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ARCHIVE_TYPES = List.of("application/zip", "application/gzip", "application/x-tar",
            "application/octet-stream");
    /** A brief to read once at start-up: the first reading loads the embedding model and the learned reader. */
    private static final String WARM_UP = "A REST API for orders with PostgreSQL, p99 under 5 ms";

    private final Supplier<RustEngineer> facade;
    private final WebLimits limits;
    private final ServeOptions options;
    private final HeavyWork heavy;
    private final HeavyWork advising;
    private final ServeMetrics metrics = new ServeMetrics();
    private final CompletableFuture<Loaded> loading = new CompletableFuture<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Readiness readiness;
    private Consumer<Endpoints> extraRoutes = e -> {};
    private volatile Set<String> routes = Set.of();
    private volatile Javalin app;

    /** What the handlers need once loading is done: the facade and the document requests are checked against. */
    private record Loaded(RustEngineer re, ObjectNode openApi, RequestSchemas schemas) {}

    /** A server over a facade already loaded (tests, benchmarks): {@link #start} returns once it is ready. */
    public WebServer(RustEngineer re, WebLimits limits) {
        this(() -> re, limits, ServeOptions.defaults());
    }

    /** A server that loads the facade after it starts listening, so probes see it start and then become ready. */
    public WebServer(Supplier<RustEngineer> facade, WebLimits limits, ServeOptions options) {
        this.facade = facade;
        this.limits = limits;
        this.options = options;
        this.heavy = new HeavyWork("heavy", limits.heavy());
        this.advising = new HeavyWork("advice", limits.advice());
        this.readiness = new Readiness(loading, List.of(heavy, advising), stopping::get);
        metrics.pool(heavy);
        metrics.pool(advising);
        metrics.readiness(readiness::ready);
    }

    /** Listens, loads, and returns once ready to answer; port 0 picks a free port (see {@link Javalin#port()}). */
    public Javalin start(String host, int port) {
        Javalin started = listen(host, port);
        awaitLoaded();
        return started;
    }

    /**
     * Starts listening and loading the knowledge and the model in the background. Until they are loaded, the routes
     * that need them answer 503 and {@code /health/ready} says why; {@code /health/live} and {@code /metrics} answer.
     */
    public Javalin listen(String host, int port) {
        app = Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.http.maxRequestSize = limits.maxBodyBytes();
            config.startup.showJavalinBanner = false;
            config.jetty.host = host;
            config.jetty.port = port;
            // On stop the heavy work in flight is interrupted first (see stop()), so that cargo, rustfmt and the
            // handoff checks stop with their trees and the requests are answered 503; Jetty's graceful stop then
            // closes the listener and lets the answers in flight out, up to the grace period, before it closes the
            // connections (Javalin alone stops Jetty abruptly).
            AtomicReference<Server> jetty = new AtomicReference<>();
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(options.shutdownGrace().toMillis());
                jetty.set(server);
            });
            // Javalin sets Jetty's handler after modifyServer and before this event: the graceful one goes around it.
            config.events.serverStarting(() -> jetty.get().insertHandler(new GracefulHandler()));
            config.events.serverStopping(this::stopHeavyWork);
            config.events.serverStopped(metrics::close);
            config.requestLogger.http((ctx, millis) -> {
                var r = RequestRecord.of(ctx, millis, routes);
                metrics.request(r);
                options.log().request(r);
            });
            config.staticFiles.add(s -> {
                s.hostedPath = "/static";
                s.directory = "/web";
                s.location = Location.CLASSPATH;
            });
            config.routes.before(ctx -> ctx.header(RequestIds.HEADER, RequestIds.of(ctx)));
            Endpoints endpoints = new Endpoints(config.routes)
                    .get("/", this::root)
                    .get("/health", ctx -> ctx.json(Map.of("status", "UP")))
                    .get("/health/live", ctx -> ctx.json(Map.of("status", "UP")))
                    .get("/health/ready", this::ready)
                    .get("/metrics", ctx -> ctx.contentType(ServeMetrics.CONTENT_TYPE).result(metrics.scrape()))
                    .get("/openapi.json", ctx -> ctx.contentType("application/json").result(loaded().openApi().toString()))
                    .get("/api/knowledge", ctx -> ctx.contentType("application/json").result(KnowledgeJson.render(loaded().re().knowledge())))
                    .get("/api/metadata", ctx -> ctx.contentType("application/json")
                            .result(Metadata.all(loaded().re().offers(), loaded().re().handoffs().offered()).toString()))
                    .post("/api/projects", this::project)
                    .post("/api/projects/preview", this::preview)
                    .post("/api/audit", this::audit)
                    .post("/api/handoffs", this::handoff)
                    .post("/api/upgrades", ctx -> UpgradeRoute.handle(ctx, loaded().re(), loaded().schemas(), heavy, limits, ARCHIVE_TYPES))
                    .post("/api/advise", this::advise);
            extraRoutes.accept(endpoints);
            routes = endpoints.paths();
            ProblemResponses.install(config.routes, limits, options.log());
        });
        app.start();
        options.log().event("INFO", "listening on http://" + host + ":" + app.port() + "/; loading the knowledge and the model");
        Thread.ofPlatform().name("serve-loading").daemon().start(() -> {
            try {
                loading.complete(load());
            } catch (Throwable t) {
                loading.completeExceptionally(t);
            }
        });
        return app;
    }

    /** Waits for the knowledge and the model; a knowledge that fails to load (file and line) is thrown here. */
    public void awaitLoaded() {
        try {
            loading.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
        options.log().event("INFO", "ready");
    }

    /**
     * The graceful stop (serve's SIGTERM hook): readiness fails at once and the heavy work in flight is stopped and
     * answered 503; light requests go on being answered through the shutdown delay, then the listener closes and the
     * requests in flight get up to the grace period to finish. Safe to call more than once.
     */
    public void stop() {
        if (stopping.getAndSet(true)) {
            return;
        }
        options.log().event("INFO", "shutting down: not ready; heavy work stopped; light requests finish within "
                + options.shutdownGrace().toMillis() + " ms after a delay of " + options.shutdownDelay().toMillis() + " ms");
        stopHeavyWork();
        try {
            Thread.sleep(options.shutdownDelay());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (app != null) {
            app.stop();
        }
        options.log().event("INFO", "stopped");
    }

    private void stopHeavyWork() {
        stopping.set(true);
        heavy.stop();
        advising.stop();
    }

    private Loaded load() {
        RustEngineer re = facade.get();
        re.readText(WARM_UP);
        ObjectNode openApi = OpenApiDocument.build(resource("/web/openapi.json"), re.offers(), re.handoffs().offered(),
                limits.maxBriefBytes());
        return new Loaded(re, openApi, new RequestSchemas(openApi));
    }

    private Loaded loaded() {
        Loaded l = loading.isDone() && !loading.isCompletedExceptionally() ? loading.join() : null;
        if (l == null) {
            throw new ApiError(503, "not ready: " + readiness.whyNot().orElse("starting"), List.of(), Map.of("Retry-After", "1"));
        }
        return l;
    }

    private void ready(Context ctx) {
        var why = readiness.whyNot();
        if (why.isPresent()) {
            throw new ApiError(503, "not ready: " + why.get(), List.of(), Map.of("Retry-After", "1"));
        }
        ctx.json(Map.of("status", "UP"));
    }

    /** Test seam: routes a test adds (slow light work for the graceful stop), registered with the rest. */
    WebServer withRoutes(Consumer<Endpoints> routes) {
        this.extraRoutes = routes;
        return this;
    }

    /** Test seam: the heavy pool, to fill with slow work. */
    HeavyWork heavyWork() {
        return heavy;
    }

    /**
     * The advice for a brief, on its own bounded pool: reading a 64 KiB brief costs about a second of CPU, so a
     * burst of them waits for a core instead of taking every one. The response echoes the start of the text only.
     */
    private void advise(Context ctx) throws Exception {
        Loaded l = loaded();
        RustEngineer re = l.re();
        var body = BriefBody.read(ctx, l.schemas(), "Brief", limits.maxBriefBytes());
        ObjectNode advice = advising.run(() -> {
            // Reading (the embedding, the learned reader) is the costly part, so it runs on the pool too; what it
            // refuses is the client's 400 (or 413), what advising refuses a 422.
            var brief = re.readBrief(body, "request body");
            try {
                return (ObjectNode) JSON.readTree(AdviceJson.render(re.advise(brief), false));
            } catch (UsageException e) {
                throw unprocessable(e);
            }
        });
        if (advice.path("brief").get("text") instanceof TextNode text) {
            ((ObjectNode) advice.get("brief")).put("text", Snippet.of(text.asText()));
        }
        ctx.contentType("application/json").result(advice.toString());
    }

    /** The generated project as a zip, like start.spring.io's /starter.zip. */
    private void project(Context ctx) throws Exception {
        Loaded l = loaded();
        RustEngineer re = l.re();
        var body = BriefBody.read(ctx, l.schemas(), "ProjectRequest", limits.maxBriefBytes());
        var zip = heavy.run(() -> {
            var blueprint = blueprint(re, body);
            var bytes = new ByteArrayOutputStream();
            re.writer().zip(re.generate(blueprint), bytes);
            return Map.entry(blueprint.name().name(), bytes.toByteArray());
        });
        ctx.contentType("application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + zip.getKey() + ".zip\"")
                .result(zip.getValue());
    }

    /** The generated files as JSON, for the page's preview: the blueprint's choices, notes, and every file. */
    private void preview(Context ctx) throws Exception {
        Loaded l = loaded();
        var body = BriefBody.read(ctx, l.schemas(), "ProjectRequest", limits.maxBriefBytes());
        ctx.contentType("application/json").result(heavy.run(() -> preview(l.re(), blueprint(l.re(), body))).toString());
    }

    private static ObjectNode preview(RustEngineer re, Blueprint blueprint) {
        var project = re.writer().formatted(re.generate(blueprint));
        var o = JSON.createObjectNode();
        o.put("name", blueprint.name().name());
        o.put("kind", blueprint.kind().id());
        o.put("summary", blueprint.summary());
        o.put("web", blueprint.web());
        o.put("db", blueprint.db());
        o.put("db_layer", blueprint.dbLayer());
        o.put("resource", blueprint.resource().plural());
        var notes = o.putArray("notes");
        blueprint.notes().forEach(notes::add);
        var files = o.putObject("files");
        project.files().forEach(files::put);
        return o;
    }

    /**
     * A zip or tarball of Rust sources in (recognised by its first bytes, so application/octet-stream is as good as
     * the archive's own type); findings out as JSON (default) or SARIF (?format=sarif). The sources are unpacked
     * into a temporary directory that no response names.
     */
    private void audit(Context ctx) throws Exception {
        Loaded l = loaded();
        RustEngineer re = l.re();
        String type = BriefBody.mediaType(ctx);
        if (!ARCHIVE_TYPES.contains(type)) {
            throw new ApiError(415, (type.isEmpty() ? "the request has no Content-Type" : "the body is " + type)
                    + "; send an archive as " + String.join(", ", ARCHIVE_TYPES),
                    List.of(new FieldProblem("Content-Type", "one of " + ARCHIVE_TYPES)));
        }
        var query = l.schemas().query("/api/audit", "post", ctx.queryParamMap());
        String format = query.path("format").asText("json");
        int limit = query.path("limit").asInt(500);
        boolean lines = query.path("lines").asBoolean(false);
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            throw new ApiError(400, "send a zip or a .tar.gz of Rust sources as the body", List.of(new FieldProblem("body", "an archive")));
        }
        String result = heavy.run(() -> {
            Path dir = Files.createTempDirectory("rust-engineer-audit-");
            try {
                new ArchiveUnpacker(limits.maxArchiveEntries(), limits.maxUnpackedBytes()).unpack(body, dir);
                var report = re.audit(dir, false);
                if (format.equals("sarif")) {
                    var sarif = AuditOutput.sarif(report, re.auditRules(), Version.current());
                    // SRCROOT's uri would be this server's temporary directory; results stay relative to it.
                    if (sarif.at("/runs/0/originalUriBaseIds/SRCROOT") instanceof ObjectNode root) {
                        root.remove("uri");
                        root.putObject("description").put("text", "the root of the uploaded archive");
                    }
                    return sarif.toString();
                }
                var json = AuditOutput.json(report, limit);
                // The root is this server's temporary directory: the client knows its archive by another name.
                json.put("root", ".");
                if (lines) {
                    CodeLines.attach(json, dir);
                }
                return json.toString();
            } finally {
                ProjectWriter.deleteTree(dir);
            }
        });
        ctx.contentType(format.equals("sarif") ? "application/sarif+json" : "application/json").result(result);
    }

    /**
     * A handoff package for the project a request would generate, as a zip: the project is generated into a
     * scratch directory, the package made from it (checked with the specialist's tools when {@code check=true})
     * and both are deleted after the response.
     */
    private void handoff(Context ctx) throws Exception {
        Loaded l = loaded();
        RustEngineer re = l.re();
        var query = l.schemas().query("/api/handoffs", "post", ctx.queryParamMap());
        String to = query.get("to").asText();
        boolean check = query.path("check").asBoolean(false);
        var body = BriefBody.read(ctx, l.schemas(), "ProjectRequest", limits.maxBriefBytes());
        var made = heavy.run(() -> {
            var blueprint = blueprint(re, body);
            String name = blueprint.name().name();
            Path dir = Files.createTempDirectory("rust-engineer-handoff-");
            try {
                re.writer().toDirectory(re.generate(blueprint), dir.resolve(name), false);
                Path out = dir.resolve("package");
                var outcome = re.handoff(new Handoffs.Request(dir.resolve(name), to, out, false, null, check));
                if (outcome instanceof HandoffOutcome.Lacking lacking) {
                    throw new ApiError(422, "the project lacks what a handoff to " + to + " needs: " + String.join("; ", lacking.missing()));
                }
                var written = (HandoffOutcome.Written) outcome;
                if (!written.checksPassed()) {
                    throw new ApiError(422, "the package failed its checks: " + String.join("; ", written.checks().stream()
                            .filter(c -> c.status() != CheckResult.Status.PASSED)
                            .map(c -> c.check().name() + " (" + c.check().script() + "): " + c.output().strip()).toList()));
                }
                var bytes = new ByteArrayOutputStream();
                ProjectWriter.zipTree(out, name + "-" + to + "/", bytes);
                return new Package(name + "-" + to, bytes.toByteArray(),
                        check ? written.checks().size() + " passed" : "not run (send check=true)");
            } catch (HandoffException e) {
                throw new ApiError(422, e.getMessage());
            } finally {
                ProjectWriter.deleteTree(dir);
            }
        });
        ctx.contentType("application/zip").header("X-Handoff-Checks", made.checks())
                .header("Content-Disposition", "attachment; filename=\"" + made.name() + ".zip\"").result(made.zip());
    }

    /** A handoff package as answered: its file name, the zip, and what the X-Handoff-Checks header says. */
    private record Package(String name, byte[] zip, String checks) {}

    /**
     * The blueprint a request asks for, worked out on the heavy pool (it reads the brief and advises). The body has
     * passed the schema, so what the planner still refuses (a combination no template set offers, a resource that
     * clashes, a task that belongs elsewhere) is a 422.
     */
    private static Blueprint blueprint(RustEngineer re, ObjectNode body) {
        ProjectRequest request = ProjectRequest.read(body, re);
        Plan plan;
        try {
            plan = re.plan(request.brief(), request.options());
        } catch (UsageException e) {
            throw unprocessable(e);
        }
        if (plan instanceof Plan.RoutedAway away) {
            throw new ApiError(422, "this task goes to " + away.advice().route() + " ("
                    + String.join(", ", away.advice().languages()) + "), not rust-engineer; send force_rust=true to generate anyway");
        }
        return ((Plan.Generate) plan).blueprint();
    }

    private void root(Context ctx) {
        String accept = ctx.header("Accept");
        if (accept != null && accept.contains("text/html")) {
            ctx.html(resource("/web/index.html"));
        } else {
            ctx.contentType("text/plain; charset=utf-8").result(HelpText.render(ctx.scheme() + "://" + ctx.host()));
        }
    }

    private static ApiError unprocessable(UsageException e) {
        return new ApiError(422, e.getMessage());
    }

    private static String resource(String path) {
        try (InputStream in = WebServer.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }
}
