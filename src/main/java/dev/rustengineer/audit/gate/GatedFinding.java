package dev.rustengineer.audit.gate;

import dev.rustengineer.audit.Finding;
import dev.rustengineer.audit.notes.Suppression;

/**
 * A finding with what the gate decided about it.
 *
 * @param fingerprint stable across commits that do not touch its line ({@link Fingerprints})
 * @param suppression the comment that suppresses it, or null
 */
public record GatedFinding(Finding finding, String fingerprint, Status status, Suppression suppression) {}
