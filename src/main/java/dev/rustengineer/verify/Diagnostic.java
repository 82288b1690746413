package dev.rustengineer.verify;

/**
 * One compiler, clippy, rustfmt or test message, located.
 *
 * @param level error, warning, note, help (as rustc says), or "failed" for a failing test
 * @param code the lint or error code (E0308, clippy::unwrap_used, fmt, test) or null
 */
public record Diagnostic(String file, int line, int column, String level, String code, String message) {}
