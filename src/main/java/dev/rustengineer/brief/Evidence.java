package dev.rustengineer.brief;

/**
 * Where a brief field's value came from.
 *
 * @param source flag, file, text, model (a classifier learned from the brief corpus), inference or default
 * @param words the words of the brief that set it (for text and embedding), or the flag/key given
 * @param rule the id of the text rule, example set or inference that fired; null for flags and files
 */
public record Evidence(String source, String words, String rule) {
    public static Evidence flag(String flag) {
        return new Evidence("flag", flag, null);
    }

    public static Evidence file(String key) {
        return new Evidence("file", key, null);
    }

    public static Evidence text(String words, String rule) {
        return new Evidence("text", words, rule);
    }

    @Override
    public String toString() {
        return switch (source) {
            case "text" -> "\"" + words + "\" (rule " + rule + ")";
            case "embedding", "model" -> "\"" + words + "\" (" + rule + ")";
            case "inference" -> words + " (" + rule + ")";
            default -> source + " " + words;
        };
    }
}
