package dev.rustengineer.audit.notes;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the gate needs from one file's text after the rules ran, read while the file's bytes are in memory (and
 * cached with its findings): its suppression comments, and the context hash of every line that has a finding.
 *
 * @param suppressions in line order
 * @param contexts line (1-based) to {@link LineContexts} hash, for the lines with findings
 */
public record SourceNotes(List<Suppression> suppressions, Map<Integer, String> contexts) {
    public static final SourceNotes NONE = new SourceNotes(List.of(), Map.of());

    public SourceNotes {
        suppressions = List.copyOf(suppressions);
        contexts = Map.copyOf(contexts);
    }

    /** Reads the notes of a file from its raw bytes, given the lines its findings are on. */
    public static SourceNotes read(byte[] raw, Collection<Integer> findingLines) {
        boolean marked = SuppressionScanner.mentionsMarker(raw);
        if (!marked && findingLines.isEmpty()) {
            return NONE;
        }
        String text = new String(raw, StandardCharsets.UTF_8);
        return new SourceNotes(marked ? SuppressionScanner.scan(text) : List.of(), LineContexts.of(text, findingLines));
    }

    /** Whether there is anything to keep (named so that Jackson does not take it for a property). */
    public boolean hasContent() {
        return !suppressions.isEmpty() || !contexts.isEmpty();
    }

    public String context(int line) {
        return contexts.getOrDefault(line, "");
    }
}
