package dev.rustengineer.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail, the one body every 4xx and 5xx of the API carries (as
 * {@code application/problem+json}).
 *
 * @param type a URI naming the kind of problem; {@code about:blank} when the status says it all (RFC 9457 4.2.1)
 * @param title the status' reason phrase, the same for every problem of this type
 * @param status the HTTP status, repeated so a logged body stands on its own
 * @param detail what went wrong with this request
 * @param instance the request path the problem happened on
 * @param errors the field problems, when the request broke the schema (empty otherwise, then left out)
 * @param id the request's id (its X-Request-Id): what the server logs the request under, so a report can be matched to the log
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldProblem> errors,
        String id) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
