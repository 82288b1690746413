package dev.rustengineer.audit.rule;

import dev.rustengineer.audit.scope.FileContext;

/** non-utf8: the file has bytes that are not UTF-8 (decoded leniently, the rest audited). */
public record NonUtf8Rule() implements Rule {
    @Override
    public String id() {
        return "non-utf8";
    }

    @Override
    public void check(FileContext c, Report report) {
        if (!c.src().wasUtf8()) {
            report.atByte(0, "not UTF-8: decoded leniently, invalid bytes replaced");
        }
    }
}
