package dev.rustengineer.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns cargo's JSON messages (`--message-format=json`, one object a line) into diagnostics. Only
 * "compiler-message" records count; rustc's closing tallies ("aborting due to...", "3 warnings emitted") are not
 * diagnostics. The same message reached through two targets (`--all-targets` checks the library once as a library
 * and once as its test harness) is kept once.
 */
final class CompilerMessages {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TALLY = Pattern.compile(
            "aborting due to .*|\\d+ (warnings?|errors?)( and \\d+ warnings?)? emitted|.*generated \\d+ warnings?.*");

    private final Set<Diagnostic> diagnostics = new LinkedHashSet<>();

    /** Reads one stdout line; returns false when it is not a cargo JSON message (then it is someone's text). */
    boolean line(String line) {
        if (!line.startsWith("{\"reason\":")) {
            return false;
        }
        JsonNode msg;
        try {
            msg = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return false;
        }
        if ("compiler-message".equals(msg.path("reason").asText())) {
            add(msg.path("message"));
        }
        return true;
    }

    private void add(JsonNode m) {
        String level = m.path("level").asText();
        String text = m.path("message").asText();
        if (level.equals("failure-note") || TALLY.matcher(text).matches()) {
            return;
        }
        String code = m.path("code").isObject() ? m.path("code").path("code").asText(null) : null;
        JsonNode primary = null;
        for (JsonNode span : m.path("spans")) {
            if (span.path("is_primary").asBoolean()) {
                primary = span;
                break;
            }
        }
        if (primary == null) {
            diagnostics.add(new Diagnostic(null, 0, 0, level, code, text));
        } else {
            diagnostics.add(new Diagnostic(primary.path("file_name").asText(), primary.path("line_start").asInt(),
                    primary.path("column_start").asInt(), level, code, text));
        }
    }

    List<Diagnostic> diagnostics() {
        return List.copyOf(diagnostics);
    }
}
