package dev.rustengineer.brief;

import java.util.List;

/** The shape of a brief field's value: a closed set of kinds, each able to read and check a raw value. */
public sealed interface FieldType {
    /** A yes/no answer. */
    record Bool() implements FieldType {}

    /** A whole number at or above {@code min}. */
    record Int(int min) implements FieldType {}

    /** One value of a closed list. */
    record OneOf(List<String> values) implements FieldType {}

    /** Any subset of a closed list. */
    record SetOf(List<String> values) implements FieldType {}

    /** Free text. */
    record Text() implements FieldType {}

    /** The allowed values, for messages and schemas; empty when the type has no closed list. */
    default List<String> allowed() {
        return switch (this) {
            case OneOf o -> o.values();
            case SetOf s -> s.values();
            default -> List.of();
        };
    }
}
