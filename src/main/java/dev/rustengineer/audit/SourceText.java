package dev.rustengineer.audit;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A source file's text, decoded leniently, with what is needed to turn tree-sitter's byte positions into
 * lines and code-point columns. {@code utf8} is the text as UTF-8 (what tree-sitter's byte offsets index);
 * {@code wasUtf8} is false when the file had bytes that are not UTF-8 (replaced).
 */
public final class SourceText {
    private final String text;
    private final byte[] utf8;
    private final boolean wasUtf8;
    /** Byte offset where each line starts, so positions convert without rescanning the file per finding. */
    private final int[] lineStarts;

    public SourceText(String text, byte[] utf8, boolean wasUtf8) {
        this.text = text;
        this.utf8 = utf8;
        this.wasUtf8 = wasUtf8;
        int lines = 1;
        for (byte b : utf8) {
            if (b == '\n') {
                lines++;
            }
        }
        this.lineStarts = new int[lines];
        int row = 1;
        for (int i = 0; i < utf8.length; i++) {
            if (utf8[i] == '\n') {
                lineStarts[row++] = i + 1;
            }
        }
    }

    public String text() {
        return text;
    }

    public byte[] utf8() {
        return utf8;
    }

    public boolean wasUtf8() {
        return wasUtf8;
    }

    /** The 0-based row of a byte offset. */
    public int row(int byteOffset) {
        int i = Arrays.binarySearch(lineStarts, byteOffset);
        return i >= 0 ? i : -i - 2;
    }

    /** 1-based code-point column of a byte offset. */
    public int columnOf(int byteOffset) {
        int row = row(byteOffset);
        return column(row, byteOffset - lineStarts[row]);
    }

    public static SourceText decode(byte[] raw) {
        try {
            String strict = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
            return new SourceText(strict, raw, true);
        } catch (CharacterCodingException e) {
            String lenient = new String(raw, StandardCharsets.UTF_8);
            return new SourceText(lenient, lenient.getBytes(StandardCharsets.UTF_8), false);
        }
    }

    public String slice(int startByte, int endByte) {
        int s = Math.max(0, Math.min(startByte, utf8.length));
        int e = Math.max(s, Math.min(endByte, utf8.length));
        return new String(utf8, s, e - s, StandardCharsets.UTF_8);
    }

    /** 1-based code-point column of a byte column within a 0-based row. */
    public int column(int row, int byteColumn) {
        int lineStart = lineStartByte(row);
        String prefix = slice(lineStart, lineStart + byteColumn);
        return prefix.codePointCount(0, prefix.length()) + 1;
    }

    /**
     * Whether a `'` comes before the first `{` or `;` from a byte offset: an item's signature can mention a
     * lifetime. A quick test on the bytes, so items without one need no look at their syntax tree.
     */
    public boolean hasLifetimeBeforeBody(int from) {
        for (int i = Math.max(0, from); i < utf8.length; i++) {
            byte b = utf8[i];
            if (b == '\'') {
                return true;
            }
            if (b == '{' || b == ';') {
                return false;
            }
        }
        return false;
    }

    /** How many lines the text has (a last line without a newline counts). */
    public int lineCount() {
        boolean endsWithNewline = utf8.length > 0 && utf8[utf8.length - 1] == '\n';
        return endsWithNewline ? lineStarts.length - 1 : lineStarts.length;
    }

    /** The byte offset where a 0-based row starts. */
    public int lineStartByte(int row) {
        return row < lineStarts.length ? lineStarts[row] : 0;
    }
}
