package dev.rustengineer.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what cargo prints into diagnostics: its JSON messages (`--message-format=json`) for the compiler and
 * clippy, rustfmt's "Diff in FILE:LINE:" lines, and the test harness's result and FAILED lines.
 */
final class CargoOutput {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FMT_DIFF = Pattern.compile("^Diff in (.+?):(\\d+):\\s*$");
    private static final Pattern TEST_RESULT = Pattern.compile(
            "^test result: (ok|FAILED)\\. (\\d+) passed; (\\d+) failed; (\\d+) ignored");
    private static final Pattern TEST_FAILED = Pattern.compile("^test (\\S+) \\.\\.\\. FAILED$");

    final List<Diagnostic> diagnostics = new ArrayList<>();
    int passed;
    int failed;
    int ignored;
    boolean sawTestResult;

    void line(String line) {
        if (line.startsWith("{")) {
            json(line);
            return;
        }
        Matcher m = FMT_DIFF.matcher(line);
        if (m.matches()) {
            diagnostics.add(new Diagnostic(m.group(1), Integer.parseInt(m.group(2)), 1, "error", "fmt", "not formatted as rustfmt would"));
            return;
        }
        m = TEST_RESULT.matcher(line);
        if (m.find()) {
            sawTestResult = true;
            passed += Integer.parseInt(m.group(2));
            failed += Integer.parseInt(m.group(3));
            ignored += Integer.parseInt(m.group(4));
            return;
        }
        m = TEST_FAILED.matcher(line);
        if (m.matches()) {
            diagnostics.add(new Diagnostic(null, 0, 0, "failed", "test", "test " + m.group(1) + " failed"));
        }
    }

    private void json(String line) {
        JsonNode msg;
        try {
            msg = JSON.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return; // a test printing JSON-looking text: not ours to read
        }
        if (!"compiler-message".equals(msg.path("reason").asText())) {
            return;
        }
        JsonNode m = msg.path("message");
        String level = m.path("level").asText();
        if (level.equals("failure-note") || m.path("message").asText().startsWith("aborting due to")) {
            return;
        }
        JsonNode primary = null;
        for (JsonNode span : m.path("spans")) {
            if (span.path("is_primary").asBoolean()) {
                primary = span;
                break;
            }
        }
        String code = m.path("code").isObject() ? m.path("code").path("code").asText(null) : null;
        if (primary == null) {
            if (m.path("message").asText().matches("\\d+ (warnings?|errors?) emitted|.*generated \\d+ warnings?.*")) {
                return;
            }
            diagnostics.add(new Diagnostic(null, 0, 0, level, code, m.path("message").asText()));
            return;
        }
        diagnostics.add(new Diagnostic(primary.path("file_name").asText(), primary.path("line_start").asInt(),
                primary.path("column_start").asInt(), level, code, m.path("message").asText()));
    }

    String summary(VerifyStep step, boolean passedStep) {
        long errors = diagnostics.stream().filter(d -> d.level().equals("error")).count();
        long warnings = diagnostics.stream().filter(d -> d.level().equals("warning")).count();
        return switch (step) {
            case FMT -> passedStep ? "formatted" : diagnostics.size() + " place(s) not formatted";
            case TEST -> sawTestResult
                    ? passed + " passed, " + failed + " failed" + (ignored > 0 ? ", " + ignored + " ignored" : "")
                    : errors + " error(s), " + warnings + " warning(s); no tests ran";
            default -> errors + " error(s), " + warnings + " warning(s)";
        };
    }
}
