package dev.rustengineer.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rustengineer.UsageException;
import dev.rustengineer.audit.rule.Rule;
import dev.rustengineer.audit.rule.Rules;
import dev.rustengineer.knowledge.KnowledgeException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalogue and the rule classes agree, and each rule can be switched off alone. */
class RuleCatalogueTest {
    static final Set<String> WORKSPACE_RULES = Set.of("microservice-architecture", "wasm-js-interop-at-scale");
    /** Found by the gate that applies suppressions after the rules ran (audit.gate), not by a rule class. */
    static final Set<String> GATE_RULES = Set.of("bad-suppression");

    @Test
    void everyCatalogueRuleHasOneClassAndEveryClassIsCatalogued() {
        Set<String> classes = Rules.all().stream().map(Rule::id).collect(Collectors.toSet());
        assertThat(classes).hasSize(Rules.all().size());
        Set<String> catalogued = AuditRules.bundled().all().keySet().stream().filter(id -> !WORKSPACE_RULES.contains(id) && !GATE_RULES.contains(id))
                .collect(Collectors.toSet());
        assertThat(classes).isEqualTo(catalogued);
    }

    @Test
    void aRuleSwitchedOffReportsNothingAndTheOthersStillRun(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/lib.rs"), "pub fn f(x: Option<u8>) -> u8 { unsafe { x.unwrap() } }\n");
        AuditReport all = new Auditor().audit(dir);
        AuditReport without = new Auditor(AuditRules.bundled().withDisabled(List.of("unwrap-in-production"))).audit(dir);
        assertThat(all.count("unwrap-in-production")).isEqualTo(1);
        assertThat(without.count("unwrap-in-production")).isZero();
        assertThat(without.count("unsafe-block")).isEqualTo(1);
        assertThatThrownBy(() -> AuditRules.bundled().withDisabled(List.of("no-such-rule"))).isInstanceOf(UsageException.class)
                .hasMessageContaining("unknown rule 'no-such-rule'").hasMessageContaining("unsafe-block");
    }

    @Test
    void enabledAndScopePoliciesAreReadAndCheckedWithTheirLine() {
        AuditRules rules = read("""
                rules:
                  - {id: unsafe-block, severity: low, enabled: false, tests: info, description: "x"}
                  - {id: unwrap-in-production, severity: low, tests: drop, build: drop, description: "x"}
                """);
        assertThat(rules.enabled("unsafe-block")).isFalse();
        assertThat(rules.rule("unsafe-block").inTests()).isEqualTo(AuditRules.Policy.INFO);
        assertThat(rules.rule("unsafe-block").inBuildScripts()).isEqualTo(AuditRules.Policy.REPORT);
        assertThat(rules.rule("unwrap-in-production").inBuildScripts()).isEqualTo(AuditRules.Policy.DROP);
        assertThatThrownBy(() -> read("""
                rules:
                  - {id: unsafe-block, severity: low, description: "x"}
                  - {id: transmute, severity: high, tests: hide, description: "x"}
                """)).isInstanceOf(KnowledgeException.class).hasMessageContaining("rules.yaml").hasMessageContaining("3")
                .hasMessageContaining("report, info, drop");
        assertThatThrownBy(() -> read("""
                rules:
                  - {id: unsafe-block, severity: low, enabled: maybe, description: "x"}
                """)).isInstanceOf(KnowledgeException.class).hasMessageContaining("true or false");
    }

    private static AuditRules read(String yaml) {
        return AuditRules.read("rules.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }
}
