package dev.rustengineer.audit.notes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a finding's fingerprint knows of the code around it, and the fingerprint's hash. The context is the text of
 * the finding's line and of the next non-blank line, with all whitespace removed: nothing above the line takes part,
 * so inserting lines above a finding (or a suppression comment, or re-indenting) leaves it unchanged; editing the
 * line itself or the one after changes it.
 */
public final class LineContexts {
    private final String[] rows;
    private final MessageDigest sha = sha256();

    public LineContexts(String text) {
        this.rows = text.split("\r?\n", -1);
    }

    /** The context of a line (1-based); lines past the end have an empty one. */
    public String context(int line) {
        return normalised(line - 1) + "\n" + normalised(nextNonBlank(line));
    }

    /**
     * The fingerprint's hash for a finding of this rule in this file with this context: the first 16 bytes of
     * SHA-256(rule, file, context), in hex. Not thread-safe (one digest per instance).
     */
    public String hash(String rule, String file, String context) {
        byte[] d = sha.digest((rule + "\0" + file + "\0" + context).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(d, 0, 16);
    }

    private int nextNonBlank(int from) {
        int i = from;
        while (i < rows.length && rows[i].isBlank()) {
            i++;
        }
        return i;
    }

    private String normalised(int row) {
        return row >= 0 && row < rows.length ? rows[row].replaceAll("\\s+", "") : "";
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
