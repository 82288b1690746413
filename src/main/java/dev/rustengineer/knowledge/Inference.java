package dev.rustengineer.knowledge;

import dev.rustengineer.brief.Field;

/**
 * What one answer tells about another.
 *
 * @param add true when {@code value} is added to a set field rather than set
 */
public record Inference(String id, Field field, Object value, boolean add, Condition when, String because) {}
