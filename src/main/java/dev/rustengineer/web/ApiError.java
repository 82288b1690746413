package dev.rustengineer.web;

/** A rejection with its HTTP status; rendered as {@code {"status": N, "error": "..."}}. */
public final class ApiError extends RuntimeException {
    private final int status;

    public ApiError(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
