package dev.rustengineer.knowledge;

/**
 * Where the ecosystem has moved past the spec: shown beside the spec's own answer, never instead of it.
 *
 * @param replacement what replaces the spec's pick, or null when nothing does
 */
public record Advisory(String text, String reference, String date, String replacement) {}
