package dev.rustengineer.handoff;

/**
 * A metric family the service exports.
 *
 * @param type counter, histogram or gauge
 * @param errors the label selector of failed requests, for a request counter; null otherwise
 * @param where the file and line that records it, or the crate that exports it
 */
public record MetricFamily(String name, String type, String errors, String what, String where) {}
