package dev.rustengineer.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * With {@code --log-format json}, stderr carries only JSON: this stream, set as {@code System.err}, turns each line
 * another writer prints there (slf4j-simple's warnings from Jetty or ONNX Runtime, a stack trace) into one
 * {@code {"time","level","message","logger"}} object. slf4j-simple prints to whatever {@code System.err} is at each
 * call (its output choice is not cached), so no library needs to know. A stack trace becomes one object per line:
 * joining them would mean holding a line back until the next one shows whether it continues.
 */
final class StderrAsJson extends OutputStream {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** slf4j-simple's layout: {@code [thread] LEVEL logger - message}. */
    private static final Pattern SIMPLE = Pattern.compile("\\[(?<thread>[^]]*)] (?<level>TRACE|DEBUG|INFO|WARN|ERROR) (?<logger>\\S+) - (?<message>.*)");
    private static final int MAX_LINE = 64 * 1024;

    private final PrintStream target;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    StderrAsJson(PrintStream target) {
        this.target = target;
    }

    /** Installs it as System.err, over the stream that was there. */
    static PrintStream install() {
        PrintStream original = System.err;
        System.setErr(new PrintStream(new StderrAsJson(original), true, StandardCharsets.UTF_8));
        return original;
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            emit();
        } else if (line.size() < MAX_LINE) {
            line.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    @Override
    public synchronized void flush() {
        target.flush();
    }

    private void emit() {
        String text = line.toString(StandardCharsets.UTF_8).stripTrailing();
        line.reset();
        if (text.isEmpty()) {
            return;
        }
        Matcher m = SIMPLE.matcher(text);
        var object = m.matches() ? ServeLog.Json.line(m.group("level"), m.group("message")) : ServeLog.Json.line("WARN", text);
        if (m.matches()) {
            object.put("logger", m.group("logger"));
        }
        try {
            String json = JSON.writeValueAsString(object) + "\n";
            synchronized (target) {
                target.print(json);
                target.flush();
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }
}
