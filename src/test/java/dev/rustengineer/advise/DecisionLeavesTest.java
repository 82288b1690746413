package dev.rustengineer.advise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rustengineer.RustEngineer;
import dev.rustengineer.knowledge.Knowledge;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every leaf of every tree and table of the spec, reached by a structured brief, with the outcome the spec
 * prints for it. {@link #everyLeafIsCovered} proves the list below misses none of the loaded leaves.
 */
class DecisionLeavesTest {
    private static final RustEngineer RE = RustEngineer.shared();
    private static final Set<String> REACHED = new HashSet<>();

    static Stream<Arguments> leaves() {
        return Stream.of(
                // When to Choose Rust? -- one brief per leaf, in the spec's order
                leaf("{\"kind\":\"backend\",\"latency_ms\":5}", "choose-rust", "rust-axum-actix", true, "rust"),
                leaf("{\"kind\":\"backend\",\"latency_ms\":40,\"go_or_node_ok\":true}", "choose-rust", "go-node", false, "go"),
                leaf("{\"kind\":\"backend\",\"latency_ms\":40,\"go_or_node_ok\":false}", "choose-rust", "rust-memory-safety", true, "rust"),
                leaf("{\"kind\":\"systems\",\"c_replacement\":true}", "choose-rust", "rust-no-gc", true, "rust"),
                leaf("{\"kind\":\"systems\",\"c_replacement\":false}", "choose-rust", "rust-systems", true, "rust"),
                leaf("{\"kind\":\"cli\",\"cross_platform\":true}", "choose-rust", "rust-single-binary", true, "rust"),
                // The simple-script leaf: the Don't Invoke rule decides first, so only a brief that names Rust walks here.
                leaf("{\"kind\":\"cli\",\"cross_platform\":false,\"simple_script\":true,\"language\":\"rust\"}", "choose-rust", "bash-python", true, "rust"),
                leaf("{\"kind\":\"cli\",\"cross_platform\":false,\"simple_script\":false}", "choose-rust", "rust-cli", true, "rust"),
                leaf("{\"kind\":\"web\",\"web_target\":\"browser\"}", "choose-rust", "rust-wasm", true, "rust"),
                leaf("{\"kind\":\"web\",\"web_target\":\"server\",\"latency_ms\":3}", "choose-rust", "rust-axum-actix", true, "rust"),
                leaf("{\"kind\":\"backend\",\"performance_and_safety\":false}", "choose-rust", "other-language", false, null),
                // Web Framework Decision
                leaf("{\"kind\":\"backend\",\"latency_ms\":5,\"advanced_routing\":true}", "web-framework", "axum", true, "rust"),
                leaf("{\"kind\":\"backend\",\"latency_ms\":5,\"advanced_routing\":false}", "web-framework", "hyper", true, "rust"),
                leaf("{\"kind\":\"backend\",\"latency_ms\":5,\"performance_critical\":false,\"rapid_prototyping\":true}", "web-framework", "actix-web", true, "rust"),
                leaf("{\"kind\":\"backend\",\"latency_ms\":5,\"performance_critical\":false,\"rapid_prototyping\":false}", "web-framework", "rocket", true, "rust"),
                // Async Runtime Decision -- every column, and every rule
                leaf("{\"kind\":\"backend\",\"latency_ms\":5}", "async-runtime", "tokio", true, "rust"),
                leaf("{\"kind\":\"systems\",\"async\":true}", "async-runtime", "tokio", true, "rust"),
                leaf("{\"kind\":\"systems\",\"runtime\":\"smol\"}", "async-runtime", "smol", true, "rust"),
                leaf("{\"kind\":\"systems\",\"async\":true,\"embedded\":true}", "async-runtime", "smol", true, "rust"),
                leaf("{\"kind\":\"systems\",\"async\":true,\"rapid_prototyping\":true}", "async-runtime", "async-std", true, "rust"),
                leaf("{\"kind\":\"systems\",\"runtime\":\"async-std\"}", "async-runtime", "async-std", true, "rust"),
                // FFI vs Pure Rust
                leaf("{\"ffi\":\"legacy-c-library\"}", "ffi", "ffi-wrapper", true, "rust"),
                leaf("{\"ffi\":\"performance-critical-c\"}", "ffi", "benchmark-first", true, "rust"),
                leaf("{\"ffi\":\"simple-c-algorithm\"}", "ffi", "rewrite", true, "rust"),
                leaf("{\"ffi\":\"os-specific-api\"}", "ffi", "windows-rs", true, "rust"),
                leaf("{\"ffi\":\"calling-rust-from-other-languages\"}", "ffi", "export-c-abi", true, "rust"),
                // Don't Invoke When
                leaf("{\"kind\":\"backend\",\"quick_prototype\":true}", "invoke", "generalist", false, "python"),
                leaf("{\"kind\":\"backend\",\"java_backend\":true}", "invoke", "java-architect", false, "java"),
                leaf("{\"mobile\":true}", "invoke", "mobile-developer", false, "kotlin"),
                leaf("{\"simple_script\":true}", "invoke", "generalist", false, "python"),
                leaf("{\"kind\":\"backend\",\"latency_ms\":5}", "invoke", "pass", true, "rust"));
    }

    private static Arguments leaf(String brief, String framework, String outcome, boolean invoke, String language) {
        return Arguments.of(brief, framework, outcome, invoke, language);
    }

    @ParameterizedTest(name = "{1} -> {2}: {0}")
    @MethodSource("leaves")
    void briefReachesTheSpecsLeaf(String json, String framework, String outcome, boolean invoke, String language) {
        Advice advice = RE.advise(RE.readBriefJson(json, "test"));
        assertThat(advice.decisions()).as("decisions").anySatisfy(d -> {
            assertThat(d.framework()).isEqualTo(framework);
            assertThat(d.outcome()).isEqualTo(outcome);
        });
        assertThat(advice.invoke()).as("invoke").isEqualTo(invoke);
        if (language != null) {
            assertThat(advice.languages()).contains(language);
        }
        REACHED.add(framework + "/" + outcome);
    }

    @Test
    void asyncStdIsShownBesideItsAdvisoryAndReplacedInTheStack() {
        Advice spec = RE.advise(RE.readBriefJson("{\"kind\":\"systems\",\"async\":true,\"rapid_prototyping\":true}", "t"));
        Decision runtime = spec.decisions().stream().filter(d -> d.framework().equals("async-runtime")).findFirst().orElseThrow();
        assertThat(runtime.outcome()).isEqualTo("async-std");
        assertThat(runtime.advisories()).singleElement().asString().contains("RUSTSEC-2025-0052");
        assertThat(spec.stack().runtime()).isEqualTo("smol");
        assertThat(spec.notes()).anyMatch(n -> n.contains("discontinued") && n.contains("Smol"));

        Advice asked = RE.advise(RE.readBriefJson("{\"kind\":\"systems\",\"runtime\":\"async-std\"}", "t"));
        assertThat(asked.stack().runtime()).as("an explicit choice is kept, with the warning").isEqualTo("async-std");
        assertThat(asked.notes()).anyMatch(n -> n.contains("RUSTSEC-2025-0052"));
    }

    @Test
    void theServerBranchContinuesAtTheBackendLatencyQuestion() {
        Advice a = RE.advise(RE.readBriefJson("{\"kind\":\"web\",\"web_target\":\"server\",\"latency_ms\":3}", "t"));
        Decision d = a.decisions().stream().filter(x -> x.framework().equals("choose-rust")).findFirst().orElseThrow();
        assertThat(d.path()).extracting(Decision.Step::answer)
                .containsExactly("YES", "WEB (HIGH-PERF)", "SERVER", "<10ms");
    }

    @AfterAll
    static void everyLeafIsCovered() {
        Knowledge k = RE.knowledge();
        Set<String> all = new HashSet<>();
        k.chooseRust().outcomes().keySet().forEach(o -> all.add("choose-rust/" + o));
        k.webFramework().outcomes().keySet().forEach(o -> all.add("web-framework/" + o));
        k.asyncRuntime().columns().forEach(c -> all.add("async-runtime/" + c.id()));
        k.ffi().rows().forEach(r -> all.add("ffi/" + r.decision()));
        k.invoke().dontInvoke().forEach(r -> all.add("invoke/" + r.route()));
        assertThat(REACHED).as("leaves reached by the structured briefs").containsAll(all);
    }

    @Test
    void aBackendWithNoHttpSurfaceGetsNoWebFramework() {
        Advice worker = RE.advise(RE.readBriefJson("{\"kind\":\"backend\",\"latency_ms\":5,\"http\":false}", "t"));
        assertThat(worker.stack().web()).as("web").isNull();
        assertThat(worker.stack().runtime()).as("a backend is still async").isEqualTo("tokio");
        assertThat(worker.decisions()).noneMatch(d -> d.framework().equals("web-framework"));
        Advice api = RE.advise(RE.readBriefJson("{\"kind\":\"backend\",\"latency_ms\":5,\"http\":true}", "t"));
        assertThat(api.stack().web()).as("an HTTP backend walks the tree").isEqualTo("axum");
    }

    @Test
    void everyRuntimeRuleIsReachable() {
        Set<String> rules = new HashSet<>();
        for (String json : List.of("{\"kind\":\"systems\",\"runtime\":\"smol\"}", "{\"kind\":\"backend\",\"latency_ms\":5}",
                "{\"kind\":\"systems\",\"async\":true,\"embedded\":true}", "{\"kind\":\"systems\",\"async\":true,\"rapid_prototyping\":true}",
                "{\"kind\":\"systems\",\"async\":true}")) {
            RE.advise(RE.readBriefJson(json, "t")).decisions().stream().filter(d -> d.framework().equals("async-runtime"))
                    .forEach(d -> rules.add(d.path().getFirst().node()));
        }
        assertThat(rules).containsExactlyInAnyOrderElementsOf(
                RE.knowledge().asyncRuntime().rules().stream().map(r -> r.id()).toList());
    }
}
