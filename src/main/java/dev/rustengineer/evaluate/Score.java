package dev.rustengineer.evaluate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** How the advice did on a set of labelled briefs: field by field, invoke and route together, and route's confusion. */
public final class Score {
    private final Map<Expected, int[]> fields = new EnumMap<>(Expected.class);
    private final Map<String, Map<String, Integer>> confusion = new TreeMap<>();
    private final List<String> misses = new ArrayList<>();
    private int briefs;
    private int invokeAndRoute;

    void count(Expected field, boolean right) {
        int[] c = fields.computeIfAbsent(field, f -> new int[2]);
        c[1]++;
        if (right) {
            c[0]++;
        }
    }

    void brief(String expectedRoute, String actualRoute, boolean invokeAndRouteRight) {
        briefs++;
        if (invokeAndRouteRight) {
            invokeAndRoute++;
        }
        confusion.computeIfAbsent(expectedRoute, k -> new TreeMap<>()).merge(actualRoute, 1, Integer::sum);
    }

    void miss(String line) {
        misses.add(line);
    }

    public int briefs() {
        return briefs;
    }

    /** Right answers over checked answers, over every field of every brief. */
    public double fieldAccuracy() {
        int right = 0;
        int total = 0;
        for (int[] c : fields.values()) {
            right += c[0];
            total += c[1];
        }
        return total == 0 ? 0 : (double) right / total;
    }

    public double invokeAndRouteAccuracy() {
        return briefs == 0 ? 0 : (double) invokeAndRoute / briefs;
    }

    public double accuracy(Expected field) {
        int[] c = fields.get(field);
        return c == null || c[1] == 0 ? 1 : (double) c[0] / c[1];
    }

    public List<String> misses() {
        return misses;
    }

    public String report(String title) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%s: %d briefs, fields %.1f%%, invoke+route %.1f%%%n", title, briefs,
                100 * fieldAccuracy(), 100 * invokeAndRouteAccuracy()));
        fields.forEach((f, c) -> s.append(String.format(Locale.ROOT, "  %-12s %4d/%-4d %5.1f%%%n", f.key(), c[0], c[1],
                100.0 * c[0] / c[1])));
        TreeSet<String> cols = new TreeSet<>();
        confusion.values().forEach(m -> cols.addAll(m.keySet()));
        s.append("  route confusion (rows expected, columns advised):\n");
        s.append(String.format(Locale.ROOT, "  %-22s", ""));
        cols.forEach(c -> s.append(String.format(Locale.ROOT, " %8.8s", c)));
        s.append('\n');
        confusion.forEach((row, m) -> {
            s.append(String.format(Locale.ROOT, "  %-22s", row));
            cols.forEach(c -> s.append(String.format(Locale.ROOT, " %8d", m.getOrDefault(c, 0))));
            s.append('\n');
        });
        return s.toString();
    }
}
