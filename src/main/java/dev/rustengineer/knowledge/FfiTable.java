package dev.rustengineer.knowledge;

import dev.rustengineer.brief.Field;
import java.util.List;
import java.util.Optional;

/** The spec's FFI vs Pure Rust table: one row per situation, keyed by the brief's {@code ffi} field. */
public record FfiTable(String id, String title, String source, Field field, String question, List<Row> rows) {

    public Optional<Row> row(String situation) {
        return rows.stream().filter(r -> r.situation().equals(situation)).findFirst();
    }

    public record Row(String situation, String label, String decision, String decisionLabel, String rationale,
            Advisory advisory) {}
}
