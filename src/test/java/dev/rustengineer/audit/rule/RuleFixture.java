package dev.rustengineer.audit.rule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rustengineer.audit.AuditRules;
import dev.rustengineer.audit.Auditor;
import dev.rustengineer.audit.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A small crate written to a temporary directory and audited: a test marks each line where the rule under test
 * must report with `// fires` and compares the rule's findings with those lines, so every fixture says in its own
 * source what fires and what stays silent.
 */
final class RuleFixture {
    private final Path dir;
    private final Map<String, String> files = new LinkedHashMap<>();
    private AuditRules rules = AuditRules.bundled();

    RuleFixture(Path dir) {
        this.dir = dir;
    }

    RuleFixture file(String relPath, String text) {
        files.put(relPath, text);
        return this;
    }

    RuleFixture without(String... ruleIds) {
        rules = rules.withDisabled(List.of(ruleIds));
        return this;
    }

    List<Finding> findings(String rule) {
        try {
            for (var e : files.entrySet()) {
                Path p = dir.resolve(e.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Auditor(rules).audit(dir).findings().stream().filter(f -> f.rule().equals(rule)).toList();
    }

    /** The rule's findings as file:line. */
    Set<String> firing(String rule) {
        Set<String> out = new TreeSet<>();
        findings(rule).forEach(f -> out.add(f.file() + ":" + f.line()));
        return out;
    }

    /** The lines marked `// fires`, as file:line. */
    Set<String> marked() {
        Set<String> out = new TreeSet<>();
        files.forEach((path, text) -> {
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].contains("// fires")) {
                    out.add(path + ":" + (i + 1));
                }
            }
        });
        return out;
    }

    /** The rule reports exactly the marked lines. */
    void firesOnMarkedLines(String rule) {
        assertThat(firing(rule)).as("%s findings against the `// fires` marks", rule).isEqualTo(marked());
    }
}
