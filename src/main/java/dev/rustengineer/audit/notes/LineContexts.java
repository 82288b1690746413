package dev.rustengineer.audit.notes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a finding's fingerprint knows of the code around it: the text of its line and of the next non-blank line,
 * with all whitespace removed, hashed. Nothing above the line takes part, so inserting lines above a finding (or a
 * suppression comment, or re-indenting) leaves it unchanged; editing the line itself or the one after changes it.
 */
public final class LineContexts {
    private LineContexts() {}

    /** The context hash of each of {@code lines} (1-based) in {@code text}; 16 hex digits each. */
    public static Map<Integer, String> of(String text, Iterable<Integer> lines) {
        String[] rows = text.split("\r?\n", -1);
        Map<Integer, String> out = new TreeMap<>();
        MessageDigest sha = sha256();
        for (int line : lines) {
            out.computeIfAbsent(line, l -> HexFormat.of().formatHex(sha.digest(
                    (normalised(rows, l - 1) + "\n" + normalised(rows, nextNonBlank(rows, l))).getBytes(StandardCharsets.UTF_8)), 0, 8));
        }
        return out;
    }

    private static int nextNonBlank(String[] rows, int from) {
        int i = from;
        while (i < rows.length && rows[i].isBlank()) {
            i++;
        }
        return i;
    }

    private static String normalised(String[] rows, int row) {
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
