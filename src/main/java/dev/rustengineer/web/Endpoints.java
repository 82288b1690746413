package dev.rustengineer.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The API's routes with the methods each path answers, so a known path asked with another method (TRACE, DELETE,
 * a made-up one) gets 405 with {@code Allow} (RFC 9110 15.5.6) rather than the framework's 404, and OPTIONS says
 * what is allowed.
 */
final class Endpoints {
    private final RoutesConfig routes;
    private final Map<String, Set<String>> methods = new LinkedHashMap<>();

    Endpoints(RoutesConfig routes) {
        this.routes = routes;
        routes.before(this::guard);
    }

    Endpoints get(String path, Handler handler) {
        routes.get(path, handler);
        methods.computeIfAbsent(path, p -> new LinkedHashSet<>()).add("GET");
        return this;
    }

    Endpoints post(String path, Handler handler) {
        routes.post(path, handler);
        methods.computeIfAbsent(path, p -> new LinkedHashSet<>()).add("POST");
        return this;
    }

    /** The registered paths: the only values the metrics' route label takes besides the static files and UNMATCHED. */
    Set<String> paths() {
        return Set.copyOf(methods.keySet());
    }

    private void guard(Context ctx) {
        Set<String> allowed = methods.get(ctx.path());
        if (allowed == null) {
            return; // static files and unknown paths: the framework's 404 (rendered as a problem)
        }
        String method = ctx.req().getMethod();
        // HEAD is GET without the body (RFC 9110 9.3.2); the framework answers it for every GET route.
        if (allowed.contains(method) || method.equals("HEAD") && allowed.contains("GET")) {
            return;
        }
        String allow = String.join(", ", allowed);
        if (ctx.method().equals(HandlerType.OPTIONS)) {
            ctx.header("Allow", allow).status(204);
            ctx.skipRemainingHandlers();
            return;
        }
        throw new ApiError(405, "this resource answers " + allow + ", not " + method, List.of(),
                Map.of("Allow", allow));
    }
}
