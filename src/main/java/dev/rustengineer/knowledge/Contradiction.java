package dev.rustengineer.knowledge;

/**
 * Two answers that cannot both hold; the message says why in the brief's own terms.
 *
 * @param impossible whether no project can have both, whatever the answers' source: `new` then refuses to
 *     generate rather than write a broken project (the others are inconsistent answers, which a flag may settle)
 */
public record Contradiction(String id, Condition when, String message, boolean impossible) {}
