package dev.rustengineer.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The readable summary of a verification: one row per step, then the diagnostics that made steps fail. */
public final class ReportText {
    private static final int MAX_DIAGNOSTICS = 30;

    private ReportText() {}

    public static String render(VerificationReport report) {
        List<String> out = new ArrayList<>();
        out.add("");
        out.add((report.passed() ? "PASSED" : "FAILED") + "  " + report.project());
        for (StepResult r : report.steps()) {
            out.add(String.format(Locale.ROOT, "  %-6s %-6s %7.1fs  %s", r.step().cliName(), r.passed() ? "pass" : "FAIL",
                    r.elapsed().toMillis() / 1000.0, r.summary()));
        }
        List<Diagnostic> shown = failing(report);
        if (!shown.isEmpty()) {
            out.add("");
            shown.stream().limit(MAX_DIAGNOSTICS).forEach(d -> out.add("  " + line(d)));
            if (shown.size() > MAX_DIAGNOSTICS) {
                out.add("  ... and " + (shown.size() - MAX_DIAGNOSTICS) + " more (--json lists them all)");
            }
        }
        return String.join(System.lineSeparator(), out) + System.lineSeparator();
    }

    /** The diagnostics of the steps that failed, without rustc's note and help lines. */
    public static List<Diagnostic> failing(VerificationReport report) {
        return report.steps().stream().filter(r -> !r.passed()).flatMap(r -> r.diagnostics().stream())
                .filter(d -> !d.level().equals("note") && !d.level().equals("help")).toList();
    }

    /** One diagnostic as `file:line:column: level[code]: message`, the way rustc prints it. */
    public static String line(Diagnostic d) {
        return (d.file() == null ? "" : d.file() + ":" + d.line() + ":" + d.column() + ": ") + d.level()
                + (d.code() == null ? "" : "[" + d.code() + "]") + ": " + d.message();
    }
}
