package dev.rustengineer.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rustengineer.RustEngineer;
import dev.rustengineer.UsageException;
import dev.rustengineer.advise.AdviceJson;
import dev.rustengineer.audit.AuditOutput;
import dev.rustengineer.blueprint.Blueprint;
import dev.rustengineer.blueprint.Plan;
import dev.rustengineer.brief.BriefTooLargeException;
import dev.rustengineer.generate.ProjectWriter;
import dev.rustengineer.handoff.CheckResult;
import dev.rustengineer.handoff.HandoffException;
import dev.rustengineer.handoff.HandoffOutcome;
import dev.rustengineer.handoff.Handoffs;
import dev.rustengineer.knowledge.KnowledgeJson;
import io.javalin.Javalin;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The HTTP door: a REST API and the web page, both thin over the facade. Requests run on virtual threads;
 * bodies are capped; every rejection is a JSON error with a 4xx status.
 */
public final class WebServer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RustEngineer re;
    private final WebLimits limits;
    private final String openApi;
    private final HeavyWork heavy;

    public WebServer(RustEngineer re, WebLimits limits) {
        this.re = re;
        this.limits = limits;
        this.openApi = Metadata.withOffers(resource("/web/openapi.json"), re.offers());
        this.heavy = new HeavyWork(limits.heavyWorkers(), limits.requestTimeout());
    }

    /** Builds and starts the server; port 0 picks a free port (see {@link Javalin#port()}). */
    public Javalin start(String host, int port) {
        Javalin app = Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.http.maxRequestSize = limits.maxBodyBytes();
            config.startup.showJavalinBanner = false;
            config.jetty.host = host;
            config.jetty.port = port;
            config.staticFiles.add(s -> {
                s.hostedPath = "/static";
                s.directory = "/web";
                s.location = Location.CLASSPATH;
            });
            var routes = config.routes;
            routes.get("/", this::root);
            routes.get("/health", ctx -> ctx.json(Map.of("status", "UP")));
            routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
            routes.get("/api/knowledge", ctx -> ctx.contentType("application/json").result(KnowledgeJson.render(re.knowledge())));
            routes.get("/api/metadata", ctx -> ctx.contentType("application/json").result(Metadata.all(re.offers(), re.handoffs().offered()).toString()));
            routes.post("/api/projects", this::project);
            routes.post("/api/projects/preview", this::preview);
            routes.post("/api/audit", this::audit);
            routes.post("/api/handoffs", this::handoff);
            routes.post("/api/advise", ctx -> ctx.contentType("application/json")
                    .result(AdviceJson.render(re.advise(BriefBody.read(ctx, re)), false)));
            routes.exception(ApiError.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
            routes.exception(UsageException.class, (e, ctx) -> error(ctx, e instanceof BriefTooLargeException ? 413 : 400,
                    e.getMessage()));
            routes.exception(ContentTooLargeResponse.class, (e, ctx) -> error(ctx, 413,
                    "the request body is larger than " + limits.maxBodyBytes() + " bytes"));
            routes.exception(Exception.class, (e, ctx) -> error(ctx, 500, "internal error: " + e));
            routes.error(404, ctx -> {
                if (ctx.attribute("rust-engineer.error") == null) {
                    error(ctx, 404, "no such endpoint: " + ctx.method() + " " + ctx.path() + " (GET / lists them)");
                }
            });
            routes.error(405, ctx -> error(ctx, 405, "method " + ctx.method() + " is not allowed on " + ctx.path()));
        });
        return app.start();
    }

    /** The generated project as a zip, like start.spring.io's /starter.zip. */
    private void project(Context ctx) throws Exception {
        var blueprint = blueprint(ctx);
        byte[] zip = heavy.run(() -> {
            var bytes = new ByteArrayOutputStream();
            re.writer().zip(re.generate(blueprint), bytes);
            return bytes.toByteArray();
        });
        ctx.contentType("application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + blueprint.name().name() + ".zip\"")
                .result(zip);
    }

    /** The generated files as JSON, for the page's preview: the blueprint's choices, notes, and every file. */
    private void preview(Context ctx) throws Exception {
        var blueprint = blueprint(ctx);
        var project = heavy.run(() -> re.writer().formatted(re.generate(blueprint)));
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
        ctx.contentType("application/json").result(o.toString());
    }

    /** A zip or tarball of Rust sources in; findings out as JSON (default) or SARIF (?format=sarif). */
    private void audit(Context ctx) throws Exception {
        String format = ctx.queryParam("format") == null ? "json" : ctx.queryParam("format");
        if (!format.equals("json") && !format.equals("sarif")) {
            throw new ApiError(400, "format must be json or sarif");
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            throw new ApiError(400, "send a zip or a .tar.gz of Rust sources as the body");
        }
        int limit = ctx.queryParam("limit") == null ? 500 : Integer.parseInt(ctx.queryParam("limit"));
        String result = heavy.run(() -> {
            Path dir = Files.createTempDirectory("rust-engineer-audit-");
            try {
                new ArchiveUnpacker(limits.maxArchiveEntries(), limits.maxUnpackedBytes()).unpack(body, dir);
                var report = re.audit(dir, false);
                if (format.equals("sarif")) {
                    return AuditOutput.sarif(report, re.auditRules(), "0.1.0").toString();
                }
                var json = AuditOutput.json(report, limit);
                if ("true".equals(ctx.queryParam("lines"))) {
                    // The page shows each finding with its code line; the sources are gone after this request.
                    for (var f : json.withArray("findings")) {
                        var file = dir.resolve(f.get("file").asText());
                        if (Files.isRegularFile(file)) {
                            var lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
                            int n = f.get("line").asInt();
                            if (n >= 1 && n <= lines.size()) {
                                ((ObjectNode) f).put("code", new String(
                                        lines.get(n - 1).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
                            }
                        }
                    }
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
        String to = ctx.queryParam("to");
        if (to == null || to.isBlank()) {
            throw new ApiError(400, "name the specialist: ?to=" + String.join("|", re.handoffs().offered()));
        }
        boolean check = "true".equals(ctx.queryParam("check"));
        var blueprint = blueprint(ctx);
        String name = blueprint.name().name();
        var made = heavy.run(() -> {
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
                return Map.entry(bytes.toByteArray(),
                        check ? written.checks().size() + " passed" : "not run (send check=true)");
            } catch (HandoffException e) {
                throw new ApiError(422, e.getMessage());
            } finally {
                ProjectWriter.deleteTree(dir);
            }
        });
        ctx.contentType("application/zip").header("X-Handoff-Checks", made.getValue())
                .header("Content-Disposition", "attachment; filename=\"" + name + "-" + to + ".zip\"").result(made.getKey());
    }

    private Blueprint blueprint(Context ctx) {
        ProjectRequest request = ProjectRequest.read(BriefBody.json(ctx), re);
        var plan = re.plan(request.brief(), request.options());
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

    private static void error(Context ctx, int status, String message) {
        ctx.attribute("rust-engineer.error", true);
        var o = JSON.createObjectNode();
        o.put("status", status);
        o.put("error", message);
        ctx.status(status).contentType("application/json").result(o.toString());
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
