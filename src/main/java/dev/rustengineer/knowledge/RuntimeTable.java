package dev.rustengineer.knowledge;

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

    public record Column(String id, String label, Advisory advisory) {}

    public record Aspect(String aspect, Map<String, String> values) {}

    /**
     * @param choose the column id, or null when {@code chooseFromField} names the brief field holding it
     */
    public record Rule(String id, String question, String answer, Condition when, String choose,
            String chooseFromField, String rationale) {}
}
