package dev.rustengineer.knowledge;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** A test on the facts of a brief, as written in the knowledge files. */
public sealed interface Condition {
    boolean test(Facts facts);

    /** Readable form for `knowledge` and evidence, e.g. {@code services > 10 and not inter_service = false}. */
    String describe();

    /** The fields this condition reads (for evidence). */
    default List<String> fields() {
        return switch (this) {
            case All a -> a.parts().stream().flatMap(c -> c.fields().stream()).distinct().toList();
            case Any a -> a.parts().stream().flatMap(c -> c.fields().stream()).distinct().toList();
            case Not n -> n.part().fields();
            case Always a -> List.of();
            case Compare c -> List.of(c.field());
        };
    }

    record All(List<Condition> parts) implements Condition {
        public boolean test(Facts f) {
            return parts.stream().allMatch(c -> c.test(f));
        }

        public String describe() {
            return parts.stream().map(Condition::describe).collect(Collectors.joining(" and ", "(", ")"));
        }
    }

    record Any(List<Condition> parts) implements Condition {
        public boolean test(Facts f) {
            return parts.stream().anyMatch(c -> c.test(f));
        }

        public String describe() {
            return parts.stream().map(Condition::describe).collect(Collectors.joining(" or ", "(", ")"));
        }
    }

    record Not(Condition part) implements Condition {
        public boolean test(Facts f) {
            return !part.test(f);
        }

        public String describe() {
            return "not " + part.describe();
        }
    }

    record Always() implements Condition {
        public boolean test(Facts f) {
            return true;
        }

        public String describe() {
            return "always";
        }
    }

    enum Op {
        IS("="), IN("in"), SET("is set"), CONTAINS("contains"), LT("<"), LTE("<="), GT(">"), GTE(">=");

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }
    }

    /** One field compared with a value. An unknown field fails every test except {@code set: false}. */
    record Compare(String field, Op op, Object value) implements Condition {
        public boolean test(Facts f) {
            Object actual = f.get(field);
            if (op == Op.SET) {
                return (actual != null) == (Boolean) value;
            }
            if (actual == null) {
                return false;
            }
            return switch (op) {
                case IS -> actual.equals(value);
                case IN -> ((Collection<?>) value).contains(actual);
                case CONTAINS -> actual instanceof Collection<?> c && c.contains(value);
                case LT -> number(actual) < number(value);
                case LTE -> number(actual) <= number(value);
                case GT -> number(actual) > number(value);
                case GTE -> number(actual) >= number(value);
                case SET -> throw new IllegalStateException("handled above");
            };
        }

        private static double number(Object o) {
            return ((Number) o).doubleValue();
        }

        public String describe() {
            if (op == Op.SET) {
                return field + ((Boolean) value ? " is set" : " is not set");
            }
            return field + " " + op.symbol + " " + value;
        }
    }
}
