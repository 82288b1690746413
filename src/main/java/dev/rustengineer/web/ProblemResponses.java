package dev.rustengineer.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rustengineer.UsageException;
import dev.rustengineer.brief.BriefTooLargeException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.List;

/**
 * Turns every failure into one RFC 9457 problem: our own rejections, the brief reader's usage errors, the
 * framework's own responses (404, a body over the size limit, a form it cannot parse) and, last, anything
 * unexpected, which is a 500 logged under the request's id. Every problem carries that id ({@link RequestIds}).
 */
final class ProblemResponses {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SENT = "rust-engineer.problem";

    private ProblemResponses() {}

    static void install(RoutesConfig routes, WebLimits limits, ServeLog log) {
        routes.exception(ApiError.class, (e, ctx) -> {
            e.headers().forEach(ctx::header);
            send(ctx, e.status(), e.getMessage(), e.errors());
        });
        // Usage errors that reach this far come from reading the brief: a field the schema cannot see wrong.
        routes.exception(UsageException.class, (e, ctx) -> send(ctx, e instanceof BriefTooLargeException ? 413 : 400,
                e.getMessage(), List.of()));
        routes.exception(HttpResponseException.class, (e, ctx) -> send(ctx, e.getStatus(), frameworkDetail(e, limits),
                List.of()));
        routes.exception(Exception.class, (e, ctx) -> {
            String id = RequestIds.of(ctx);
            log.failure(id, ctx.req().getMethod(), ctx.path(), e);
            send(ctx, 500, "an internal error; it is logged under id " + id, List.of());
        });
        // Statuses the framework sets without an exception (no route matched); ours are already problems.
        for (int status : new int[] {404, 405}) {
            routes.error(status, ctx -> {
                if (ctx.attribute(SENT) == null) {
                    send(ctx, status, status == 404 ? "no such endpoint: " + ctx.method() + " " + ctx.path()
                            + " (GET / lists them)" : "method " + ctx.method() + " is not allowed on " + ctx.path(),
                            List.of());
                }
            });
        }
    }

    static void send(Context ctx, int status, String detail, List<FieldProblem> errors) {
        ctx.attribute(SENT, true);
        // A handler may have set its own type (application/json, whose charset Jetty remembers) before it failed.
        ctx.res().setCharacterEncoding(null);
        String id = RequestIds.of(ctx);
        ctx.header(RequestIds.HEADER, id);
        var problem = new Problem("about:blank", HttpStatus.forStatus(status).getMessage(), status, detail, ctx.path(),
                errors, id);
        try {
            // Bytes, not a String: the framework encodes a String as Latin-1 for media types it does not know as
            // text, and a detail may quote a field name in any script. JSON is UTF-8 (RFC 8259 8.1).
            ctx.status(status).contentType(Problem.MEDIA_TYPE).result(JSON.writeValueAsBytes(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem record always serialises", e);
        }
    }

    private static String frameworkDetail(HttpResponseException e, WebLimits limits) {
        return switch (e.getStatus()) {
            case 413 -> "the request body is larger than " + limits.maxBodyBytes() + " bytes";
            case 404 -> "no such endpoint: " + e.getMessage().replaceFirst("^Endpoint ", "").replaceFirst(" not found$", "")
                    + " (GET / lists them)";
            default -> e.getMessage() == null || e.getMessage().isBlank() ? HttpStatus.forStatus(e.getStatus()).getMessage()
                    : e.getMessage();
        };
    }
}
