// Warm advise latency per brief inside one JVM, run by bench/advise.sh:
//   java -cp target/rust-engineer.jar bench/AdviseBench.java [samples per variant, default 1000]
// Over every brief of the labelled corpus (knowledge/briefs/), side by side in one run, interleaved brief by brief
// so a busy machine slows every variant alike:
//   - the sentence embedding as langchain4j runs it (its default ONNX session: one spinning thread per core),
//   - the same model through OnnxSentenceEncoder with that default session, and with the settings it ships
//     (one intra-op thread, no spinning) and two threads without spinning,
//   - the whole of advise (rules, embedding, learned reader, trees) as the CLI runs it, and the same with every
//     brief's embedding remembered from the warm-up (what the reading costs besides the embedding),
// so the ratios say what the session settings and the reading cost.
//   java -cp target/rust-engineer.jar bench/AdviseBench.java SAMPLES sessions
// measures only the embedding, through OnnxSentenceEncoder with each of ONNX Runtime's session options that may
// matter for one short text at a time (threads, spinning, execution mode, memory pattern, CPU arena), after checking
// that every variant gives the shipped session's vectors bit for bit over the whole corpus.
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.rustengineer.RustEngineer;
import dev.rustengineer.brief.Embedder;
import dev.rustengineer.brief.OnnxSentenceEncoder;
import dev.rustengineer.brief.TextBriefReader;
import dev.rustengineer.brief.corpus.BriefCorpus;
import dev.rustengineer.brief.corpus.CorpusBrief;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

public class AdviseBench {
    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        if (args.length > 1 && args[1].equals("sessions")) {
            sessions(samples);
            return;
        }
        long t0 = System.nanoTime();
        RustEngineer re = RustEngineer.shared();
        double loadMs = (System.nanoTime() - t0) / 1e6;
        List<String> texts = BriefCorpus.bundled().all().stream().map(CorpusBrief::text).toList();
        long t1 = System.nanoTime();
        re.advise(re.readText(texts.getFirst()));
        double firstMs = (System.nanoTime() - t1) / 1e6;
        System.out.printf(Locale.ROOT, "knowledge load %.0f ms; first brief (model load or train) %.0f ms; %d briefs, %d samples per variant%n",
                loadMs, firstMs, texts.size(), samples);
        EmbeddingModel langchain4j = new AllMiniLmL6V2QuantizedEmbeddingModel();
        OnnxSentenceEncoder defaults = OnnxSentenceEncoder.load(new OnnxSentenceEncoder.Settings(0, true));
        OnnxSentenceEncoder shipped = OnnxSentenceEncoder.load();
        OnnxSentenceEncoder two = OnnxSentenceEncoder.load(new OnnxSentenceEncoder.Settings(2, false));
        Map<String, Consumer<String>> variants = new LinkedHashMap<>();
        variants.put("embedding, langchain4j (default session)", t -> langchain4j.embed(t));
        variants.put("embedding, ours, default session", defaults::vector);
        variants.put("embedding, ours, 2 threads, no spin", two::vector);
        variants.put("embedding, ours, 1 thread, no spin (shipped)", shipped::vector);
        variants.put("whole advise (as the CLI)", t -> re.advise(re.readText(t)));
        // The same reader with every embedding remembered after the warm-up: what advise costs besides the embedding.
        TextBriefReader remembered = new TextBriefReader(re.knowledge(), Embedder.shared().memoizing(), BriefCorpus::bundled);
        variants.put("advise without the embedding (remembered)", t -> re.advise(remembered.read(t)));
        Map<String, double[]> results = measure(texts, samples, variants);
        results.forEach(AdviseBench::print);
        double[] base = results.get("embedding, langchain4j (default session)");
        double[] ours = results.get("embedding, ours, 1 thread, no spin (shipped)");
        double[] whole = results.get("whole advise (as the CLI)");
        System.out.printf(Locale.ROOT, "ratio shipped / langchain4j embedding: p50 %.2fx, p99 %.2fx; whole advise p50 / shipped embedding p50 %.2fx%n",
                ours[1] / base[1], ours[2] / base[2], whole[1] / ours[1]);
    }

    /** The embedding alone under each session variant; the shipped one is the ratios' base. */
    static void sessions(int samples) {
        List<String> texts = BriefCorpus.bundled().all().stream().map(CorpusBrief::text).toList();
        Map<String, OnnxSentenceEncoder.Settings> settings = new LinkedHashMap<>();
        settings.put("shipped: 1 thread, no spin, sequential, pattern, arena", new OnnxSentenceEncoder.Settings(1, false));
        settings.put("ORT default: 1 thread per core, spinning", new OnnxSentenceEncoder.Settings(0, true));
        settings.put("1 thread per core, no spin", new OnnxSentenceEncoder.Settings(0, false));
        settings.put("shipped, parallel execution", new OnnxSentenceEncoder.Settings(1, false, true, true, true));
        settings.put("shipped, no memory pattern", new OnnxSentenceEncoder.Settings(1, false, false, false, true));
        settings.put("shipped, no CPU arena", new OnnxSentenceEncoder.Settings(1, false, false, true, false));
        settings.put("shipped, no pattern, no arena", new OnnxSentenceEncoder.Settings(1, false, false, false, false));
        Map<String, OnnxSentenceEncoder> encoders = new LinkedHashMap<>();
        settings.forEach((name, s) -> encoders.put(name, OnnxSentenceEncoder.load(s)));
        OnnxSentenceEncoder shipped = encoders.values().iterator().next();
        encoders.forEach((name, encoder) -> {
            long differ = texts.stream().filter(t -> !Arrays.equals(shipped.vector(t), encoder.vector(t))).count();
            System.out.printf(Locale.ROOT, "%-56s vectors differing from the shipped session's: %d of %d%n", name, differ, texts.size());
        });
        Map<String, Consumer<String>> variants = new LinkedHashMap<>();
        encoders.forEach((name, encoder) -> variants.put(name, encoder::vector));
        Map<String, double[]> results = measure(texts, samples, variants);
        double[] base = results.get(settings.keySet().iterator().next());
        results.forEach((name, v) -> System.out.printf(Locale.ROOT,
                "%-56s %6.0f briefs/s   p50 %6.3f ms   p99 %6.3f ms   max %7.3f ms   p50 %.2fx, p99 %.2fx of shipped%n",
                name, v[0], v[1], v[2], v[3], v[1] / base[1], v[2] / base[2]));
    }

    /**
     * Each variant's {briefs per second, p50 ms, p99 ms, max ms}: a warm-up of 500 briefs, then {@code n} briefs
     * spread over the whole corpus, each run by every variant in turn (starting with a different one each brief).
     */
    static Map<String, double[]> measure(List<String> texts, int n, Map<String, Consumer<String>> variants) {
        List<Consumer<String>> work = new ArrayList<>(variants.values());
        for (int i = 0; i < 500; i++) {
            String t = texts.get(i * 7 % texts.size());
            work.forEach(w -> w.accept(t));
        }
        // Every brief measured below once through each variant, so a remembering one has seen them all.
        for (int i = 0; i < n; i++) {
            work.getLast().accept(texts.get((int) ((long) i * 7919 % texts.size())));
        }
        long[][] each = new long[work.size()][n];
        long[] total = new long[work.size()];
        long gcBefore = gcMillis();
        for (int i = 0; i < n; i++) {
            String t = texts.get((int) ((long) i * 7919 % texts.size()));
            for (int k = 0; k < work.size(); k++) {
                int v = (i + k) % work.size();
                long s = System.nanoTime();
                work.get(v).accept(t);
                each[v][i] = System.nanoTime() - s;
                total[v] += each[v][i];
            }
        }
        System.out.printf(Locale.ROOT, "GC during the measured rounds: %d ms in all%n", gcMillis() - gcBefore);
        Map<String, double[]> out = new LinkedHashMap<>();
        int v = 0;
        for (String name : variants.keySet()) {
            long[] e = each[v];
            Arrays.sort(e);
            out.put(name, new double[] {n / (total[v] / 1e9), e[n / 2] / 1e6, e[(int) (n * 0.99)] / 1e6, e[n - 1] / 1e6});
            v++;
        }
        return out;
    }

    static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    static void print(String label, double[] v) {
        System.out.printf(Locale.ROOT, "%-46s %6.0f briefs/s   p50 %6.3f ms   p99 %6.3f ms   max %7.3f ms%n", label, v[0], v[1], v[2], v[3]);
    }
}
