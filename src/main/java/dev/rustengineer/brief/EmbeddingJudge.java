package dev.rustengineer.brief;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.rustengineer.knowledge.EmbeddingExamples;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The judgement keywords miss: which kind of project a brief describes, by sentence-embedding similarity to the
 * knowledge's example sentences. The model (all-MiniLM-L6-v2, inside a Maven artifact, no download) costs about
 * two seconds to load, so it is loaded on first need only, and the example embeddings are computed once.
 */
public final class EmbeddingJudge {
    private final EmbeddingExamples examples;
    private final Supplier<EmbeddingModel> modelFactory;
    private volatile Loaded loaded;

    private record Loaded(EmbeddingModel model, List<Example> examples) {}

    private record Example(EmbeddingExamples.Category category, String sentence, float[] vector) {}

    /** A scored category: the closest example's similarity. */
    public record Verdict(EmbeddingExamples.Category category, String example, double similarity, double margin) {}

    public EmbeddingJudge(EmbeddingExamples examples) {
        this(examples, AllMiniLmL6V2EmbeddingModel::new);
    }

    public EmbeddingJudge(EmbeddingExamples examples, Supplier<EmbeddingModel> modelFactory) {
        this.examples = examples;
        this.modelFactory = modelFactory;
    }

    /** True once the model has been loaded in this process (for benchmarks and tests of the lazy path). */
    public boolean isLoaded() {
        return loaded != null;
    }

    /** The fields the closest category sets, with evidence, or empty when no category is close and clear enough. */
    public Optional<Brief> judge(String text) {
        Verdict v = verdict(text);
        if (v.similarity() < examples.minSimilarity() || v.margin() < examples.minMargin()) {
            return Optional.empty();
        }
        Brief.Builder b = Brief.builder();
        Evidence why = new Evidence("embedding", snippet(text), String.format(Locale.ROOT,
                "closest to the %s example \"%s\", similarity %.2f, margin %.2f over the next kind",
                v.category().id(), v.example(), v.similarity(), v.margin()));
        v.category().set().forEach((field, value) -> b.set(field, value, why));
        return Optional.of(b.build());
    }

    public Verdict verdict(String text) {
        Loaded l = load();
        float[] q = l.model().embed(text).content().vector();
        Map<String, Double> best = new java.util.LinkedHashMap<>();
        Map<String, Example> bestExample = new java.util.HashMap<>();
        for (Example e : l.examples()) {
            double s = cosine(q, e.vector());
            if (s > best.getOrDefault(e.category().id(), -2.0)) {
                best.put(e.category().id(), s);
                bestExample.put(e.category().id(), e);
            }
        }
        List<Map.Entry<String, Double>> ranked = new ArrayList<>(best.entrySet());
        ranked.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        Example top = bestExample.get(ranked.getFirst().getKey());
        double margin = ranked.size() > 1 ? ranked.get(0).getValue() - ranked.get(1).getValue() : 1.0;
        return new Verdict(top.category(), top.sentence(), ranked.getFirst().getValue(), margin);
    }

    private Loaded load() {
        Loaded l = loaded;
        if (l == null) {
            synchronized (this) {
                l = loaded;
                if (l == null) {
                    EmbeddingModel model = modelFactory.get();
                    List<Example> vectors = new ArrayList<>();
                    for (EmbeddingExamples.Category c : examples.categories()) {
                        for (String s : c.examples()) {
                            vectors.add(new Example(c, s, model.embed(s).content().vector()));
                        }
                    }
                    l = new Loaded(model, List.copyOf(vectors));
                    loaded = l;
                }
            }
        }
        return l;
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / (Math.sqrt(na) * Math.sqrt(nb));
    }

    private static String snippet(String text) {
        String s = text.strip().replaceAll("\\s+", " ");
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

}
