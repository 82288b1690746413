package dev.rustengineer.advise;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.rustengineer.RustEngineer;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The free-text briefs of {@code briefs/free-text.yaml}, each with the advice the spec gives. Prints the accuracy
 * reached, per category, and fails below 95%.
 */
class FreeTextAccuracyTest {
    private static final double REQUIRED = 0.95;

    @Test
    void freeTextBriefsReachTheSpecsAdvice() throws Exception {
        JsonNode cases;
        try (InputStream in = getClass().getResourceAsStream("/briefs/free-text.yaml")) {
            cases = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        RustEngineer re = RustEngineer.shared();
        List<String> failures = new ArrayList<>();
        Map<String, int[]> perCategory = new HashMap<>();
        for (JsonNode c : cases) {
            String text = c.get("text").asText();
            JsonNode advice = AdviceJson.toJson(re.advise(re.readText(text)));
            List<String> wrong = mismatches(c, advice);
            int[] counts = perCategory.computeIfAbsent(c.get("category").asText(), k -> new int[2]);
            counts[1]++;
            if (wrong.isEmpty()) {
                counts[0]++;
            } else {
                failures.add("\"" + text + "\": " + String.join("; ", wrong));
            }
        }
        int total = cases.size();
        int right = total - failures.size();
        double accuracy = (double) right / total;
        System.out.printf("free-text advice accuracy: %d/%d = %.1f%%%n", right, total, accuracy * 100);
        new java.util.TreeMap<>(perCategory).forEach((k, v) -> System.out.printf("  %-12s %d/%d%n", k, v[0], v[1]));
        failures.forEach(f -> System.out.println("  MISS " + f));
        assertThat(total).as("the suite keeps at least 60 briefs").isGreaterThanOrEqualTo(60);
        assertThat(accuracy).as("accuracy; misses:%n%s", String.join("\n", failures)).isGreaterThanOrEqualTo(REQUIRED);
    }

    static List<String> mismatches(JsonNode expected, JsonNode advice) {
        List<String> wrong = new ArrayList<>();
        if (expected.has("invoke") && expected.get("invoke").asBoolean() != advice.get("invoke").asBoolean()) {
            wrong.add("invoke " + advice.get("invoke") + " (route " + advice.get("route").asText() + ")");
        }
        if (expected.has("route") && !expected.get("route").asText().equals(advice.get("route").asText())) {
            wrong.add("route " + advice.get("route").asText());
        }
        if (expected.has("languages") && !expected.get("languages").equals(advice.get("languages"))) {
            wrong.add("languages " + advice.get("languages"));
        }
        if (expected.has("stack")) {
            expected.get("stack").properties().forEach(e -> {
                JsonNode actual = advice.get("stack").get(e.getKey());
                if (e.getValue().isArray()) {
                    // Listed features must all be present; the stack may hold more.
                    e.getValue().forEach(f -> {
                        if (actual == null || !contains(actual, f.asText())) {
                            wrong.add("stack." + e.getKey() + " lacks " + f.asText() + " (has " + actual + ")");
                        }
                    });
                } else if (actual == null || !actual.asText().equals(e.getValue().asText())) {
                    wrong.add("stack." + e.getKey() + " = " + actual);
                }
            });
        }
        if (expected.has("escalations")) {
            TreeSet<String> want = new TreeSet<>();
            expected.get("escalations").forEach(x -> want.add(x.asText()));
            TreeSet<String> got = new TreeSet<>();
            advice.get("escalations").forEach(x -> got.add(x.get("id").asText()));
            if (!want.equals(got)) {
                wrong.add("escalations " + got);
            }
        }
        if (expected.has("handoffs")) {
            TreeSet<String> got = new TreeSet<>();
            advice.get("handoffs").forEach(x -> got.add(x.get("to").asText()));
            expected.get("handoffs").forEach(h -> {
                if (!got.contains(h.asText())) {
                    wrong.add("handoffs lack " + h.asText() + " (has " + got + ")");
                }
            });
        }
        return wrong;
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode n : array) {
            if (n.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
