package dev.rustengineer.knowledge;

import java.util.Map;
import java.util.Set;

/**
 * What conditions read: the brief's fields by key, plus the decisions taken so far ({@link #DERIVED}).
 *
 * @param values Boolean, Integer, String or List of String by key; an absent key is unknown
 */
public record Facts(Map<String, Object> values) {
    /** Decision results that conditions may read beside the brief's own fields. */
    public static final Set<String> DERIVED = Set.of("web", "target");

    public Object get(String key) {
        return values.get(key);
    }
}
