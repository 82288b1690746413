package dev.rustengineer.web;

/** The start of a text, so a response never echoes a whole 64 KiB brief back. */
final class Snippet {
    static final int MAX_CHARS = 200;

    private Snippet() {}

    static String of(String text) {
        if (text == null || text.codePointCount(0, text.length()) <= MAX_CHARS) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX_CHARS)) + "…";
    }
}
