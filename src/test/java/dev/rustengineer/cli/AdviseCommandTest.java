package dev.rustengineer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rustengineer.advise.AdviceJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI in-process, through {@link Main#run} with injected streams. */
class AdviseCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void textBriefPrintsTheDecisionPaths() {
        Run r = run("advise", "A REST API for payments; p99 under 5 ms; data in PostgreSQL");
        assertThat(r.code()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("rust-engineer takes this task.")
                .contains("Stack: runtime tokio | web axum | db sqlx | target native | features database, rest")
                .contains("Latency requirements? <10ms")
                .contains("latency_ms = 5   <- \"p99 under 5 ms\" (rule latency-budget)")
                .contains("database-optimizer");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void jsonHasExactlyTheContractKeys() throws Exception {
        Run r = run("advise", "--json", "A REST API for payments; p99 under 5 ms; data in PostgreSQL");
        JsonNode j = JSON.readTree(r.out());
        List<String> keys = new ArrayList<>();
        j.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyElementsOf(AdviceJson.TOP_LEVEL_KEYS);
        assertThat(keys).containsExactly("invoke", "route", "languages", "stack", "decisions", "escalations", "handoffs",
                "brief", "notes", "questions");
        assertThat(j.get("invoke").asBoolean()).isTrue();
        assertThat(j.get("route").asText()).isEqualTo("rust-engineer");
        assertThat(j.get("stack").get("web").asText()).isEqualTo("axum");
        assertThat(j.get("stack").has("ffi")).as("keys that do not apply are left out").isFalse();
        assertThat(j.get("decisions").get(1).get("framework").asText()).isEqualTo("choose-rust");
        assertThat(j.get("decisions").get(1).get("path").get(2).get("answer").asText()).isEqualTo("<10ms");
        assertThat(j.get("brief").get("evidence").get("latency_ms").get("words").asText()).isEqualTo("p99 under 5 ms");
    }

    @Test
    void flagsAloneGoToGoOrNode() throws Exception {
        Run r = run("advise", "--json", "--kind", "backend", "--latency-ms", "40", "--go-or-node-ok");
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("invoke").asBoolean()).isFalse();
        assertThat(j.get("route").asText()).isEqualTo("golang-pro");
        assertThat(j.get("languages")).extracting(JsonNode::asText).containsExactly("go", "node");
        assertThat(j.get("brief").get("evidence").get("go_or_node_ok").get("source").asText()).isEqualTo("flag");
    }

    @Test
    void negatedFlagAndNamedRustKeepTheTask() throws Exception {
        Run r = run("advise", "--json", "--kind", "backend", "--latency-ms", "40", "--no-go-or-node-ok");
        assertThat(JSON.readTree(r.out()).get("decisions").get(1).get("outcome").asText()).isEqualTo("rust-memory-safety");
        Run rust = run("advise", "--json", "--kind", "backend", "--latency-ms", "40", "--go-or-node-ok", "--language", "rust");
        JsonNode j = JSON.readTree(rust.out());
        assertThat(j.get("invoke").asBoolean()).isTrue();
        assertThat(j.get("stack").get("web").asText()).isEqualTo("axum");
        assertThat(j.get("notes").toString()).contains("the brief names Rust");
    }

    @Test
    void briefFileInYamlAndFlagsOverIt(@TempDir Path dir) throws Exception {
        Path brief = dir.resolve("brief.yaml");
        Files.writeString(brief, "text: A command-line tool for our developers\ncross_platform: true\nfeatures: [metrics]\n");
        JsonNode j = JSON.readTree(run("advise", "--json", "--brief-file", brief.toString()).out());
        assertThat(j.get("decisions").get(1).get("outcome").asText()).isEqualTo("rust-single-binary");
        assertThat(j.get("brief").get("evidence").get("kind").get("source").asText()).isIn("text", "model");
        assertThat(j.get("brief").get("evidence").get("cross_platform").get("source").asText()).isEqualTo("file");

        JsonNode over = JSON.readTree(run("advise", "--json", "--brief-file", brief.toString(), "--no-cross-platform").out());
        assertThat(over.get("decisions").get(1).get("path").get(2).get("answer").asText()).isEqualTo("NO");
    }

    @Test
    void badInputIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        Path malformed = dir.resolve("bad.yaml");
        Files.writeString(malformed, "kind: [backend\nlatency_ms: 5\n");
        Path unknown = dir.resolve("unknown.json");
        Files.writeString(unknown, "{\"kind\": \"backend\", \"colour\": \"red\"}");
        Path badValue = dir.resolve("value.json");
        Files.writeString(badValue, "{\"kind\": \"spaceship\"}");
        for (String[] args : List.of(
                new String[] {"advise"},
                new String[] {"advise", "   "},
                new String[] {"advise", "--kind", "spaceship"},
                new String[] {"advise", "--latency-ms", "fast"},
                new String[] {"advise", "--latency-ms", "-3", "--kind", "backend"},
                new String[] {"advise", "--kind", "cli", "--web-target", "browser"},
                new String[] {"advise", "--brief-file", malformed.toString()},
                new String[] {"advise", "--brief-file", unknown.toString()},
                new String[] {"advise", "--brief-file", badValue.toString()},
                new String[] {"advise", "--brief-file", dir.resolve("missing.yaml").toString()},
                new String[] {"advise", "--no-such-flag"},
                new String[] {"advise", "--batch", "x.jsonl", "some text"})) {
            Run r = run(args);
            assertThat(r.code()).as("exit code of %s", String.join(" ", args)).isEqualTo(ExitCode.USAGE);
            assertThat(r.err()).as("stderr of %s", String.join(" ", args)).startsWith("rust-engineer: ")
                    .doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(r.err().lines().count()).as("lines of %s", String.join(" ", args)).isLessThanOrEqualTo(2);
            assertThat(r.out()).isEmpty();
        }
        assertThat(run("advise", "--kind", "cli", "--web-target", "browser").err()).contains("contradictory brief");
        assertThat(run("advise", "--brief-file", malformed.toString()).err()).contains("bad.yaml:").contains("not valid YAML");
        assertThat(run("advise", "--brief-file", unknown.toString()).err()).contains("unknown field 'colour'");
    }

    @Test
    void batchWritesOneAdvicePerLine(@TempDir Path dir) throws Exception {
        Path batch = dir.resolve("briefs.jsonl");
        Files.writeString(batch, """
                {"text": "A REST API for payments; p99 under 5 ms"}
                {"kind": "cli", "cross_platform": true}

                {"kind": "rocketship"}
                {"text": "A Spring Boot backend for claims"}
                """);
        Run r = run("advise", "--batch", batch.toString());
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(JSON.readTree(lines.get(0)).get("stack").get("web").asText()).isEqualTo("axum");
        assertThat(JSON.readTree(lines.get(1)).get("invoke").asBoolean()).isTrue();
        assertThat(JSON.readTree(lines.get(2)).get("line").asInt()).isEqualTo(4);
        assertThat(JSON.readTree(lines.get(2)).get("error").asText()).contains("rocketship");
        assertThat(JSON.readTree(lines.get(3)).get("route").asText()).isEqualTo("java-architect");
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void knowledgeDrawsTheTreesAsTheSpecDoes() throws Exception {
        Run r = run("knowledge");
        assertThat(r.code()).isZero();
        // CI clones the project with shared/ beside it.
        String spec = Files.readString(Path.of("../shared/spec/rust-engineer.md"));
        // The web framework tree is drawn as the spec draws it (the spec's hand-drawn NO sub-branch sits one column
        // further right than its own YES branches; the drawing here keeps one rule for both).
        for (String line : List.of("├─ Microservice / Performance-critical?", "│  ├─ YES → Need advanced routing/middleware?",
                "│  │        ├─ YES → **Axum** ✓", "│  │        │        (type-safe extractors, Tower middleware)",
                "│  └─ NO → Rapid prototyping?")) {
            assertThat(spec).contains(line);
            assertThat(r.out()).contains(line);
        }
        assertThat(r.out()).contains("├─ YES → Project type?").contains("│        │                        ├─ <10ms → **Rust (Axum/Actix)** ✓")
                .contains("See \"BACKEND API/SERVICE\" above").contains("RUSTSEC-2025-0052")
                .contains("| Runtime overhead | ~300KB (measured: ")
                .containsPattern("~50KB \\(measured: \\d+ KiB, bench/runtime-overhead\\.sh \\d{4}-\\d{2}-\\d{2}\\)");
        JsonNode j = JSON.readTree(run("knowledge", "--json").out());
        JsonNode overhead = j.at("/asyncRuntime/aspects/2");
        assertThat(overhead.get("id").asText()).isEqualTo("runtime-overhead");
        assertThat(overhead.at("/values/tokio").asText()).isEqualTo("~300KB");
        assertThat(overhead.at("/measured/tokio/value").asText()).endsWith("KiB");
        assertThat(overhead.at("/measured/tokio/source/command").asText()).isEqualTo("bench/runtime-overhead.sh");
        assertThat(j.at("/measurements/sources/0/rustc").asText()).startsWith("rustc ");
        assertThat(j.get("triggers")).hasSize(6);
        assertThat(j.get("patterns")).hasSize(7);
    }

    @Test
    void helpAndUnknownCommand() {
        assertThat(run("--help").out()).contains("advise").contains("knowledge");
        Run r = run("frobnicate");
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).startsWith("rust-engineer: ");
    }
}
