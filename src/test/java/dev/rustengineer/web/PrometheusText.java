package dev.rustengineer.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scrape of /metrics as samples, for the tests to count with, and promtool's verdict on it. The format itself is
 * promtool's to judge ({@link #assertPromtoolAccepts}); this reader only needs the sample lines, which have no
 * escapes in our label values (routes, methods, status classes, pool names).
 */
record PrometheusText(List<Sample> samples) {
    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"([^\"]*)\",?");
    /** promtool: Debian's prometheus package, installed by scripts/setup.d/40-handoff-tools.sh. */
    static final String PROMTOOL = "/usr/bin/promtool";

    record Sample(String name, Map<String, String> labels, double value) {}

    static PrometheusText parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.lines().toList()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            assertThat(m.matches()).as("a sample line: %s", line).isTrue();
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(2) != null) {
                Matcher l = LABEL.matcher(m.group(2));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3))));
        }
        return new PrometheusText(samples);
    }

    List<Sample> named(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }

    /** The value of the one sample with this name whose labels include {@code labels}; 0 when there is none. */
    double value(String name, Map<String, String> labels) {
        List<Sample> found = named(name).stream().filter(s -> s.labels().entrySet().containsAll(labels.entrySet())).toList();
        assertThat(found.size()).as("%s%s matches at most one sample", name, labels).isLessThanOrEqualTo(1);
        return found.isEmpty() ? 0 : found.getFirst().value();
    }

    static void assertPromtoolAccepts(String text) throws IOException, InterruptedException {
        assertThat(Path.of(PROMTOOL)).as("promtool: run scripts/setup.d/40-handoff-tools.sh").isExecutable();
        Process p = new ProcessBuilder(PROMTOOL, "check", "metrics").redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("promtool check metrics:\n%s", out).isZero();
    }
}
