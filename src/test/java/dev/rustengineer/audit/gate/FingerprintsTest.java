package dev.rustengineer.audit.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rustengineer.audit.AuditRules;
import dev.rustengineer.audit.Finding;
import dev.rustengineer.audit.notes.SourceNotes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FingerprintsTest {
    private static final AuditRules RULES = AuditRules.bundled();

    private static List<String> fingerprints(String text, List<Finding> findings) {
        return Fingerprints.of(findings, Map.of("src/lib.rs", notes(text, "src/lib.rs", findings)));
    }

    private static SourceNotes notes(String text, String file, List<Finding> findings) {
        return SourceNotes.read(text.getBytes(StandardCharsets.UTF_8), file,
                findings.stream().map(f -> new SourceNotes.At(f.rule(), f.line())).toList());
    }

    private static Finding unwrap(int line, int column) {
        return RULES.finding("unwrap-in-production", "src/lib.rs", line, column, "`.unwrap()` on line " + line);
    }

    @Test
    void linesInsertedAboveLeaveTheFingerprintAlone() {
        String before = "fn a() {\n    x.unwrap();\n}\n";
        String after = "use std::io;\n\n// why\nfn a() {\n    x.unwrap();\n}\n";
        assertThat(fingerprints(after, List.of(unwrap(5, 7)))).isEqualTo(fingerprints(before, List.of(unwrap(2, 7))));
    }

    @Test
    void identicalLinesAreToldApartByAnOccurrenceIndex() {
        String text = "fn a() {\n    x.unwrap();\n}\nfn b() {\n    x.unwrap();\n}\n";
        List<String> fp = fingerprints(text, List.of(unwrap(2, 7), unwrap(5, 7)));
        assertThat(fp.get(0)).endsWith(":0");
        assertThat(fp.get(1)).endsWith(":1");
        assertThat(fp.get(0).split(":")[0]).isEqualTo(fp.get(1).split(":")[0]);
    }

    @Test
    void theRuleAndTheFileTakePart() {
        String text = "fn a() {\n    x.unwrap();\n}\n";
        String same = fingerprints(text, List.of(unwrap(2, 7))).getFirst();
        Finding otherRule = RULES.finding("blocking-in-async", "src/lib.rs", 2, 7, "m");
        assertThat(fingerprints(text, List.of(otherRule)).getFirst()).isNotEqualTo(same);
        Finding otherFile = RULES.finding("unwrap-in-production", "src/main.rs", 2, 7, "m");
        assertThat(Fingerprints.of(List.of(otherFile), Map.of("src/main.rs", notes(text, "src/main.rs", List.of(otherFile)))).getFirst())
                .isNotEqualTo(same);
        Finding workspace = RULES.finding("microservice-architecture", "Cargo.toml", 1, 1, "12 binaries");
        assertThat(Fingerprints.of(List.of(workspace), Map.of()).getFirst()).as("no notes: hashed without context").matches("[0-9a-f]{32}:0");
        assertThat(same).matches("[0-9a-f]{32}:0");
    }
}
