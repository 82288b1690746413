package dev.rustengineer.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rustengineer.RustEngineer;
import dev.rustengineer.UsageException;
import dev.rustengineer.advise.AdviceJson;
import dev.rustengineer.knowledge.KnowledgeJson;
import io.javalin.Javalin;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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

    public WebServer(RustEngineer re, WebLimits limits) {
        this.re = re;
        this.limits = limits;
        this.openApi = resource("/web/openapi.json");
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
            routes.get("/api/metadata", ctx -> ctx.contentType("application/json").result(Metadata.briefFields().toString()));
            routes.post("/api/advise", ctx -> ctx.contentType("application/json")
                    .result(AdviceJson.render(re.advise(BriefBody.read(ctx, re)), false)));
            routes.exception(ApiError.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
            routes.exception(UsageException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
            routes.exception(ContentTooLargeResponse.class, (e, ctx) -> error(ctx, 413,
                    "the request body is larger than " + limits.maxBodyBytes() + " bytes"));
            routes.exception(Exception.class, (e, ctx) -> error(ctx, 500, "internal error: " + e));
            routes.error(404, ctx -> {
                if (ctx.result() == null || !ctx.res().getContentType().startsWith("application/json")) {
                    error(ctx, 404, "no such endpoint: " + ctx.method() + " " + ctx.path() + " (GET / lists them)");
                }
            });
            routes.error(405, ctx -> error(ctx, 405, "method " + ctx.method() + " is not allowed on " + ctx.path()));
        });
        return app.start();
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
