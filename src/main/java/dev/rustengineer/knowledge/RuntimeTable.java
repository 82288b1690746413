package dev.rustengineer.knowledge;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The spec's async runtime comparison, plus the rules (first match wins) that pick a column for a brief. */
public record RuntimeTable(
        String id,
        String title,
        String source,
        String recommendation,
        List<Column> columns,
        List<Aspect> aspects,
        List<Rule> rules) {

    public Column column(String id) {
        return columns.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    /** The row (aspect) ids, in the table's order. */
    public List<String> aspectIds() {
        return aspects.stream().map(Aspect::id).toList();
    }

    /** The column ids, in the table's order. */
    public List<String> columnIds() {
        return columns.stream().map(Column::id).toList();
    }

    /** The same table with each aspect's {@code measured} filled from this table's cells in {@code m}. */
    public RuntimeTable withMeasured(Measurements m) {
        List<Aspect> measured = aspects.stream().map(a -> {
            Map<String, Measurements.Measured> byColumn = new LinkedHashMap<>();
            columns.forEach(c -> m.cell(id, a.id(), c.id()).ifPresent(v -> byColumn.put(c.id(), v)));
            return new Aspect(a.id(), a.aspect(), a.values(), byColumn);
        }).toList();
        return new RuntimeTable(id, title, source, recommendation, columns, measured, rules);
    }

    public record Column(String id, String label, Advisory advisory) {}

    /**
     * One row of the comparison.
     *
     * @param id the row's id (measurements.yaml keys its cells by it)
     * @param values the spec's value per column id
     * @param measured what was measured, per column id (only the columns measured), beside the spec's value
     */
    public record Aspect(String id, String aspect, Map<String, String> values, Map<String, Measurements.Measured> measured) {
        public Aspect {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
            measured = Collections.unmodifiableMap(new LinkedHashMap<>(measured));
        }
    }

    /**
     * @param choose the column id, or null when {@code chooseFromField} names the brief field holding it
     */
    public record Rule(String id, String question, String answer, Condition when, String choose,
            String chooseFromField, String rationale) {}
}
