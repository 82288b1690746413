package dev.rustengineer.brief;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * What the learned reader sees of a brief: its words and word pairs (a word inside a negation's scope is marked
 * "¬"), the text rules that fired or were negated, the fields those rules set, and the sentence embedding.
 */
final class BriefFeatures {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}+#]*");
    /**
     * The embedding is dense and its values small; this weight lets it compete with the sparse features (4 since the
     * tenth round, with the trainer's smaller first steps; 2 before).
     */
    static final double EMBEDDING_WEIGHT = Double.parseDouble(System.getProperty("rust-engineer.reader.embedding-weight", "4.0"));

    /**
     * The embedding dimensions' feature names, made once: a brief's 384 are then neither built nor hashed again (a
     * string keeps its hash), which was a tenth of the reading besides the embedding.
     */
    private static final String[] DIMENSIONS = IntStream.range(0, 1024).mapToObj(i -> "e:" + i).toArray(String[]::new);

    /** A text rule's verdict on this brief: it fired, or it matched only inside a negation. */
    record RuleHit(String rule, boolean negated) {}

    private BriefFeatures() {}

    static Map<String, Double> of(String text, NegationScope scope, List<RuleHit> hits, Brief ruled, float[] embedding) {
        Map<String, Double> f = new HashMap<>();
        Matcher m = WORD.matcher(text);
        String previous = null;
        while (m.find()) {
            String w = m.group().toLowerCase(Locale.ROOT);
            String token = scope.negated(m.start(), m.end()) ? "¬" + w : w;
            f.put("w:" + token, 1.0);
            if (previous != null) {
                f.put("b:" + previous + "_" + token, 1.0);
            }
            previous = token;
        }
        for (RuleHit h : hits) {
            f.put((h.negated() ? "¬r:" : "r:") + h.rule(), 1.0);
        }
        ruled.values().forEach((field, value) -> {
            if (field == Field.LATENCY_MS) {
                int ms = (Integer) value;
                f.put("f:latency" + (ms < 10 ? "<10" : ms <= 100 ? "10-100" : ">100"), 1.0);
            } else if (value instanceof List<?> list) {
                list.forEach(v -> f.put("f:" + field.key() + "=" + v, 1.0));
            } else if (!(value instanceof Integer)) {
                f.put("f:" + field.key() + "=" + value, 1.0);
            }
        });
        if (embedding != null) {
            for (int i = 0; i < embedding.length; i++) {
                f.put(i < DIMENSIONS.length ? DIMENSIONS[i] : "e:" + i, embedding[i] * EMBEDDING_WEIGHT);
            }
        }
        return f;
    }

    /** A word or word pair of the text (not a rule, a field or the embedding). */
    static boolean isWord(String feature) {
        return feature.startsWith("w:") || feature.startsWith("b:");
    }

    /** Features worth naming as evidence: words, rules and fields, not embedding dimensions. */
    static boolean nameable(String feature) {
        return !feature.startsWith("e:");
    }
}
