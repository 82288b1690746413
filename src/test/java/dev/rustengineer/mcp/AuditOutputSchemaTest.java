package dev.rustengineer.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.rustengineer.audit.AuditOutput;
import dev.rustengineer.audit.AuditRules;
import dev.rustengineer.audit.AuditRun;
import dev.rustengineer.audit.Auditor;
import dev.rustengineer.audit.gate.AuditGate;
import dev.rustengineer.audit.gate.Baseline;
import dev.rustengineer.audit.gate.GatedReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MCP audit tool's outputSchema describes what the audit really prints: a report with a suppressed finding
 * and a baseline is valid against it, and every field the report carries (summary, finding, suppression) is
 * declared, so a field added to the output without the schema fails here rather than surprising an agent.
 */
class AuditOutputSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LIB = """
            pub fn a(x: Option<u32>) -> u32 {
                x.unwrap() // rust-engineer: allow(unwrap-in-production) the caller checks is_some first
            }

            pub fn c(p: *const u8) -> u8 {
                unsafe { *p }
            }
            """;

    @Test
    void aReportWithSuppressionsAndABaselineIsDescribedFieldByField(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/lib.rs"), LIB);
        AuditRules rules = AuditRules.bundled();
        AuditGate gate = new AuditGate(rules);
        AuditRun run = new Auditor(rules).run(dir, false, false);
        Baseline one = new Baseline(Baseline.of(gate.apply(run, null, null).results()).entries().subList(0, 1));
        GatedReport report = gate.apply(run, one, null);
        JsonNode output = AuditOutput.json(report, 100);
        JsonNode schemaNode = JSON.valueToTree(OutputSchemas.of("audit"));

        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(schemaNode.toString(), InputFormat.JSON);
        assertThat(schema.validate(output.toString(), InputFormat.JSON)).isEmpty();

        assertThat(output.at("/findings").findValues("status")).extracting(JsonNode::asText)
                .contains("new", "baseline", "suppressed");
        assertThat(undeclared(output, schemaNode)).isEmpty();
    }

    /** Every object field of the output that the schema's properties do not name, as a JSON pointer. */
    private static List<String> undeclared(JsonNode output, JsonNode schema) {
        List<String> missing = new ArrayList<>();
        walk(output, schema, "", missing);
        return missing;
    }

    private static void walk(JsonNode value, JsonNode schema, String at, List<String> missing) {
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                walk(value.get(i), schema.get("items"), at + "/" + i, missing);
            }
        } else if (value.isObject() && schema.has("properties")) {
            value.properties().forEach(e -> {
                JsonNode declared = schema.get("properties").get(e.getKey());
                if (declared == null) {
                    missing.add(at + "/" + e.getKey());
                } else {
                    walk(e.getValue(), declared, at + "/" + e.getKey(), missing);
                }
            });
        }
    }
}
