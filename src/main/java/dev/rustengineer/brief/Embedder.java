package dev.rustengineer.brief;

import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The sentence-embedding model (all-MiniLM-L6-v2 quantised, shipped inside a Maven artifact, nothing downloaded, run
 * by {@link OnnxSentenceEncoder}). Loading it is the slowest part of a cold start, so {@link #preload()} starts that
 * on a background thread while the knowledge loads.
 */
public final class Embedder {
    public static final String MODEL = "all-MiniLM-L6-v2 (quantised)";
    private static final Embedder SHARED = new Embedder(OnnxSentenceEncoder::load);

    private final Supplier<EmbeddingModel> factory;
    private volatile CompletableFuture<EmbeddingModel> model;
    private final Map<String, float[]> memo;

    public Embedder(Supplier<EmbeddingModel> factory) {
        this.factory = factory;
        this.memo = null;
    }

    private Embedder(Embedder model) {
        this.factory = model.factory;
        this.model = model.future();
        this.memo = new ConcurrentHashMap<>();
    }

    /** The same model, remembering every text's embedding (for evaluations that read each brief many times). */
    public Embedder memoizing() {
        return new Embedder(this);
    }

    public static Embedder shared() {
        return SHARED;
    }

    /** Starts loading the model in the background; later calls return at once. */
    public Embedder preload() {
        future();
        return this;
    }

    /**
     * Waits for a load already in flight, and starts none. ONNX Runtime creates its session in native code; a process
     * that exits meanwhile unloads the library under that thread and dies with SIGSEGV instead of its own exit code,
     * so the CLI calls this before {@code System.exit}.
     */
    public void settle() {
        CompletableFuture<EmbeddingModel> m = model;
        if (m != null) {
            try {
                m.join();
            } catch (RuntimeException failedLoad) {
                // A load that failed has nothing running any more; the command already reported what it needed.
            }
        }
    }

    public boolean isLoaded() {
        CompletableFuture<EmbeddingModel> m = model;
        return m != null && m.isDone();
    }

    public float[] embed(String text) {
        if (memo != null) {
            return memo.computeIfAbsent(text, t -> future().join().embed(t).content().vector());
        }
        return future().join().embed(text).content().vector();
    }

    private CompletableFuture<EmbeddingModel> future() {
        CompletableFuture<EmbeddingModel> m = model;
        if (m == null) {
            synchronized (this) {
                m = model;
                if (m == null) {
                    m = CompletableFuture.supplyAsync(factory, r -> Thread.ofPlatform().daemon().name("embedding-model").start(r));
                    model = m;
                }
            }
        }
        return m;
    }

    /** Cosine similarity of two embeddings. */
    public static double similarity(float[] a, float[] b) {
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
}
