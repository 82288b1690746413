package dev.rustengineer.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the test harness's text (stable libtest has no JSON output): the "test result:" tallies, the names of
 * failing tests, and, from each failure's captured output, where it panicked and with what message.
 */
final class TestOutput {
    private static final Pattern RESULT = Pattern.compile("^test result: (?:ok|FAILED)\\. (\\d+) passed; (\\d+) failed; "
            + "(\\d+) ignored; (\\d+) measured; (\\d+) filtered out");
    private static final Pattern FAILED = Pattern.compile("^test (.+?) \\.\\.\\. FAILED$");
    private static final Pattern SECTION = Pattern.compile("^---- (.+) stdout ----$");
    // Since Rust 1.73: "thread 'name' panicked at src/lib.rs:8:9:" then the message; 1.9x adds the thread id.
    private static final Pattern PANIC = Pattern.compile("^thread '(.*?)'(?: \\(\\d+\\))? panicked at (.+?):(\\d+):(\\d+):$");
    private static final int MESSAGE_LINES = 4;

    private TestCounts counts;
    private final Map<String, Panic> failed = new LinkedHashMap<>();
    private String section;
    private Panic reading;

    private record Panic(String file, int line, int column, List<String> message) {}

    /** Reads one line of the harness's output; returns true when it was one the harness prints. */
    boolean line(String line) {
        if (reading != null) {
            if (line.isBlank() || line.startsWith("stack backtrace:") || line.startsWith("note: ") || line.startsWith("---- ")
                    || line.startsWith("failures:") || line.startsWith("test result: ")
                    || reading.message().size() == MESSAGE_LINES) {
                reading = null;
            } else {
                reading.message().add(line.strip());
                return true;
            }
        }
        Matcher m = RESULT.matcher(line);
        if (m.find()) {
            TestCounts c = new TestCounts(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)));
            counts = counts == null ? c : counts.plus(c);
            section = null;
            return true;
        }
        m = FAILED.matcher(line);
        if (m.matches()) {
            failed.putIfAbsent(m.group(1), null);
            return true;
        }
        m = SECTION.matcher(line);
        if (m.matches()) {
            section = m.group(1);
            return true;
        }
        m = PANIC.matcher(line);
        if (m.matches()) {
            // A panic on a thread the test spawned is still that test's failure: the section names the test.
            String test = section != null ? section : m.group(1);
            if (failed.containsKey(test) && failed.get(test) == null) {
                reading = new Panic(m.group(2), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), new ArrayList<>());
                failed.put(test, reading);
            }
            return true;
        }
        return false;
    }

    /** The harness's tallies, or null when no test binary reported any. */
    TestCounts counts() {
        return counts;
    }

    List<Diagnostic> diagnostics() {
        List<Diagnostic> out = new ArrayList<>();
        failed.forEach((test, panic) -> {
            if (panic == null) {
                out.add(new Diagnostic(null, 0, 0, "error", "test", test + " failed"));
            } else {
                String why = String.join(" ", panic.message());
                out.add(new Diagnostic(panic.file(), panic.line(), panic.column(), "error", "test",
                        test + " failed" + (why.isEmpty() ? "" : ": " + why)));
            }
        });
        return out;
    }
}
