package dev.rustengineer.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.rustengineer.RustEngineer;
import dev.rustengineer.UsageException;
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

/**
 * The HTTP door: a REST API and the web page, both thin over the facade. Requests run on virtual threads; bodies
 * are capped and checked against the served OpenAPI document; every error is an RFC 9457 problem
 * ({@link ProblemResponses}).
 */
public final class WebServer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RustEngineer re;
    private final WebLimits limits;
    private static final List<String> ARCHIVE_TYPES = List.of("application/zip", "application/gzip", "application/x-tar",
            "application/octet-stream");

    private final ObjectNode openApi;
    private final RequestSchemas schemas;
    private final HeavyWork heavy;
    private final HeavyWork advising;

    public WebServer(RustEngineer re, WebLimits limits) {
        this.re = re;
        this.limits = limits;
        this.openApi = OpenApiDocument.build(resource("/web/openapi.json"), re.offers(), re.handoffs().offered());
        this.schemas = new RequestSchemas(openApi);
        this.heavy = new HeavyWork(limits.heavyWorkers(), limits.requestTimeout());
        this.advising = new HeavyWork(limits.adviseWorkers(), limits.adviseTimeout());
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
            new Endpoints(config.routes)
                    .get("/", this::root)
                    .get("/health", ctx -> ctx.json(Map.of("status", "UP")))
                    .get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi.toString()))
                    .get("/api/knowledge", ctx -> ctx.contentType("application/json").result(KnowledgeJson.render(re.knowledge())))
                    .get("/api/metadata", ctx -> ctx.contentType("application/json")
                            .result(Metadata.all(re.offers(), re.handoffs().offered()).toString()))
                    .post("/api/projects", this::project)
                    .post("/api/projects/preview", this::preview)
                    .post("/api/audit", this::audit)
                    .post("/api/handoffs", this::handoff)
                    .post("/api/upgrades", ctx -> UpgradeRoute.handle(ctx, re, schemas, heavy, limits, ARCHIVE_TYPES))
                    .post("/api/advise", this::advise);
            ProblemResponses.install(config.routes, limits);
        });
        return app.start();
    }

    /**
     * The advice for a brief, on its own bounded pool: reading a 64 KiB brief costs about a second of CPU, so a
     * burst of them waits for a core instead of taking every one. The response echoes the start of the text only.
     */
    private void advise(Context ctx) throws Exception {
        var body = BriefBody.read(ctx, schemas, "Brief");
        var brief = re.readBrief(body, "request body");
        ObjectNode advice = advising.run(() -> {
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

    /**
     * A zip or tarball of Rust sources in (recognised by its first bytes, so application/octet-stream is as good as
     * the archive's own type); findings out as JSON (default) or SARIF (?format=sarif). The sources are unpacked
     * into a temporary directory that no response names.
     */
    private void audit(Context ctx) throws Exception {
        String type = BriefBody.mediaType(ctx);
        if (!ARCHIVE_TYPES.contains(type)) {
            throw new ApiError(415, (type.isEmpty() ? "the request has no Content-Type" : "the body is " + type)
                    + "; send an archive as " + String.join(", ", ARCHIVE_TYPES),
                    List.of(new FieldProblem("Content-Type", "one of " + ARCHIVE_TYPES)));
        }
        var query = schemas.query("/api/audit", "post", ctx.queryParamMap());
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
                    var sarif = AuditOutput.sarif(report, re.auditRules(), "0.1.0");
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
        var query = schemas.query("/api/handoffs", "post", ctx.queryParamMap());
        String to = query.get("to").asText();
        boolean check = query.path("check").asBoolean(false);
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

    /**
     * The blueprint a request asks for. The body has passed the schema, so what the planner still refuses (a
     * combination no template set offers, a resource that clashes, a task that belongs elsewhere) is a 422.
     */
    private Blueprint blueprint(Context ctx) {
        ProjectRequest request = ProjectRequest.read(BriefBody.read(ctx, schemas, "ProjectRequest"), re);
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
