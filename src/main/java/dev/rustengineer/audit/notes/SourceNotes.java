package dev.rustengineer.audit.notes;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the gate needs from one file's text after the rules ran, read while the file's bytes are in memory and
 * cached with its findings, so that a cached run reads no source and hashes nothing: its suppression comments, and
 * the fingerprint hash ({@link LineContexts#hash}) of every rule and line that has a finding, and of
 * {@code bad-suppression} at every suppression comment (the gate may report one there).
 *
 * @param suppressions in line order
 * @param hashes "rule:line" to the fingerprint hash of a finding of that rule on that line
 */
public record SourceNotes(List<Suppression> suppressions, Map<String, String> hashes) {
    public static final SourceNotes NONE = new SourceNotes(List.of(), Map.of());
    /** The rule the gate reports unusable suppression comments under. */
    public static final String BAD_SUPPRESSION = "bad-suppression";

    /** Where a rule found something: what a fingerprint is computed for. */
    public record At(String rule, int line) {}

    public SourceNotes {
        suppressions = List.copyOf(suppressions);
        hashes = Map.copyOf(hashes);
    }

    /**
     * Reads the notes of a file from its raw bytes.
     *
     * @param file the path findings name the file by
     * @param findings the rule and line of each finding in the file
     */
    public static SourceNotes read(byte[] raw, String file, List<At> findings) {
        boolean marked = SuppressionScanner.mentionsMarker(raw);
        if (!marked && findings.isEmpty()) {
            return NONE;
        }
        String text = new String(raw, StandardCharsets.UTF_8);
        List<Suppression> suppressions = marked ? SuppressionScanner.scan(text) : List.of();
        LineContexts contexts = new LineContexts(text);
        Map<String, String> hashes = new HashMap<>();
        for (At at : findings) {
            hashes.computeIfAbsent(key(at.rule(), at.line()), k -> contexts.hash(at.rule(), file, contexts.context(at.line())));
        }
        for (Suppression s : suppressions) {
            hashes.computeIfAbsent(key(BAD_SUPPRESSION, s.line()), k -> contexts.hash(BAD_SUPPRESSION, file, contexts.context(s.line())));
        }
        return new SourceNotes(suppressions, hashes);
    }

    /** The fingerprint hash of a finding of this rule on this line, or null when none was read. */
    public String hash(String rule, int line) {
        return hashes.get(key(rule, line));
    }

    /** Whether there is anything to keep (named so that it is not taken for a property). */
    public boolean hasContent() {
        return !suppressions.isEmpty() || !hashes.isEmpty();
    }

    private static String key(String rule, int line) {
        return rule + ":" + line;
    }
}
