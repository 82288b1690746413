package dev.rustengineer.web;

import java.util.List;
import java.util.Map;

/**
 * A rejection with its HTTP status, rendered as a {@link Problem}: the message becomes its detail, the field
 * problems its errors, and the headers (Allow for a 405) go onto the response.
 */
public final class ApiError extends RuntimeException {
    private final int status;
    private final List<FieldProblem> errors;
    private final Map<String, String> headers;

    public ApiError(int status, String message) {
        this(status, message, List.of(), Map.of());
    }

    public ApiError(int status, String message, List<FieldProblem> errors) {
        this(status, message, errors, Map.of());
    }

    public ApiError(int status, String message, List<FieldProblem> errors, Map<String, String> headers) {
        super(message);
        this.status = status;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public int status() {
        return status;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
