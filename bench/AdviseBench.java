// Warm advise throughput and per-brief latency inside one JVM, run by bench/advise.sh:
//   java -cp target/rust-engineer.jar bench/AdviseBench.java src/test/resources/briefs/free-text.yaml
// Two paths side by side: briefs the text rules decide alone, and briefs that need the embedding model.
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.rustengineer.RustEngineer;
import dev.rustengineer.brief.Brief;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

public class AdviseBench {
    public static void main(String[] args) throws Exception {
        JsonNode cases = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(Path.of(args[0])));
        long t0 = System.nanoTime();
        RustEngineer re = RustEngineer.shared();
        double loadMs = (System.nanoTime() - t0) / 1e6;
        List<String> rules = new ArrayList<>();
        List<String> model = new ArrayList<>();
        for (JsonNode c : cases) {
            String text = c.get("text").asText();
            Brief b = re.readText(text);
            boolean usedModel = b.evidence().values().stream().anyMatch(e -> e.source().equals("embedding"));
            (usedModel ? model : rules).add(text);
        }
        System.out.printf(Locale.ROOT, "knowledge load: %.1f ms; briefs: %d decided by rules, %d needing the model%n",
                loadMs, rules.size(), model.size());
        double[] r = measure(re, rules, 20_000);
        double[] m = model.isEmpty() ? null : measure(re, model, 2_000);
        print("rules only", r);
        if (m != null) {
            print("with model", m);
            System.out.printf(Locale.ROOT, "ratio (model path p50 / rules path p50): %.1fx%n", m[1] / r[1]);
        }
    }

    /** Returns {briefs per second, p50 ms, p99 ms, max ms} after a warm-up of the same size. */
    static double[] measure(RustEngineer re, List<String> texts, int n) {
        for (int i = 0; i < n; i++) {
            re.advise(re.readText(texts.get(i % texts.size())));
        }
        long[] each = new long[n];
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            re.advise(re.readText(texts.get(i % texts.size())));
            each[i] = System.nanoTime() - s;
        }
        double total = (System.nanoTime() - start) / 1e9;
        Arrays.sort(each);
        return new double[] {n / total, each[n / 2] / 1e6, each[(int) (n * 0.99)] / 1e6, each[n - 1] / 1e6};
    }

    static void print(String label, double[] v) {
        System.out.printf(Locale.ROOT, "%-11s %9.0f briefs/s   p50 %.3f ms   p99 %.3f ms   max %.3f ms%n", label, v[0], v[1], v[2], v[3]);
    }
}
