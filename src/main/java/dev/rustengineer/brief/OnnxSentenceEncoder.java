package dev.rustengineer.brief;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * all-MiniLM-L6-v2 (quantised) run on ONNX Runtime with session settings of our own. langchain4j's
 * {@code AllMiniLmL6V2QuantizedEmbeddingModel} creates its session with the defaults (one spinning intra-op thread
 * per core, the model inflated from the jar into the heap on every start) and offers no way to change them; this
 * class loads the same model and tokenizer files from that artifact and computes the same vectors, bit for bit
 * ({@code OnnxSentenceEncoderTest} compares them over the whole corpus), with the steps of langchain4j's
 * {@code OnnxBertBiEncoder} 1.19 kept in the same order: split the tokens into windows of 510 that do not cut a
 * word, encode each window's text, mean-pool its token vectors, average the windows weighted by their token
 * counts and normalise.
 */
public final class OnnxSentenceEncoder implements EmbeddingModel {
    static final String MODEL = "all-minilm-l6-v2-q.onnx";
    static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";
    private static final int WINDOW = 510;

    /**
     * How the session runs: intra-op threads (0 means ONNX Runtime's default, one per core), spin-waiting, the
     * execution mode (sequential, ONNX Runtime's default, or parallel over independent nodes), the memory pattern
     * (buffers planned from the first run of each input shape) and the CPU arena (freed buffers kept for the next
     * run). None of them changes a vector (OnnxSentenceEncoderTest); bench/AdviseBench.java measures each.
     */
    public record Settings(int intraOpThreads, boolean spinning, boolean parallel, boolean memoryPattern,
            boolean cpuArena) {
        /**
         * One thread that sleeps when idle: bench/advise.sh measured it against the default on a shared 2-core
         * machine (BENCHMARKS.md, advise, Speed); a brief is a few dozen tokens, too little work to split. The rest
         * ONNX Runtime's own defaults: parallel execution, no memory pattern and no CPU arena each measured slower
         * (BENCHMARKS.md, advise, Speed, third round).
         */
        static final Settings DEFAULT = new Settings(1, false);

        /** The given threads and spinning, the rest as ONNX Runtime has them by default. */
        public Settings(int intraOpThreads, boolean spinning) {
            this(intraOpThreads, spinning, false, true, true);
        }
    }

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean typeIds;

    private OnnxSentenceEncoder(OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer) {
        this.environment = environment;
        this.session = session;
        this.tokenizer = tokenizer;
        this.typeIds = session.getInputNames().contains("token_type_ids");
    }

    public static OnnxSentenceEncoder load() {
        return load(Settings.DEFAULT);
    }

    public static OnnxSentenceEncoder load(Settings settings) {
        useCachedNativeLibraries();
        // DJL, which loads the tokenizer, otherwise asks the cloud metadata address whether it runs on EC2 and
        // reports its use; this tool promises to send nothing anywhere.
        System.setProperty("OPT_OUT_TRACKING", "true");
        try {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            if (settings.intraOpThreads() > 0) {
                options.setIntraOpNumThreads(settings.intraOpThreads());
            }
            options.addConfigEntry("session.intra_op.allow_spinning", settings.spinning() ? "1" : "0");
            options.setExecutionMode(settings.parallel()
                    ? OrtSession.SessionOptions.ExecutionMode.PARALLEL
                    : OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setMemoryPatternOptimization(settings.memoryPattern());
            options.setCPUArenaAllocator(settings.cpuArena());
            Optional<Path> dir = BundledFile.cached("embedding-model", List.of(MODEL));
            OrtSession session = dir.isPresent()
                    ? optimisedSession(env, dir.get(), options)
                    : env.createSession(resource(MODEL).readAllBytes(), options);
            noGpuProbe();
            HuggingFaceTokenizer tokenizer;
            try (InputStream in = resource(TOKENIZER)) {
                tokenizer = HuggingFaceTokenizer.newInstance(in, Map.of("padding", "false"));
            }
            return new OnnxSentenceEncoder(env, session, tokenizer);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the embedding model: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * ONNX Runtime optimises the model's graph (fuses its layers) whenever it creates a session: two thirds of the
     * session's start. The graph it optimised is saved once beside the cached model, at the level that is the same on
     * every CPU ("extended": fusions, no data layout chosen for the hardware at hand) and named by the runtime's
     * version, and later starts load that with nothing left to optimise. The vectors are the same to the bit
     * (OnnxSentenceEncoderTest compares the whole corpus with langchain4j's).
     */
    private static OrtSession optimisedSession(OrtEnvironment env, Path dir, OrtSession.SessionOptions options)
            throws OrtException {
        Path optimised = dir.resolve("optimised-" + env.getVersion() + "-" + MODEL);
        if (Files.isRegularFile(optimised)) {
            try {
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
                return env.createSession(optimised.toString(), options);
            } catch (OrtException damaged) {
                // Saved again below.
            }
        }
        // Saved under a private name and moved into place, so a concurrent start never loads half a file.
        Path tmp = dir.resolve(optimised.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.EXTENDED_OPT);
        options.setOptimizedModelFilePath(tmp.toString());
        OrtSession session = env.createSession(dir.resolve(MODEL).toString(), options);
        try {
            Files.move(tmp, optimised, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Not saved (a read-only cache): the next start optimises again.
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // Left behind; nothing reads it.
            }
        }
        return session;
    }

    /**
     * DJL, before it loads the tokenizer's native library, asks whether the machine has a CUDA GPU (to pick a GPU
     * build of it, which it would download): through JNA, which unpacks its own native library into a temporary file
     * and runs {@code ldconfig -p} in a child process, on every start. The tokenizer runs on the CPU here whatever
     * the machine has, so DJL is told there is none. Its {@code CudaUtils} reads no library when
     * {@code ai.djl.util.cuda.fork} is set as it initialises (the probe is then meant to run in a child JVM), and with
     * the property gone again it answers "no GPU" from that empty library, starting nothing.
     */
    private static void noGpuProbe() {
        String property = "ai.djl.util.cuda.fork";
        String before = System.getProperty(property);
        System.setProperty(property, "true");
        try {
            Class.forName("ai.djl.util.cuda.CudaUtils", true, OnnxSentenceEncoder.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            // Another DJL: it probes its own way, which is only slower.
        } finally {
            if (before == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, before);
            }
        }
    }

    /**
     * Points ONNX Runtime at cached copies of its native libraries, so it does not inflate 16 MB into a fresh
     * temporary directory on every start. Without a cache (or on a platform the jar has no library for) it is left
     * to find them its own way.
     */
    private static void useCachedNativeLibraries() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String platform = (os.startsWith("linux") ? "linux" : os.startsWith("mac") ? "osx" : "unknown") + "-"
                + (arch.equals("amd64") || arch.equals("x86_64") ? "x64" : arch);
        String main = System.mapLibraryName("onnxruntime");
        String jni = System.mapLibraryName("onnxruntime4j_jni");
        String base = "ai/onnxruntime/native/" + platform + "/";
        BundledFile.cached("onnxruntime", List.of(base + main, base + jni)).ifPresent(dir -> {
            System.setProperty("onnxruntime.native.onnxruntime.path", dir.resolve(main).toString());
            System.setProperty("onnxruntime.native.onnxruntime4j_jni.path", dir.resolve(jni).toString());
        });
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = OnnxSentenceEncoder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is missing from the class path");
        }
        return in;
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        List<Embedding> out = new ArrayList<>();
        for (TextSegment s : segments) {
            out.add(Embedding.from(vector(s.text())));
        }
        return Response.from(out);
    }

    @Override
    public int dimension() {
        return 384;
    }

    public float[] vector(String text) {
        List<String> tokens = tokenizer.tokenize(text);
        List<List<String>> windows = windows(tokens);
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("Cannot embed empty or whitespace-only text");
        }
        List<float[]> vectors = new ArrayList<>();
        for (List<String> w : windows) {
            vectors.add(encode(w));
        }
        return normalise(weightedAverage(vectors, windows));
    }

    /** Windows of at most {@value #WINDOW} tokens between [CLS] and [SEP], never ending inside a word ("##"). */
    private static List<List<String>> windows(List<String> tokens) {
        List<List<String>> out = new ArrayList<>();
        int from = 1;
        while (from < tokens.size() - 1) {
            int to = from + WINDOW;
            if (to >= tokens.size() - 1) {
                to = tokens.size() - 1;
            } else {
                while (to > from && tokens.get(to).startsWith("##")) {
                    to--;
                }
                if (to == from) {
                    to = from + WINDOW;
                }
            }
            out.add(tokens.subList(from, to));
            from = to;
        }
        return out;
    }

    /** The mean of the window's token vectors, as the model's last hidden state gives them. */
    private float[] encode(List<String> window) {
        Encoding e = tokenizer.encode(text(window), true, false);
        long[] ids = e.getIds();
        long[] shape = {1, ids.length};
        try (OnnxTensor input = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
                OnnxTensor mask = OnnxTensor.createTensor(environment, LongBuffer.wrap(e.getAttentionMask()), shape);
                OnnxTensor types = OnnxTensor.createTensor(environment, LongBuffer.wrap(e.getTypeIds()), shape)) {
            Map<String, OnnxTensor> inputs = typeIds
                    ? Map.of("input_ids", input, "attention_mask", mask, "token_type_ids", types)
                    : Map.of("input_ids", input, "attention_mask", mask);
            try (OrtSession.Result result = session.run(inputs)) {
                return meanPool(((OnnxTensor) result.get(0)).getFloatBuffer(), ids.length);
            }
        } catch (OrtException ex) {
            throw new IllegalStateException("the embedding model failed: " + ex.getMessage(), ex);
        }
    }

    /** The window's text: the tokenizer's own sentence when it reads back to the same tokens, else the tokens joined. */
    private String text(List<String> window) {
        String sentence = tokenizer.buildSentence(window);
        List<String> again = new LinkedList<>(tokenizer.tokenize(sentence));
        again.removeFirst();
        again.removeLast();
        return again.equals(window) ? sentence : String.join("", window);
    }

    /** Sums row by row in float, then divides by the row count, in the order langchain4j does. */
    private float[] meanPool(FloatBuffer hidden, int rows) {
        int dim = hidden.remaining() / rows;
        float[] sum = new float[dim];
        for (int r = 0; r < rows; r++) {
            for (int d = 0; d < dim; d++) {
                sum[d] += hidden.get(r * dim + d);
            }
        }
        for (int d = 0; d < dim; d++) {
            sum[d] /= rows;
        }
        return sum;
    }

    private static float[] weightedAverage(List<float[]> vectors, List<List<String>> windows) {
        if (vectors.size() == 1) {
            return vectors.getFirst();
        }
        int dim = vectors.getFirst().length;
        float[] out = new float[dim];
        int total = 0;
        for (int i = 0; i < vectors.size(); i++) {
            int weight = windows.get(i).size();
            total += weight;
            for (int d = 0; d < dim; d++) {
                out[d] += vectors.get(i)[d] * weight;
            }
        }
        for (int d = 0; d < dim; d++) {
            out[d] /= total;
        }
        return out;
    }

    private static float[] normalise(float[] v) {
        float sum = 0;
        for (float f : v) {
            sum += f * f;
        }
        float norm = (float) Math.sqrt(sum);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] / norm;
        }
        return out;
    }
}
