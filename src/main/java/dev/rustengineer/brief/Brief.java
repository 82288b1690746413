package dev.rustengineer.brief;

import dev.rustengineer.UsageException;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A normalised brief: the answers known so far, each with the evidence that set it. A field that is absent is
 * unknown; the engine takes the framework's default for it and reports a question.
 *
 * @param text the free text the brief came from, or null for a purely structured brief
 * @param values typed values: Boolean, Integer, String or a sorted List of String
 * @param evidence for every value, what set it
 */
public record Brief(String text, Map<Field, Object> values, Map<Field, Evidence> evidence) {

    public Brief {
        values = Collections.unmodifiableMap(new EnumMap<>(values.isEmpty() ? new EnumMap<>(Field.class) : values));
        evidence = Collections.unmodifiableMap(
                new EnumMap<>(evidence.isEmpty() ? new EnumMap<>(Field.class) : evidence));
    }

    public static Brief empty() {
        return new Brief(null, Map.of(), Map.of());
    }

    public boolean has(Field field) {
        return values.containsKey(field);
    }

    public Object get(Field field) {
        return values.get(field);
    }

    public Optional<Boolean> bool(Field field) {
        return Optional.ofNullable((Boolean) values.get(field));
    }

    public Optional<Integer> integer(Field field) {
        return Optional.ofNullable((Integer) values.get(field));
    }

    public Optional<String> string(Field field) {
        return Optional.ofNullable((String) values.get(field));
    }

    @SuppressWarnings("unchecked")
    public List<String> list(Field field) {
        Object v = values.get(field);
        return v == null ? List.of() : (List<String>) v;
    }

    public boolean isEmpty() {
        return values.isEmpty() && (text == null || text.isBlank());
    }

    /** The values as a plain map keyed by field key, in schema order (used for facts and JSON). */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        values.forEach((f, v) -> m.put(f.key(), v));
        return m;
    }

    /** This brief with {@code other}'s values laid over it (flags over a file, a file over text). */
    public Brief overlay(Brief other) {
        Map<Field, Object> v = new EnumMap<>(Field.class);
        v.putAll(values);
        v.putAll(other.values);
        Map<Field, Evidence> e = new EnumMap<>(Field.class);
        e.putAll(evidence);
        e.putAll(other.evidence);
        String t = other.text != null ? other.text : text;
        return new Brief(t, v, e);
    }

    /** This brief with {@code other}'s values added only where this one has none. */
    public Brief overlayMissing(Brief other) {
        Brief.Builder b = toBuilder();
        other.values.forEach((f, v) -> {
            if (!b.has(f)) {
                b.set(f, v, other.evidence.get(f));
            }
        });
        return b.build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.text = text;
        b.values.putAll(values);
        b.evidence.putAll(evidence);
        return b;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects values, checking each against its field's type; a bad value is a {@link UsageException}. */
    public static final class Builder {
        private String text;
        private final Map<Field, Object> values = new EnumMap<>(Field.class);
        private final Map<Field, Evidence> evidence = new EnumMap<>(Field.class);

        public Builder text(String text) {
            this.text = text;
            return this;
        }

        public boolean has(Field field) {
            return values.containsKey(field);
        }

        public Object get(Field field) {
            return values.get(field);
        }

        /** Why a field has its value, or null when it has none. */
        public Evidence evidence(Field field) {
            return evidence.get(field);
        }

        /** Sets a value after checking it; {@code raw} may be a Boolean, Number, String or Collection. */
        public Builder set(Field field, Object raw, Evidence why) {
            values.put(field, coerce(field, raw));
            evidence.put(field, why);
            return this;
        }

        /** Forgets a field's value and its evidence (a learned judgement replacing a keyword's). */
        public Builder remove(Field field) {
            values.remove(field);
            evidence.remove(field);
            return this;
        }

        /** Takes one value out of a set field, dropping the field when it becomes empty. */
        public Builder removeFrom(Field field, String value) {
            List<String> now = listOf(values.get(field));
            if (now.contains(value)) {
                List<String> rest = now.stream().filter(v -> !v.equals(value)).toList();
                if (rest.isEmpty()) {
                    remove(field);
                } else {
                    values.put(field, rest);
                }
            }
            return this;
        }

        /** Adds one value to a set field. */
        public Builder add(Field field, String value, Evidence why) {
            TreeSet<String> merged = new TreeSet<>(listOf(values.get(field)));
            merged.addAll(listOf(coerce(field, List.of(value))));
            values.put(field, List.copyOf(merged));
            evidence.merge(field, why, (a, b) -> a.source().equals(b.source()) && "text".equals(a.source())
                    ? new Evidence(a.source(), a.words() + "; " + b.words(), a.rule() + "," + b.rule())
                    : b);
            return this;
        }

        public Brief build() {
            return new Brief(text, values, evidence);
        }

        @SuppressWarnings("unchecked")
        private static List<String> listOf(Object v) {
            return v == null ? List.of() : (List<String>) v;
        }
    }

    /** Reads a raw value (from YAML/JSON, a flag or a rule) into the field's type, or says what is wrong. */
    public static Object coerce(Field field, Object raw) {
        if (raw == null) {
            throw new UsageException("'" + field.key() + "' has no value; " + hint(field));
        }
        return switch (field.type()) {
            case FieldType.Bool b -> toBool(field, raw);
            case FieldType.Int i -> toInt(field, raw, i.min());
            case FieldType.Text t -> raw.toString();
            case FieldType.OneOf o -> oneOf(field, raw.toString(), o.values());
            case FieldType.SetOf s -> {
                Collection<?> items = raw instanceof Collection<?> c ? c : List.of(raw.toString().split("\\s*,\\s*"));
                TreeSet<String> out = new TreeSet<>();
                for (Object item : items) {
                    if (item == null || item.toString().isBlank()) {
                        continue;
                    }
                    out.add(oneOf(field, item.toString(), s.values()));
                }
                yield List.copyOf(out);
            }
        };
    }

    private static Boolean toBool(Field field, Object raw) {
        if (raw instanceof Boolean b) {
            return b;
        }
        return switch (raw.toString().strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1" -> true;
            case "false", "no", "n", "0" -> false;
            default -> throw new UsageException(
                    "'" + field.key() + "' must be true or false, not '" + raw + "'");
        };
    }

    private static Integer toInt(Field field, Object raw, int min) {
        int value;
        if (raw instanceof Number n) {
            if (n.doubleValue() != Math.rint(n.doubleValue())) {
                value = (int) Math.ceil(n.doubleValue());
            } else {
                value = n.intValue();
            }
        } else {
            try {
                value = Integer.parseInt(raw.toString().strip());
            } catch (NumberFormatException e) {
                throw new UsageException("'" + field.key() + "' must be a whole number, not '" + raw + "'");
            }
        }
        if (value < min) {
            throw new UsageException("'" + field.key() + "' must be at least " + min + ", not " + value);
        }
        return value;
    }

    private static String oneOf(Field field, String raw, List<String> allowed) {
        String v = raw.strip().toLowerCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw new UsageException("unknown value '" + raw + "' for '" + field.key() + "'; " + hint(field));
        }
        return v;
    }

    private static String hint(Field field) {
        return field.type().allowed().isEmpty()
                ? field.question()
                : "expected one of: " + String.join(", ", field.type().allowed());
    }
}
