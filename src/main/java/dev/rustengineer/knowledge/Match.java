package dev.rustengineer.knowledge;

import java.util.List;

/** Which values of a node's field take a branch. */
public sealed interface Match {
    boolean matches(Object value);

    /** One value (a boolean or a word). */
    record Equals(Object value) implements Match {
        public boolean matches(Object v) {
            return value.equals(v);
        }
    }

    /** Any of several words. */
    record AnyOf(List<Object> values) implements Match {
        public boolean matches(Object v) {
            return values.contains(v);
        }
    }

    /** A number range, open at either end: {@code lower <= v < upper}. */
    record Range(Double lower, Double upper) implements Match {
        public boolean matches(Object v) {
            if (!(v instanceof Number n)) {
                return false;
            }
            double d = n.doubleValue();
            return (lower == null || d >= lower) && (upper == null || d < upper);
        }
    }
}
