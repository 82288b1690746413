package dev.rustengineer.audit;

import dev.rustengineer.audit.notes.SourceNotes;
import java.util.Map;

/**
 * An audit's report with what the gate reads from the project's own files.
 *
 * @param notes per file (relative path) with suppression comments or findings; files with neither are absent
 * @param cachedFiles how many files' results came from the cache (0 without one)
 */
public record AuditRun(AuditReport report, Map<String, SourceNotes> notes, int cachedFiles) {
    public AuditRun {
        notes = Map.copyOf(notes);
    }
}
