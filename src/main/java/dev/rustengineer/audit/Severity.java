package dev.rustengineer.audit;

import dev.rustengineer.UsageException;
import java.util.Locale;

/** How much a finding matters, lowest first (the order `--fail-on` compares in). */
public enum Severity {
    INFO, LOW, MEDIUM, HIGH, CRITICAL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** SARIF's result level for this severity. */
    public String sarifLevel() {
        return switch (this) {
            case INFO -> "note";
            case LOW, MEDIUM -> "warning";
            case HIGH, CRITICAL -> "error";
        };
    }

    public static Severity parse(String s) {
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("unknown severity '" + s + "'; one of: info, low, medium, high, critical");
        }
    }
}
