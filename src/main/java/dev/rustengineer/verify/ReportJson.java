package dev.rustengineer.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The machine-readable verification report: a summary per step first, then each step with its exit code, time,
 * error and warning counts, test counts (test step) and diagnostics as records. A diagnostic without a place (a
 * failing test that did not panic, cargo's own error) has a null file and no line or column.
 */
public final class ReportJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportJson() {}

    public static ObjectNode toJson(VerificationReport report) {
        ObjectNode o = JSON.createObjectNode();
        o.put("project", report.project().toString());
        o.put("passed", report.passed());
        var summary = o.putObject("summary");
        report.steps().forEach(r -> summary.put(r.step().cliName(), (r.passed() ? "pass: " : "FAIL: ") + r.summary()));
        var steps = o.putArray("steps");
        for (StepResult r : report.steps()) {
            ObjectNode s = steps.addObject();
            s.put("step", r.step().cliName());
            s.put("passed", r.passed());
            s.put("exit_code", r.exitCode());
            s.put("timed_out", r.timedOut());
            s.put("elapsed_ms", r.elapsed().toMillis());
            s.put("summary", r.summary());
            s.put("errors", r.diagnostics().stream().filter(d -> d.level().equals("error")).count());
            s.put("warnings", r.diagnostics().stream().filter(d -> d.level().equals("warning")).count());
            if (r.tests() != null) {
                ObjectNode t = s.putObject("tests");
                t.put("passed", r.tests().passed());
                t.put("failed", r.tests().failed());
                t.put("ignored", r.tests().ignored());
                t.put("measured", r.tests().measured());
                t.put("filtered_out", r.tests().filteredOut());
            }
            var diags = s.putArray("diagnostics");
            for (Diagnostic d : r.diagnostics()) {
                ObjectNode dn = diags.addObject();
                if (d.file() != null) {
                    dn.put("file", d.file());
                    dn.put("line", d.line());
                    dn.put("column", d.column());
                } else {
                    dn.putNull("file");
                }
                dn.put("level", d.level());
                if (d.code() != null) {
                    dn.put("code", d.code());
                } else {
                    dn.putNull("code");
                }
                dn.put("message", d.message());
            }
        }
        return o;
    }
}
