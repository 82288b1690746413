package dev.rustengineer.audit.notes;

import java.util.List;

/**
 * One {@code // rust-engineer: allow(rule-id, ...) reason} comment, as written. Whether it is valid (a reason, known
 * rule ids) is the gate's question, not the scanner's: a comment that does not parse still appears here, with no
 * rules, so it can be reported.
 *
 * @param line 1-based line of the comment
 * @param column 1-based column (code points) where the comment's {@code //} starts
 * @param rules the rule ids between the parentheses, as written; empty when the comment does not parse
 * @param reason the justification after the parentheses, stripped; empty when there is none
 * @param firstLine first line the suppression covers (1-based, inclusive)
 * @param lastLine last line the suppression covers (inclusive)
 */
public record Suppression(int line, int column, List<String> rules, String reason, int firstLine, int lastLine) {

    public Suppression {
        rules = List.copyOf(rules);
    }

    /** True when the comment says which rules it allows; false for a malformed directive. */
    public boolean wellFormed() {
        return !rules.isEmpty();
    }

    public boolean hasReason() {
        return !reason.isEmpty();
    }

    public boolean covers(int findingLine) {
        return findingLine >= firstLine && findingLine <= lastLine;
    }
}
