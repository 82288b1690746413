package dev.rustengineer.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where serve writes what happens: each answered request, each unexpected failure and its own life (listening,
 * ready, stopping). Text keeps today's quiet stderr (failures through SLF4J); JSON writes one object per line with
 * {@code time}, {@code level}, {@code message} and the request's {@code request_id}, {@code method}, {@code route},
 * {@code path}, {@code status} and {@code duration_ms}, for a log collector.
 *
 * <p>The JSON layout is written here rather than by logback's JsonEncoder: slf4j-simple stays the one backend of
 * every command (logback would add its configuration, its start-up cost and the JDK modules it pulls into the
 * distribution's jlink image for one command's log format), and these few fields are all a collector needs.
 */
public sealed interface ServeLog permits ServeLog.Text, ServeLog.Json {

    void request(RequestRecord r);

    void failure(String requestId, String method, String path, Throwable e);

    void event(String level, String message);

    static ServeLog of(LogFormat format, PrintStream err) {
        return format == LogFormat.JSON ? new Json(err) : new Text();
    }

    /**
     * The log for the serve command: for JSON, stderr itself is made JSON-only ({@link StderrAsJson} wraps what
     * other writers print there) and this log writes its own lines to the stream underneath.
     */
    static ServeLog install(LogFormat format) {
        return format == LogFormat.JSON ? new Json(StderrAsJson.install()) : new Text();
    }

    /** Requests unlogged; failures to SLF4J (stderr) with the id the problem carries. */
    record Text() implements ServeLog {
        private static final Logger LOG = LoggerFactory.getLogger(ServeLog.class);

        @Override
        public void request(RequestRecord r) {}

        @Override
        public void failure(String requestId, String method, String path, Throwable e) {
            LOG.error("500 {} on {} {}", requestId, method, path, e);
        }

        @Override
        public void event(String level, String message) {
            if (level.equals("WARN") || level.equals("ERROR")) {
                LOG.warn(message);
            }
        }
    }

    /** One JSON object per line, each written whole so that lines from concurrent requests never interleave. */
    record Json(PrintStream out) implements ServeLog {
        private static final ObjectMapper JSON = new ObjectMapper();

        @Override
        public void request(RequestRecord r) {
            var line = line(r.status() >= 500 ? "ERROR" : "INFO", r.method() + " " + r.path() + " " + r.status());
            line.put("request_id", r.id());
            line.put("method", r.method());
            line.put("route", r.route());
            line.put("path", r.path());
            line.put("status", r.status());
            line.put("duration_ms", Math.round(r.millis() * 1000) / 1000.0);
            write(line);
        }

        @Override
        public void failure(String requestId, String method, String path, Throwable e) {
            var line = line("ERROR", "500 on " + method + " " + path + ": " + e);
            line.put("request_id", requestId);
            var trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            line.put("stack", trace.toString());
            write(line);
        }

        @Override
        public void event(String level, String message) {
            write(line(level, message));
        }

        static Map<String, Object> line(String level, String message) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("time", Instant.now().toString());
            line.put("level", level);
            line.put("message", message);
            return line;
        }

        private void write(Map<String, Object> line) {
            try {
                String text = JSON.writeValueAsString(line) + "\n";
                synchronized (out) {
                    out.print(text);
                    out.flush();
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a map of strings and numbers always serialises", e);
            }
        }
    }
}
