package dev.rustengineer.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The bundled knowledge loads; each kind of broken file is refused with its file and line. */
class KnowledgeLoaderTest {

    @Test
    void bundledKnowledgeLoadsWithEverySpecPart() {
        Knowledge k = KnowledgeLoader.loadBundled();
        assertThat(k.chooseRust().outcomes()).hasSize(10);
        assertThat(k.webFramework().outcomes()).containsOnlyKeys("axum", "hyper", "actix-web", "rocket");
        assertThat(k.asyncRuntime().columns()).extracting(RuntimeTable.Column::id).containsExactly("tokio", "async-std", "smol");
        assertThat(k.ffi().rows()).hasSize(5);
        assertThat(k.triggers()).extracting(Trigger::id).containsExactlyElementsOf(KnowledgeLoader.TRIGGER_IDS);
        assertThat(k.patterns()).extracting(IntegrationPattern::to).containsExactlyElementsOf(KnowledgeLoader.SPECIALISTS);
        assertThat(k.invoke().dontInvoke()).hasSize(4);
        assertThat(k.invoke().invokeWhen()).hasSize(5);
        assertThat(k.invoke().whenToUse()).hasSize(6);
        assertThat(k.measurements().cell("async-runtime", "runtime-overhead", "tokio")).isPresent();
        assertThat(k.asyncRuntime().aspects()).filteredOn(a -> a.id().equals("runtime-overhead")).singleElement()
                .satisfies(a -> assertThat(a.measured()).containsOnlyKeys("tokio", "async-std", "smol"));
    }

    @Test
    void measuredCellOfAnUnknownRowNamesFileAndLine() {
        String file = read("measurements.yaml");
        String cell = "row: runtime-overhead, column: smol";
        int expected = 1 + (int) file.substring(0, file.indexOf(cell)).chars().filter(c -> c == '\n').count();
        assertThatThrownBy(() -> loadWith("measurements.yaml", s -> s.replace(cell, "row: runtime-overheads, column: smol")))
                .isInstanceOf(KnowledgeException.class)
                .hasMessage("knowledge/measurements.yaml:" + expected + ": unknown row 'runtime-overheads' of table 'async-runtime';"
                        + " its rows are: ecosystem, performance, runtime-overhead, http-frameworks, adoption, best-for");
    }

    @Test
    void measuredCellOfAnUnknownColumnOrTableIsRefused() {
        assertThatThrownBy(() -> loadWith("measurements.yaml", s -> s.replace("column: smol", "column: glommio")))
                .hasMessageMatching("knowledge/measurements\\.yaml:\\d+: unknown column 'glommio' of table 'async-runtime'; "
                        + "its columns are: tokio, async-std, smol");
        assertThatThrownBy(() -> loadWith("measurements.yaml", s -> s.replaceFirst("table: async-runtime", "table: async-runtimes")))
                .hasMessageMatching("knowledge/measurements\\.yaml:\\d+: unknown table 'async-runtimes'; measured cells can be in: async-runtime");
    }

    @Test
    void measurementWithAnUnknownSourceADuplicateOrABadDateIsRefused() {
        assertThatThrownBy(() -> loadWith("measurements.yaml", s -> s.replace("source: runtime-overhead}", "source: elsewhere}")))
                .hasMessageMatching("knowledge/measurements\\.yaml:\\d+: unknown source 'elsewhere'; the file's sources are: runtime-overhead, frameworks, ws-broadcast, grpc-unary, ffi-boundary, ffi-benchmark, wasm-vs-native");
        assertThatThrownBy(() -> loadWith("measurements.yaml", s -> s.replace("column: smol", "column: tokio")))
                .hasMessageMatching("knowledge/measurements\\.yaml:\\d+: cell async-runtime/runtime-overhead/tokio is measured twice");
        assertThatThrownBy(() -> loadWith("measurements.yaml", s -> s.replace("date: 2026-12-01", "date: 1 December 2026")))
                .hasMessageMatching("knowledge/measurements\\.yaml:\\d+: source 'runtime-overhead' needs its date as YYYY-MM-DD.*");
        assertThatThrownBy(() -> loadWith("measurements.yaml", s -> s.replace("id: runtime-overhead-job-time-smol", "id: runtime-overhead-job-time-tokio")))
                .hasMessageMatching("knowledge/measurements\\.yaml:\\d+: duplicate figure id 'runtime-overhead-job-time-tokio'");
    }

    @Test
    void freeFiguresNeedNoTable() {
        String figure = "  - {id: extra, label: An extra figure, value: \"1 ms\", source: runtime-overhead}\n";
        Knowledge k = loadWith("measurements.yaml", s -> s.replace("figures:\n", "figures:\n" + figure));
        assertThat(k.measurements().figures()).first().satisfies(f -> {
            assertThat(f.id()).isEqualTo("extra");
            assertThat(f.measured().value()).isEqualTo("1 ms");
            assertThat(f.measured().detail()).isNull();
            assertThat(f.measured().source().command()).isEqualTo("bench/runtime-overhead.sh");
        });
    }

    @Test
    void aFallbackRuleIsMarkedAndABadFallbackNamesFileAndLine() {
        assertThat(KnowledgeLoader.loadBundled().textRules()).anyMatch(r -> r.fallback()).anyMatch(r -> !r.fallback());
        assertThatThrownBy(() -> loadWith("text-rules.yaml", s -> s.replace("fallback: true", "fallback: sometimes")))
                .isInstanceOf(KnowledgeException.class)
                .hasMessageMatching("knowledge/text-rules\\.yaml:\\d+: rule 'one-off-or-scheduled-job': fallback must be true or false");
    }

    @Test
    void aMentionRuleIsMarkedAndABadMentionNamesFileAndLine() {
        assertThat(KnowledgeLoader.loadBundled().textRules()).anyMatch(r -> r.mention() && r.id().equals("language-python"))
                .noneMatch(r -> r.mention() && r.afterModel());
        assertThatThrownBy(() -> loadWith("text-rules.yaml", s -> s.replace("    mention: true", "    mention: maybe")))
                .isInstanceOf(KnowledgeException.class)
                .hasMessageMatching("knowledge/text-rules\\.yaml:\\d+: rule 'language-go': mention must be true or false");
    }

    @Test
    void unknownNodeIdNamesFileAndLine() {
        assertThatThrownBy(() -> loadWith("choose-rust.yaml", s -> s.replace("next: cross-platform", "next: cross-platfrom")))
                .isInstanceOf(KnowledgeException.class)
                .hasMessageMatching("knowledge/choose-rust\\.yaml:\\d+: unknown node id 'cross-platfrom'");
    }

    @Test
    void unreachableLeafIsRefused() {
        String extra = "\n  - id: orphan\n    label: Orphan\n    rationale: nobody leads here\n    route: generalist\n    languages: []\n";
        assertThatThrownBy(() -> loadWith("choose-rust.yaml", s -> s + extra))
                .hasMessageMatching("knowledge/choose-rust\\.yaml:\\d+: leaf 'orphan' cannot be reached.*");
    }

    @Test
    void unreachableNodeIsRefused() {
        String extra = "\n  - id: island\n    question: Alone?\n    field: embedded\n    default: \"YES\"\n    branches:\n"
                + "      - {answer: \"YES\", when: true, outcome: rust-cli}\n      - {answer: \"NO\", when: false, outcome: rust-cli}\n";
        assertThatThrownBy(() -> loadWith("choose-rust.yaml", s -> s.replace("\noutcomes:", extra + "\noutcomes:")))
                .hasMessageMatching("knowledge/choose-rust\\.yaml:\\d+: node 'island' cannot be reached from the root.*");
    }

    @Test
    void missingOutcomeIsRefusedAtItsLine() {
        String broken = "      - answer: \"YES\"\n        when: true\n        outcome: rust-no-gc\n";
        assertThatThrownBy(() -> loadWith("choose-rust.yaml", s -> s.replace(broken, "      - answer: \"YES\"\n        when: true\n")))
                .hasMessageMatching("knowledge/choose-rust\\.yaml:\\d+: branch 'YES' of node 'c-replacement' needs exactly one of 'next' or 'outcome' \\(missing outcome\\)");
    }

    @Test
    void errorLineIsTheLineOfTheProblem() {
        String file = read("choose-rust.yaml").replace("next: cross-platform", "next: nowhere");
        int expected = 1 + (int) file.substring(0, file.indexOf("next: nowhere")).chars().filter(c -> c == '\n').count();
        assertThatThrownBy(() -> loadWith("choose-rust.yaml", s -> s.replace("next: cross-platform", "next: nowhere")))
                .hasMessageStartingWith("knowledge/choose-rust.yaml:" + expected + ":");
    }

    @Test
    void cycleIsRefused() {
        assertThatThrownBy(() -> loadWith("web-framework.yaml", s -> s.replace("outcome: rocket", "next: microservice")))
                .hasMessageContaining("cycle through node 'microservice'");
    }

    @Test
    void uncoveredValueIsRefused() {
        assertThatThrownBy(() -> loadWith("choose-rust.yaml", s -> s.replace("when: [systems, library]", "when: systems")))
                .hasMessageContaining("value library of 'kind' at node 'project-type' takes no branch");
    }

    @Test
    void unknownFieldInAConditionIsRefused() {
        assertThatThrownBy(() -> loadWith("escalations.yaml", s -> s.replace("field: custom_executor", "field: custom_exec")))
                .hasMessageMatching("knowledge/escalations\\.yaml:\\d+: unknown field 'custom_exec'");
    }

    @Test
    void unknownValueInAConditionIsRefused() {
        assertThatThrownBy(() -> loadWith("invoke.yaml", s -> s.replace("{field: kind, is: backend}", "{field: kind, is: server}")))
                .hasMessageMatching("knowledge/invoke\\.yaml:\\d+: unknown value 'server' for 'kind'.*");
    }

    @Test
    void missingSpecTriggerIsRefused() {
        assertThatThrownBy(() -> loadWith("escalations.yaml", s -> s.replace("id: complex-lifetimes", "id: lifetimes")))
                .hasMessageContaining("unknown trigger id 'lifetimes'");
    }

    @Test
    void badRegularExpressionIsRefused() {
        assertThatThrownBy(() -> loadWith("text-rules.yaml", s -> s.replace("pattern: '\\bhelm\\b'", "pattern: '\\bhelm(\\b'")))
                .hasMessageMatching("knowledge/text-rules\\.yaml:\\d+: bad regular expression.*");
    }

    @Test
    void malformedYamlIsRefusedWithItsLine() {
        assertThatThrownBy(() -> loadWith("ffi.yaml", s -> s.replace("rows:", "rows: [")))
                .hasMessageMatching("knowledge/ffi\\.yaml:\\d+: not valid YAML.*");
    }

    private static Knowledge loadWith(String name, UnaryOperator<String> edit) {
        return KnowledgeLoader.load(n -> {
            String text = read(n);
            if (text == null) {
                return null;
            }
            return new ByteArrayInputStream((n.equals(name) ? edit.apply(text) : text).getBytes(StandardCharsets.UTF_8));
        });
    }

    private static String read(String name) {
        try (InputStream in = KnowledgeLoader.class.getResourceAsStream("/knowledge/" + name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
