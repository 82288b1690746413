package dev.rustengineer.knowledge;

/** Two answers that cannot both hold; the message says why in the brief's own terms. */
public record Contradiction(String id, Condition when, String message) {}
