package dev.rustengineer.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.rustengineer.audit.rule.ComplexLifetimesRule;
import dev.rustengineer.audit.syntax.Edition2024;
import dev.rustengineer.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The corpus of tricky Rust files, with the exact count each rule must give, and the output formats. */
class AuditCorpusTest {
    static final Path CORPUS = Path.of("src/test/resources/audit-corpus/project");
    private final Auditor auditor = new Auditor();

    @Test
    void exactCountsPerRule() {
        AuditReport r = auditor.audit(CORPUS);
        Map<String, Long> counts = new TreeMap<>();
        r.findings().forEach(f -> counts.merge(f.rule(), 1L, Long::sum));
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("unsafe-block", 10L),         // 9 in unsafe_cases (2 in macro token trees) + 1 in the broken fn
                Map.entry("undocumented-unsafe", 6L),   // same-line and directly-above SAFETY comments count
                Map.entry("unsafe-fn", 5L),             // raw, exported (unsafe extern "C" fn), clone, noop, bodiless free in the extern block
                Map.entry("unsafe-impl", 1L),
                Map.entry("unsafe-trait", 1L),
                Map.entry("transmute", 3L),             // std::mem::, core::mem:: with turbofish, imported mem::
                Map.entry("ffi-boundary", 4L),          // two extern fns with bodies, extern block, edition-2024 unsafe extern block
                Map.entry("custom-executor", 2L),       // impl Wake, RawWakerVTable::new
                Map.entry("manual-future", 1L),
                Map.entry("complex-lifetimes", 3L),     // walk, Parser (where clause), apply (for<'x>); not pick, not one
                Map.entry("blocking-in-async", 6L),     // not the 2 short std Mutex lock()s (policy), not in the sync fn, not in spawn_blocking's closure
                Map.entry("lock-across-await", 1L),     // not when the guard is dropped before the await
                Map.entry("unwrap-in-production", 3L),  // 3 in unwrap_cases (one inside println!); not lock().unwrap() (poison), none in tests
                Map.entry("query-in-loop", 1L),         // the for over ids; not the counting while or the loop (a round per tick), not the batched one
                Map.entry("parse-error", 1L),
                Map.entry("non-utf8", 1L)));
        assertThat(r.files()).isEqualTo(10);
        assertThat(r.parseErrorFiles()).isEqualTo(1);
    }

    @Test
    void findingsAreLocatedAndCarryTheirEscalationsAndHandoffs() {
        List<Finding> f = auditor.audit(CORPUS).findings();
        assertThat(f).contains(
                new Finding("transmute", Severity.HIGH, "src/unsafe_cases.rs", 53, 22,
                        "`core::mem::transmute`: reinterprets the bits of a value", "unsafe-performance", null),
                new Finding("lock-across-await", Severity.HIGH, "src/async_cases.rs", 32, 5,
                        "std::sync guard `guard` is still held at the `.await` on line 33; drop it first or use an async mutex", null, null));
        assertThat(f).filteredOn(x -> x.rule().equals("query-in-loop")).allMatch(x -> "database-optimizer".equals(x.handoff()));
        assertThat(f).filteredOn(x -> x.rule().equals("custom-executor")).allMatch(x -> "custom-executor".equals(x.escalation()));
        assertThat(f).filteredOn(x -> x.rule().equals("unsafe-block")).extracting(Finding::line)
                .doesNotContain(1, 2, 4).contains(65, 70);
        assertThat(f).filteredOn(x -> x.file().startsWith("tests/")).isEmpty();
    }

    @Test
    void lexerKeepsStringsCommentsCharsAndLifetimesApart() {
        var tokens = RustLexer.tokens("let s = r#\"unsafe { \"x\" }\"#; /* unsafe { } */ let c = '\\''; let l: &'a str = \"{\"; b'{' unsafe {");
        assertThat(tokens).filteredOn(t -> t.text().equals("unsafe")).hasSize(1);
        assertThat(tokens).filteredOn(t -> t.kind().equals("lifetime")).extracting(RustLexer.Token::text).containsExactly("'a");
        assertThat(tokens).filteredOn(t -> t.kind().equals("literal")).hasSize(4);
        assertThat(ComplexLifetimesRule.lifetimeParameters("<'a, 'de: 'a, V: Visitor<'de>>")).isEqualTo(2);
        assertThat(Edition2024.blank("unsafe extern \"C\" { pub safe fn f(); }"))
                .isEqualTo("       extern \"C\" { pub      fn f(); }");
    }

    @Test
    void workspaceRulesCountServersAndWasmExports(@TempDir Path dir) throws Exception {
        for (int i = 0; i < 11; i++) {
            Path main = dir.resolve("svc" + i + "/src/main.rs");
            Files.createDirectories(main.getParent());
            Files.writeString(dir.resolve("svc" + i + "/Cargo.toml"), "[package]\nname = \"svc" + i + "\"\n");
            Files.writeString(main, "#[tokio::main]\nasync fn main() {\n    axum::serve(listener, app).await;\n}\n");
        }
        Path wasm = dir.resolve("ui/src/lib.rs");
        Files.createDirectories(wasm.getParent());
        Files.writeString(dir.resolve("ui/Cargo.toml"), "[package]\nname = \"ui\"\n");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 51; i++) {
            sb.append("#[wasm_bindgen]\npub fn f").append(i).append("() {}\n");
        }
        Files.writeString(wasm, sb.toString());
        AuditReport r = auditor.audit(dir);
        assertThat(r.findings()).filteredOn(f -> f.rule().equals("microservice-architecture")).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("11 binaries start network servers"));
        assertThat(r.findings()).filteredOn(f -> f.rule().equals("wasm-js-interop-at-scale")).singleElement()
                .satisfies(f -> assertThat(f.file()).isEqualTo("ui/Cargo.toml"));
    }

    @Test
    void sarifIsValidAgainstTheSchema() throws Exception {
        JsonNode sarif = AuditOutput.sarif(auditor.audit(CORPUS), auditor.rules(), "0.1.0");
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(Files.readString(Path.of("src/test/resources/sarif/sarif-2.1.0-subset.schema.json")), InputFormat.JSON);
        List<Error> errors = schema.validate(sarif.toString(), InputFormat.JSON);
        assertThat(errors).isEmpty();
        assertThat(sarif.at("/runs/0/results")).hasSize(49);
        assertThat(sarif.at("/runs/0/results/0/locations/0/physicalLocation/region/startLine").asInt()).isPositive();

        JsonNode broken = new ObjectMapper().readTree(sarif.toString().replace("\"level\":\"warning\"", "\"level\":\"loud\""));
        assertThat(schema.validate(broken.toString(), InputFormat.JSON)).as("the schema does reject a bad level").isNotEmpty();
    }

    @Test
    void theCliFormatsAndFailsOnASeverity() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThat(Main.run(new String[] {"audit", CORPUS.toString(), "--no-cache", "--fail-on", "high"}, ps, err)).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("HIGH (12)").contains("Escalations to oracle")
                .contains("-> database-optimizer");
        out.reset();
        assertThat(Main.run(new String[] {"audit", CORPUS.resolve("src/lifetime_cases.rs").getParent().toString(), "--no-cache", "--format", "json",
                "--fail-on", "critical"}, ps, err)).isZero();
        JsonNode j = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(j.at("/summary/by_rule/unsafe-block").asInt()).isEqualTo(10);
        assertThat(j.at("/findings/0").has("rule")).isTrue();
        assertThat(Main.run(new String[] {"audit", "/no/such/dir"}, ps, err)).isEqualTo(2);
        assertThat(Main.run(new String[] {"audit", CORPUS.toString(), "--format", "xml"}, ps, err)).isEqualTo(2);
        assertThat(Main.run(new String[] {"audit", CORPUS.toString(), "--fail-on", "scary"}, ps, err)).isEqualTo(2);
    }
}
