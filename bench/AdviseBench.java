// Warm advise latency per brief inside one JVM, run by bench/advise.sh:
//   java -cp target/rust-engineer.jar bench/AdviseBench.java
// Over every brief of the labelled corpus (knowledge/briefs/), side by side: the sentence embedding alone, and
// the whole of advise (rules, embedding, learned reader, trees), so the ratio says what the reading costs.
import dev.rustengineer.RustEngineer;
import dev.rustengineer.brief.corpus.BriefCorpus;
import dev.rustengineer.brief.corpus.CorpusBrief;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

public class AdviseBench {
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        RustEngineer re = RustEngineer.shared();
        double loadMs = (System.nanoTime() - t0) / 1e6;
        List<String> texts = BriefCorpus.bundled().all().stream().map(CorpusBrief::text).toList();
        long t1 = System.nanoTime();
        re.advise(re.readText(texts.getFirst()));
        double firstMs = (System.nanoTime() - t1) / 1e6;
        System.out.printf(Locale.ROOT, "knowledge load %.0f ms; first brief (model load or train) %.0f ms; %d briefs%n",
                loadMs, firstMs, texts.size());
        double[] e = measure(texts, 2_000, t -> re.textReader().embedder().embed(t));
        double[] a = measure(texts, 2_000, t -> re.advise(re.readText(t)));
        print("embedding alone", e);
        print("whole advise", a);
        System.out.printf(Locale.ROOT, "ratio (whole advise p50 / embedding p50): %.2fx%n", a[1] / e[1]);
    }

    /** Returns {briefs per second, p50 ms, p99 ms, max ms} after a warm-up of the same size. */
    static double[] measure(List<String> texts, int n, Consumer<String> work) {
        for (int i = 0; i < n; i++) {
            work.accept(texts.get(i % texts.size()));
        }
        long[] each = new long[n];
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            work.accept(texts.get(i % texts.size()));
            each[i] = System.nanoTime() - s;
        }
        double total = (System.nanoTime() - start) / 1e9;
        Arrays.sort(each);
        return new double[] {n / total, each[n / 2] / 1e6, each[(int) (n * 0.99)] / 1e6, each[n - 1] / 1e6};
    }

    static void print(String label, double[] v) {
        System.out.printf(Locale.ROOT, "%-16s %7.0f briefs/s   p50 %.3f ms   p99 %.3f ms   max %.3f ms%n", label, v[0], v[1], v[2], v[3]);
    }
}
