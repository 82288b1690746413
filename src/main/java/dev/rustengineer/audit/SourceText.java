package dev.rustengineer.audit;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A source file's text, decoded leniently, with what is needed to turn tree-sitter's byte positions into
 * lines and code-point columns.
 *
 * @param utf8 the text as UTF-8 (what tree-sitter's byte offsets index)
 * @param wasUtf8 false when the file had bytes that are not UTF-8 (replaced)
 */
record SourceText(String text, byte[] utf8, boolean wasUtf8) {

    static SourceText decode(byte[] raw) {
        try {
            String strict = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
            return new SourceText(strict, raw, true);
        } catch (CharacterCodingException e) {
            String lenient = new String(raw, StandardCharsets.UTF_8);
            return new SourceText(lenient, lenient.getBytes(StandardCharsets.UTF_8), false);
        }
    }

    String slice(int startByte, int endByte) {
        int s = Math.max(0, Math.min(startByte, utf8.length));
        int e = Math.max(s, Math.min(endByte, utf8.length));
        return new String(utf8, s, e - s, StandardCharsets.UTF_8);
    }

    /** 1-based code-point column of a byte column within a 0-based row. */
    int column(int row, int byteColumn) {
        int lineStart = lineStartByte(row);
        String prefix = slice(lineStart, lineStart + byteColumn);
        return prefix.codePointCount(0, prefix.length()) + 1;
    }

    private int lineStartByte(int row) {
        int r = 0;
        for (int i = 0; i < utf8.length && r < row; i++) {
            if (utf8[i] == '\n') {
                r++;
                if (r == row) {
                    return i + 1;
                }
            }
        }
        return 0;
    }
}
