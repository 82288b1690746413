package dev.rustengineer.web;

/**
 * One thing wrong with one part of a request, as a problem's {@code errors} entry.
 *
 * @param field where the problem is: a body field ({@code latency_ms}, {@code features/0}), a query parameter
 *     ({@code limit}) or {@code body} for the request as a whole
 * @param message what is wrong, in words a client can act on
 */
public record FieldProblem(String field, String message) {}
