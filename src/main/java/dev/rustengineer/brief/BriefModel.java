package dev.rustengineer.brief;

import dev.rustengineer.brief.corpus.CorpusBrief;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The reader's learned half: one classifier per {@link LearnedTarget}, each with the confidence below which it
 * abstains, plus the training briefs' embeddings for naming the nearest ones as evidence.
 */
public final class BriefModel {
    /** Penalty, passes and seed of the training; fixed, so the same corpus always gives the same model. */
    static final double L2 = Double.parseDouble(System.getProperty("rust-engineer.reader.l2", "1.0"));
    static final int EPOCHS = Integer.getInteger("rust-engineer.reader.epochs", 100);
    public static final long SEED = 20261207L;
    /**
     * AdaGrad's sum before the first step and the penalty's schedule (see {@link SoftmaxRegression.Training}). A sum
     * of 3 makes a word's first step about a third of the rate instead of all of it, so the words a brief or two hold
     * no longer carry the classifier alone (the tenth round, chosen by cross-validation with the embedding's weight;
     * the penalty on every weight each pass was measured and not kept: BENCHMARKS.md).
     */
    static final double INITIAL_ACCUMULATOR = Double.parseDouble(System.getProperty("rust-engineer.reader.initial-accumulator", "3"));
    static final boolean PENALTY_EVERY_EPOCH = Boolean.parseBoolean(System.getProperty("rust-engineer.reader.penalty-every-epoch", "false"));
    static final SoftmaxRegression.Training TRAINING = new SoftmaxRegression.Training(L2, EPOCHS, SEED, INITIAL_ACCUMULATOR, PENALTY_EVERY_EPOCH);
    /**
     * Which targets train with {@link #TRAINING}: "all", or "readings" (the five escalation triggers then keep the
     * ninth round's trainer at {@link #ESCALATION_L2}: each has a few dozen "yes" briefs told apart by a few words,
     * which a smaller first step or a penalty on every weight pulled under the threshold: cross-validation's
     * escalations fell from 1,418 to 1,399 of 1,444 with a sum of 3 on every target, and stayed at 1,418 this way).
     */
    static final String TRAINING_SCOPE = System.getProperty("rust-engineer.reader.training-scope", "readings");
    static final double ESCALATION_L2 = Double.parseDouble(System.getProperty("rust-engineer.reader.escalation-l2", "1.0"));

    static SoftmaxRegression.Training training(LearnedTarget t) {
        return TRAINING_SCOPE.equals("readings") && t.flag() != null
                ? SoftmaxRegression.Training.lazy(ESCALATION_L2, EPOCHS, SEED)
                : TRAINING;
    }

    /**
     * The fewest training briefs a word or word pair must occur in to be a feature: one brief's word says more about
     * that brief than about its label.
     */
    static final int MIN_BRIEFS = Integer.getInteger("rust-engineer.reader.min-briefs", 1);
    // Never below 0.45: a reading less likely than not is no reading, and the field stays a question.
    static final double[] THRESHOLDS = {0.45, 0.55, 0.65, 0.75, 0.85};
    // The job decides whether rust-engineer takes the task at all, so a job reading needs more likely than not
    // (0.5). Measured on 5-fold cross-validation over train + dev: invoke 1561 -> 1562, route 1541 -> 1542,
    // languages 1530 -> 1529 of 1596; the same floor for every target lost web, runtime and kind readings.
    static final double[] JOB_THRESHOLDS = {0.5, 0.55, 0.65, 0.75, 0.85};

    /**
     * What the reader sees of one text: its features and its embedding. A class, not a record, for one memo: the
     * features' ids in the model's vocabulary, looked up on the first question asked of them instead of once per
     * learned target (ten targets asked of the same ~500 features were a third of the reading's time).
     */
    public static final class Seen {
        private final Map<String, Double> features;
        private final float[] embedding;
        private volatile Vocabulary.Features ids;

        public Seen(Map<String, Double> features, float[] embedding) {
            this.features = features;
            this.embedding = embedding;
        }

        public Map<String, Double> features() {
            return features;
        }

        public float[] embedding() {
            return embedding;
        }

        Vocabulary.Features in(Vocabulary vocabulary) {
            Vocabulary.Features f = ids;
            if (f == null || f.vocabulary() != vocabulary) {
                f = vocabulary.lookup(features);
                ids = f;
            }
            return f;
        }
    }

    /** A classifier and the probability it must reach to be believed. */
    record Trained(SoftmaxRegression model, double threshold) {}

    /** A brief the model was trained on, for evidence. */
    public record Neighbour(String id, String text, float[] vector) {}

    /** A target's answer for one brief. */
    public record Prediction(LearnedTarget target, String label, double probability, boolean confident) {}

    private final Map<LearnedTarget, Trained> targets;
    /** Every target's features: a brief's are looked up once, and every classifier weighs them by these ids. */
    private final Vocabulary vocabulary;
    private final List<Neighbour> neighbours;
    /**
     * The neighbours' unit vectors dimension by dimension (the first dimension of every neighbour, then the second):
     * {@link #nearest} adds up all of them at once in one pass, which the JIT turns into vector instructions, instead
     * of one neighbour's dot product at a time, each sum waiting on the one before.
     */
    private final float[] byDimension;
    private final int dimension;

    /** Trained classifiers, each over its own features: put over one vocabulary (their answers stay the same). */
    BriefModel(Map<LearnedTarget, Trained> targets, List<Neighbour> neighbours) {
        this(Vocabulary.union(targets.values().stream().map(t -> t.model().featureNames()).toList()), targets, neighbours);
    }

    private BriefModel(Vocabulary vocabulary, Map<LearnedTarget, Trained> targets, List<Neighbour> neighbours) {
        this.vocabulary = vocabulary;
        this.targets = new EnumMap<>(LearnedTarget.class);
        targets.forEach((t, trained) -> this.targets.put(t, new Trained(trained.model().over(vocabulary), trained.threshold())));
        this.neighbours = neighbours;
        this.dimension = neighbours.isEmpty() ? 0 : neighbours.getFirst().vector().length;
        this.byDimension = new float[dimension * neighbours.size()];
        for (int i = 0; i < neighbours.size(); i++) {
            float[] u = unit(neighbours.get(i).vector());
            for (int d = 0; d < dimension; d++) {
                byDimension[d * neighbours.size() + i] = u[d];
            }
        }
    }

    /**
     * Trains on {@code train}; each target's threshold is the one that does best on {@code dev} (a confident
     * right answer counts one, a confident wrong one minus one, an abstention nothing). The final classifiers are
     * trained again on train and dev together with those thresholds. The test split is never seen here.
     */
    public static BriefModel train(List<CorpusBrief> train, List<CorpusBrief> dev, Function<String, Seen> see) {
        return train(train, dev, see, true);
    }

    /** As above; with {@code refit} false the final classifiers are the train-only ones (to score dev honestly). */
    public static BriefModel train(List<CorpusBrief> train, List<CorpusBrief> dev, Function<String, Seen> see, boolean refit) {
        Map<String, Seen> seen = new LinkedHashMap<>();
        for (CorpusBrief b : train) {
            seen.computeIfAbsent(b.text(), see);
        }
        for (CorpusBrief b : dev) {
            seen.computeIfAbsent(b.text(), see);
        }
        Map<LearnedTarget, Trained> out = new EnumMap<>(LearnedTarget.class);
        for (LearnedTarget t : LearnedTarget.values()) {
            List<SoftmaxRegression.Example> trainSet = examples(t, train, seen);
            if (trainSet.isEmpty()) {
                continue;
            }
            double threshold = 0.5;
            String fixed = System.getProperty("rust-engineer.reader.threshold." + t.name().toLowerCase(Locale.ROOT));
            List<SoftmaxRegression.Example> devSet = examples(t, dev, seen);
            SoftmaxRegression m = SoftmaxRegression.train(common(trainSet, MIN_BRIEFS), training(t));
            if (!devSet.isEmpty()) {
                double best = Double.NEGATIVE_INFINITY;
                for (double th : t == LearnedTarget.JOB ? JOB_THRESHOLDS : THRESHOLDS) {
                    double score = 0;
                    for (SoftmaxRegression.Example e : devSet) {
                        Map.Entry<String, Double> top = m.probabilities(e.features()).firstEntry();
                        if (top.getValue() >= th) {
                            score += top.getKey().equals(e.label()) ? 1 : -1;
                        }
                    }
                    if (score > best) {
                        best = score;
                        threshold = th;
                    }
                }
            }
            if (fixed != null) {
                threshold = Double.parseDouble(fixed);
            }
            List<SoftmaxRegression.Example> all = new ArrayList<>(trainSet);
            all.addAll(devSet);
            out.put(t, new Trained(refit ? SoftmaxRegression.train(common(all, MIN_BRIEFS), training(t)) : m, threshold));
        }
        List<Neighbour> nb = new ArrayList<>();
        for (List<CorpusBrief> part : List.of(train, dev)) {
            for (CorpusBrief b : part) {
                nb.add(new Neighbour(b.id(), b.text(), seen.get(b.text()).embedding()));
            }
        }
        return new BriefModel(out, nb);
    }

    private static List<SoftmaxRegression.Example> examples(LearnedTarget t, List<CorpusBrief> briefs, Map<String, Seen> seen) {
        List<SoftmaxRegression.Example> out = new ArrayList<>();
        for (CorpusBrief b : briefs) {
            String label = t.labelOf(b);
            if (label != null) {
                out.add(new SoftmaxRegression.Example(seen.get(b.text()).features(), label));
            }
        }
        return out;
    }

    /** The examples without the words and word pairs fewer than {@code min} of them hold (rules and the embedding stay). */
    static List<SoftmaxRegression.Example> common(List<SoftmaxRegression.Example> examples, int min) {
        if (min <= 1) {
            return examples;
        }
        Map<String, Integer> briefs = new HashMap<>();
        for (SoftmaxRegression.Example e : examples) {
            for (String f : e.features().keySet()) {
                if (BriefFeatures.isWord(f)) {
                    briefs.merge(f, 1, Integer::sum);
                }
            }
        }
        List<SoftmaxRegression.Example> out = new ArrayList<>(examples.size());
        for (SoftmaxRegression.Example e : examples) {
            Map<String, Double> kept = new LinkedHashMap<>();
            e.features().forEach((f, v) -> {
                if (!BriefFeatures.isWord(f) || briefs.get(f) >= min) {
                    kept.put(f, v);
                }
            });
            out.add(new SoftmaxRegression.Example(kept, e.label()));
        }
        return out;
    }

    public Optional<Prediction> predict(LearnedTarget target, Seen seen) {
        Trained t = targets.get(target);
        if (t == null) {
            return Optional.empty();
        }
        Map.Entry<String, Double> top = t.model().top(seen.in(vocabulary));
        return Optional.of(new Prediction(target, top.getKey(), top.getValue(), top.getValue() >= t.threshold()));
    }

    /** The named features that weighed most towards a prediction's label (asked only for answers used). */
    public List<Map.Entry<String, Double>> because(Prediction p, Seen seen) {
        Trained t = targets.get(p.target());
        return t == null ? List.of() : t.model().contributions(seen.in(vocabulary), p.label(), 3, BriefFeatures::nameable);
    }

    public double threshold(LearnedTarget target) {
        Trained t = targets.get(target);
        return t == null ? 1.0 : t.threshold();
    }

    /** The {@code n} training briefs closest in meaning to this embedding (cosine similarity). */
    public List<Map.Entry<Neighbour, Double>> nearest(float[] vector, int n) {
        if (vector == null || neighbours.isEmpty()) {
            return List.of();
        }
        float[] q = unit(vector);
        int count = neighbours.size();
        // Each neighbour's dot product is added up in the same order as one at a time would (dimension 0 first, a
        // float product added to a double), so the scores are the same to the last bit.
        double[] dot = new double[count];
        for (int d = 0; d < q.length && d < dimension; d++) {
            float qd = q[d];
            int row = d * count;
            for (int i = 0; i < count; i++) {
                dot[i] += qd * byDimension[row + i];
            }
        }
        // A running top-n: no sort of the whole corpus.
        int k = Math.min(n, count);
        int[] best = new int[k];
        double[] score = new double[k];
        Arrays.fill(score, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < k; j++) {
                if (dot[i] > score[j]) {
                    System.arraycopy(score, j, score, j + 1, k - j - 1);
                    System.arraycopy(best, j, best, j + 1, k - j - 1);
                    score[j] = dot[i];
                    best[j] = i;
                    break;
                }
            }
        }
        List<Map.Entry<Neighbour, Double>> out = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            out.add(Map.entry(neighbours.get(best[j]), score[j]));
        }
        return out;
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float f : v) {
            norm += f * f;
        }
        float[] u = new float[v.length];
        double inv = norm == 0 ? 0 : 1 / Math.sqrt(norm);
        for (int i = 0; i < v.length; i++) {
            u[i] = (float) (v[i] * inv);
        }
        return u;
    }

    /** The vocabulary once, each target's threshold and classifier, then the neighbours (their vectors in one block). */
    void write(DataOutputStream out) throws IOException {
        vocabulary.write(out);
        out.writeInt(targets.size());
        for (Map.Entry<LearnedTarget, Trained> e : targets.entrySet()) {
            out.writeUTF(e.getKey().name());
            out.writeDouble(e.getValue().threshold());
            e.getValue().model().write(out);
        }
        out.writeInt(neighbours.size());
        int dim = neighbours.isEmpty() ? 0 : neighbours.getFirst().vector().length;
        out.writeInt(dim);
        ByteBuffer vectors = ByteBuffer.allocate(4 * dim * neighbours.size());
        for (Neighbour n : neighbours) {
            out.writeUTF(n.id());
            out.writeUTF(n.text());
            vectors.asFloatBuffer().put(n.vector());
            vectors.position(vectors.position() + 4 * dim);
        }
        // The embeddings in one block after the names: read back in bulk, not one float at a time.
        out.write(vectors.array());
    }

    static BriefModel read(DataInputStream in) throws IOException {
        Vocabulary vocabulary = Vocabulary.read(in);
        Map<LearnedTarget, Trained> targets = new EnumMap<>(LearnedTarget.class);
        for (int i = in.readInt(); i > 0; i--) {
            LearnedTarget t = LearnedTarget.valueOf(in.readUTF());
            double th = in.readDouble();
            targets.put(t, new Trained(SoftmaxRegression.read(in, vocabulary), th));
        }
        int count = in.readInt();
        int dim = in.readInt();
        if (count < 0 || dim < 0) {
            throw new IOException("corrupt model file");
        }
        String[][] named = new String[count][];
        for (int i = 0; i < count; i++) {
            named[i] = new String[] {in.readUTF(), in.readUTF()};
        }
        byte[] block = new byte[4 * dim * count];
        in.readFully(block);
        FloatBuffer floats = ByteBuffer.wrap(block).asFloatBuffer();
        List<Neighbour> nb = new ArrayList<>();
        for (String[] n : named) {
            float[] v = new float[dim];
            floats.get(v);
            nb.add(new Neighbour(n[0], n[1], v));
        }
        return new BriefModel(vocabulary, targets, nb);
    }
}
