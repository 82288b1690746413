package dev.rustengineer.audit.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.rustengineer.UsageException;
import dev.rustengineer.audit.AuditOutput;
import dev.rustengineer.audit.AuditReport;
import dev.rustengineer.audit.AuditRules;
import dev.rustengineer.audit.AuditRun;
import dev.rustengineer.audit.Auditor;
import dev.rustengineer.audit.Finding;
import dev.rustengineer.audit.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditGateTest {
    private static final AuditRules RULES = AuditRules.bundled();
    static final String LIB = """
            pub fn a(x: Option<u32>) -> u32 {
                x.unwrap() // rust-engineer: allow(unwrap-in-production) the caller checks is_some first
            }

            pub fn b(x: Option<u32>) -> u32 {
                // rust-engineer: allow(unwrap-in-production)
                x.unwrap()
            }

            pub fn c(p: *const u8) -> u8 {
                unsafe { *p }
            }
            """;

    private final Auditor auditor = new Auditor(RULES);
    private final AuditGate gate = new AuditGate(RULES);

    private static Path project(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/lib.rs"), LIB);
        return dir;
    }

    @Test
    void suppressionsApplyOnlyWithAReasonAndAreCounted(@TempDir Path dir) throws Exception {
        GatedReport r = gate.apply(auditor.run(project(dir), false, false), null, null);
        assertThat(r.results()).filteredOn(g -> g.status() == Status.SUPPRESSED).singleElement().satisfies(g -> {
            assertThat(g.finding().line()).isEqualTo(2);
            assertThat(g.suppression().reason()).isEqualTo("the caller checks is_some first");
        });
        assertThat(r.newFindings()).extracting(Finding::rule, Finding::line).containsExactly(
                tuple("bad-suppression", 6), tuple("unwrap-in-production", 7),
                tuple("undocumented-unsafe", 11), tuple("unsafe-block", 11));
        assertThat(r.findings()).hasSize(4);
        assertThat(r.effective().findings()).hasSize(4);
        assertThat(r.report().findings()).as("the rules' own report is untouched").hasSize(4);
        assertThat(r.results().getLast().status()).as("suppressed ones are listed last").isEqualTo(Status.SUPPRESSED);
    }

    @Test
    void aBaselineMakesKnownFindingsNotNewAndCountsTheFixedOnes(@TempDir Path dir) throws Exception {
        Path root = project(dir);
        AuditRun run = auditor.run(root, false, false);
        Baseline accepted = Baseline.of(gate.apply(run, null, null).results());
        assertThat(accepted.entries()).hasSize(4);
        GatedReport same = gate.apply(run, accepted, null);
        assertThat(same.newFindings()).isEmpty();
        assertThat(same.failsAt(Severity.INFO)).isFalse();
        assertThat(same.fixed()).isZero();

        Files.writeString(root.resolve("src/lib.rs"), "use std::mem;\n\n" + LIB.replace("unsafe { *p }", "0")
                + "pub fn d(x: Result<u8, ()>) -> u8 {\n    x.expect(\"d\")\n}\n");
        GatedReport next = gate.apply(auditor.run(root, false, false), accepted, null);
        assertThat(next.newFindings()).extracting(Finding::rule, Finding::line)
                .containsExactly(tuple("unwrap-in-production", 16));
        assertThat(next.count(Status.BASELINE)).as("lines moved down by two, still the same findings").isEqualTo(2);
        assertThat(next.fixed()).isEqualTo(2);
        assertThat(next.failsAt(Severity.LOW)).isTrue();
        assertThat(next.failsAt(Severity.MEDIUM)).isFalse();
    }

    @Test
    void sarifCarriesFingerprintsSuppressionsAndBaselineStatesAndIsValid(@TempDir Path dir) throws Exception {
        Path root = project(dir);
        AuditRun run = auditor.run(root, false, false);
        Baseline some = new Baseline(Baseline.of(gate.apply(run, null, null).results()).entries().subList(0, 1));
        GatedReport r = gate.apply(run, some, null);
        JsonNode sarif = AuditOutput.sarif(r, RULES, "0.1.0");
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(Files.readString(Path.of("src/test/resources/sarif/sarif-2.1.0-subset.schema.json")), InputFormat.JSON);
        assertThat(schema.validate(sarif.toString(), InputFormat.JSON)).isEmpty();
        JsonNode results = sarif.at("/runs/0/results");
        assertThat(results).hasSize(5);
        assertThat(results).allSatisfy(x -> assertThat(x.at("/partialFingerprints/rustEngineer~1v1").asText()).matches("[0-9a-f]{32}:\\d+"));
        JsonNode suppressed = results.get(4);
        assertThat(suppressed.at("/suppressions/0/kind").asText()).isEqualTo("inSource");
        assertThat(suppressed.at("/suppressions/0/justification").asText()).isEqualTo("the caller checks is_some first");
        assertThat(suppressed.has("baselineState")).isFalse();
        assertThat(results).filteredOn(x -> x.path("baselineState").asText().equals("unchanged")).hasSize(1);
        assertThat(results).filteredOn(x -> x.path("baselineState").asText().equals("new")).hasSize(3);

        JsonNode json = AuditOutput.json(r, 100);
        assertThat(json.at("/summary/findings").asInt()).isEqualTo(3);
        assertThat(json.at("/summary/suppressed").asInt()).isEqualTo(1);
        assertThat(json.at("/summary/baseline").asInt()).isEqualTo(1);
        assertThat(json.at("/findings/4/status").asText()).isEqualTo("suppressed");
        assertThat(json.at("/findings/4/suppression/line").asInt()).isEqualTo(2);
        assertThat(json.at("/findings/0/fingerprint").asText())
                .isEqualTo(results.get(0).at("/partialFingerprints/rustEngineer~1v1").asText());
        assertThat(AuditOutput.text(r, 100)).contains("3 new findings").contains("1 suppressed in the code; 1 in the baseline");
    }

    @Test
    void updateBaselineCannotBeScopedToChanges(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> gate.audit(auditor, project(dir), new AuditRequest(false, false, dir.resolve("b.json"), true, "HEAD")))
                .isInstanceOf(UsageException.class).hasMessageContaining("cannot be combined with --changed-since");
    }

    @Test
    void ungatedReportsListEveryFindingAsNew() {
        var report = new AuditReport("/x", 1, 3, 0,
                List.of(RULES.finding("transmute", "src/a.rs", 2, 1, "m")), List.of(), 0.1);
        GatedReport r = AuditGate.ungated(report);
        assertThat(r.newFindings()).hasSize(1);
        assertThat(r.results().getFirst().fingerprint()).endsWith(":0");
    }
}
