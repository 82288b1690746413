package dev.rustengineer.audit.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rustengineer.UsageException;
import dev.rustengineer.audit.AuditRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {
    private static final AuditRules RULES = AuditRules.bundled();

    private static GatedFinding g(String rule, String file, String fp, Status status) {
        return new GatedFinding(RULES.finding(rule, file, 3, 1, "msg " + rule), fp, status, null);
    }

    @Test
    void writesSortedStableEntriesWithoutLinesTimesOrAbsolutePaths(@TempDir Path dir) throws Exception {
        Baseline b = Baseline.of(List.of(g("transmute", "src/z.rs", "bb:0", Status.NEW), g("unsafe-block", "src/a.rs", "cc:0", Status.NEW),
                g("transmute", "src/a.rs", "aa:1", Status.BASELINE), g("transmute", "src/a.rs", "dd:0", Status.SUPPRESSED)));
        Path file = dir.resolve("audit-baseline.json");
        b.write(file);
        String text = Files.readString(file);
        assertThat(text).startsWith("{\n  \"version\" : 1,\n  \"fingerprint\" : \"rustEngineer/v1\",").endsWith("}\n")
                .doesNotContain("\"line\"").doesNotContain(dir.toString()).doesNotContain("\r");
        assertThat(Baseline.read(file).entries()).extracting(Baseline.Entry::fingerprint).containsExactly("aa:1", "cc:0", "bb:0");
        Baseline.of(List.of(g("transmute", "src/a.rs", "aa:1", Status.NEW), g("unsafe-block", "src/a.rs", "cc:0", Status.NEW),
                g("transmute", "src/z.rs", "bb:0", Status.NEW))).write(file);
        assertThat(Files.readString(file)).as("the same findings in another order write the same bytes").isEqualTo(text);
    }

    @Test
    void readingFailsWithOneLineOnBadFiles(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> Baseline.read(dir.resolve("none.json"))).isInstanceOf(UsageException.class)
                .hasMessageContaining("does not exist; write it with --update-baseline");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{ not json");
        assertThatThrownBy(() -> Baseline.read(bad)).isInstanceOf(UsageException.class).hasMessageContaining("is not JSON");
        Files.writeString(bad, "{\"version\": 1, \"fingerprint\": \"rustEngineer/v0\", \"findings\": []}");
        assertThatThrownBy(() -> Baseline.read(bad)).isInstanceOf(UsageException.class).hasMessageContaining("rustEngineer/v0 fingerprints");
        Files.writeString(bad, "{\"version\": 1, \"fingerprint\": \"rustEngineer/v1\", \"findings\": [{\"rule\": \"x\"}]}");
        assertThatThrownBy(() -> Baseline.read(bad)).isInstanceOf(UsageException.class).hasMessageContaining("no fingerprint");
        Files.writeString(bad, "[]");
        assertThatThrownBy(() -> Baseline.read(bad)).isInstanceOf(UsageException.class).hasMessageContaining("is not an audit baseline");
    }
}
