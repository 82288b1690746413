package dev.rustengineer.knowledge;

import dev.rustengineer.brief.Field;
import java.util.List;
import java.util.Map;

/** Example sentences per category for the embedding judgement of a brief's kind. */
public record EmbeddingExamples(String model, double minSimilarity, double minMargin, List<Category> categories) {

    public record Category(String id, Map<Field, Object> set, List<String> examples) {}
}
