package dev.rustengineer.audit;

/**
 * One thing the audit found, located. Part of the JSON and SARIF contract.
 *
 * @param file relative to the audited root, '/'-separated
 * @param line 1-based
 * @param column 1-based, in Unicode code points
 * @param escalation the spec's trigger id this finding escalates to oracle, or null
 * @param handoff the specialist this finding goes to, or null
 */
public record Finding(String rule, Severity severity, String file, int line, int column, String message, String escalation,
        String handoff) implements Comparable<Finding> {

    @Override
    public int compareTo(Finding o) {
        int c = file.compareTo(o.file);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(line, o.line);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(column, o.column);
        return c != 0 ? c : rule.compareTo(o.rule);
    }
}
