package dev.rustengineer.web;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every request's id: the client's {@code X-Request-Id} when it is a safe token (a proxy or a caller's trace id), a
 * fresh UUID otherwise. It is echoed in the response header, carried by every problem's {@code id} and written on
 * the request's log line, so a report, a log line and a response can be matched.
 */
final class RequestIds {
    static final String HEADER = "X-Request-Id";
    /** Bounded and plain, so a client cannot put a log line's worth of text, or a line break, into our logs. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final String ATTRIBUTE = "rust-engineer.request-id";

    private RequestIds() {}

    static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        if (id == null) {
            String given = ctx.header(HEADER);
            id = given != null && SAFE.matcher(given).matches() ? given : UUID.randomUUID().toString();
            ctx.attribute(ATTRIBUTE, id);
        }
        return id;
    }
}
