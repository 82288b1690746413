package dev.rustengineer.audit.gate;

import java.util.Locale;

/** Where a finding stands once the gate has read suppressions and the baseline; the order outputs list them in. */
public enum Status {
    /** Not suppressed and not in the baseline: the findings `--fail-on` looks at. */
    NEW,
    /** Its fingerprint is in the baseline file: known and accepted, does not fail the build. */
    BASELINE,
    /** A `// rust-engineer: allow(rule) reason` comment covers it. */
    SUPPRESSED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
