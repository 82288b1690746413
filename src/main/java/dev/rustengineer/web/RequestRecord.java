package dev.rustengineer.web;

import io.javalin.http.Context;
import java.util.Set;

/**
 * One answered request as the metrics and the log see it. {@code route} is the matched route's template, never the
 * raw path, and {@code method} one of HTTP's own: a client choosing paths and methods cannot add label values.
 *
 * @param id the request id ({@link RequestIds})
 * @param method the method, or {@code OTHER} for one HTTP does not define
 * @param route a registered route, {@code /static/*} for the page's files, or {@code UNMATCHED}
 * @param path the raw path, cut to {@value #MAX_PATH} characters (for the log only)
 * @param status the response status
 * @param millis how long the request took, as the framework measured it
 */
record RequestRecord(String id, String method, String route, String path, int status, double millis) {
    static final String UNMATCHED = "UNMATCHED";
    static final String STATIC = "/static/*";
    static final int MAX_PATH = 256;
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS",
            "TRACE", "PATCH");

    static RequestRecord of(Context ctx, double millis, Set<String> routes) {
        String method = ctx.req().getMethod();
        String path = ctx.path();
        var matched = ctx.endpoints().matchedHttpEndpoint();
        String route;
        if (matched != null && routes.contains(matched.path)) {
            route = matched.path;
        } else if (routes.contains(path)) {
            route = path; // a known path asked with another method: the 405 (or OPTIONS) our guard answers
        } else if (path.startsWith("/static/")) {
            route = STATIC;
        } else {
            route = UNMATCHED;
        }
        return new RequestRecord(RequestIds.of(ctx), METHODS.contains(method) ? method : "OTHER", route,
                path.length() > MAX_PATH ? path.substring(0, MAX_PATH) : path, ctx.statusCode(), millis);
    }

    /** 2xx, 4xx...: the status' class, the label the metrics carry. */
    String statusClass() {
        return status / 100 + "xx";
    }
}
