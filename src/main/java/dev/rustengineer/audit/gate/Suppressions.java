package dev.rustengineer.audit.gate;

import dev.rustengineer.audit.AuditRules;
import dev.rustengineer.audit.Finding;
import dev.rustengineer.audit.notes.SourceNotes;
import dev.rustengineer.audit.notes.Suppression;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides which findings a suppression comment covers, and reports the comments that cannot count: a malformed
 * directive, one without a reason (it is then not applied, so the finding it meant to hide stays visible), and rule
 * ids that are not in the catalogue. Those reports are findings of the {@code bad-suppression} rule, which no comment
 * can suppress.
 */
public final class Suppressions {
    public static final String RULE = SourceNotes.BAD_SUPPRESSION;
    private final AuditRules rules;

    public Suppressions(AuditRules rules) {
        this.rules = rules;
    }

    /** The bad-suppression findings of every file, in file and line order. */
    public List<Finding> problems(Map<String, SourceNotes> notes) {
        List<Finding> out = new ArrayList<>();
        notes.forEach((file, n) -> {
            for (Suppression s : n.suppressions()) {
                if (!s.wellFormed()) {
                    out.add(rules.finding(RULE, file, s.line(), s.column(),
                            "malformed suppression: write `// rust-engineer: allow(rule-id) reason`"));
                    continue;
                }
                if (!s.hasReason()) {
                    out.add(rules.finding(RULE, file, s.line(), s.column(), "suppression of " + String.join(", ", s.rules())
                            + " has no reason: say why after the parentheses (it is not applied until then)"));
                }
                for (String id : s.rules()) {
                    if (!rules.all().containsKey(id)) {
                        out.add(rules.finding(RULE, file, s.line(), s.column(), "`" + id + "` is not an audit rule id (docs/audit.md lists them)"));
                    }
                }
            }
        });
        return out;
    }

    /** The comment that suppresses this finding, or null: well formed, with a reason, naming its rule, covering its line. */
    public Suppression covering(Finding f, Map<String, SourceNotes> notes) {
        if (f.rule().equals(RULE)) {
            return null;
        }
        SourceNotes n = notes.get(f.file());
        if (n == null) {
            return null;
        }
        for (Suppression s : n.suppressions()) {
            if (s.hasReason() && s.rules().contains(f.rule()) && s.covers(f.line())) {
                return s;
            }
        }
        return null;
    }
}
