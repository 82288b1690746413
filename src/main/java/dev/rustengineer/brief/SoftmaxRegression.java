package dev.rustengineer.brief;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Multinomial logistic regression over named sparse features, with an L2 penalty, trained by AdaGrad.
 *
 * <p>Written here rather than taken from Tribuo: Tribuo 4.3 brings protobuf 3, OLCUT and ONNX into a classpath
 * whose tests already use gRPC's protobuf 4, and its linear SGD trainer has no L2 penalty, which a corpus of a few
 * hundred briefs needs. This class is small enough to explain each answer: a label's score is the sum of its
 * weights on the brief's features, and {@link #contributions} names the features that weighed most.
 */
public final class SoftmaxRegression {
    /** One training case: feature name to value, and its label. */
    public record Example(Map<String, Double> features, String label) {}

    private final List<String> labels;
    /** The features' names and ids: the classifier's own after training, the whole model's once in a {@link BriefModel}. */
    private final Vocabulary vocabulary;
    /** weights[label][feature id]; the last column is the bias. */
    private final double[][] weights;

    private SoftmaxRegression(List<String> labels, Vocabulary vocabulary, double[][] weights) {
        this.labels = List.copyOf(labels);
        this.vocabulary = vocabulary;
        this.weights = weights;
    }

    public List<String> labels() {
        return labels;
    }

    /**
     * How a classifier is trained.
     *
     * @param l2 the L2 penalty on the whole training set's loss (its sum over the examples)
     * @param epochs passes over the data
     * @param seed the shuffling's seed: the same data and settings give the same model
     * @param initialAccumulator AdaGrad's squared-gradient sum before the first step. At 0 a feature's first step is
     *     the full rate whatever its gradient, so a word seen in one brief moves as far as one seen in every brief;
     *     above 0 a first, small gradient makes a small step
     * @param penaltyEveryEpoch the penalty on every weight once per pass, in the share of it that the examples
     *     without the feature did not apply; without it, a weight is pulled back only when an example holding its
     *     feature is seen, so a rare word keeps almost all of what its few briefs gave it
     */
    public record Training(double l2, int epochs, long seed, double initialAccumulator, boolean penaltyEveryEpoch) {
        /** The trainer up to the ninth round: full first steps, a penalty only on the features seen. */
        public static Training lazy(double l2, int epochs, long seed) {
            return new Training(l2, epochs, seed, 0, false);
        }
    }

    /** Trains on {@code data}; the same data, penalty, epochs and seed give the same model. */
    public static SoftmaxRegression train(List<Example> data, double l2, int epochs, long seed) {
        return train(data, Training.lazy(l2, epochs, seed));
    }

    /** Trains on {@code data}; the same data and settings give the same model. */
    public static SoftmaxRegression train(List<Example> data, Training training) {
        TreeSet<String> labelSet = new TreeSet<>();
        TreeSet<String> featureSet = new TreeSet<>();
        for (Example e : data) {
            labelSet.add(e.label());
            featureSet.addAll(e.features().keySet());
        }
        List<String> labels = List.copyOf(labelSet);
        Vocabulary own = new Vocabulary(featureSet.toArray(String[]::new));
        int features = own.size();
        SoftmaxRegression m = new SoftmaxRegression(labels, own, new double[labels.size()][features + 1]);
        if (labels.size() < 2) {
            return m;
        }
        int[][] idx = new int[data.size()][];
        double[][] val = new double[data.size()][];
        int[] y = new int[data.size()];
        // How many examples hold each feature: the penalty they did not apply is what each pass adds.
        int[] seen = new int[features];
        for (int i = 0; i < data.size(); i++) {
            Example e = data.get(i);
            idx[i] = new int[e.features().size()];
            val[i] = new double[e.features().size()];
            int k = 0;
            for (Map.Entry<String, Double> f : e.features().entrySet()) {
                idx[i][k] = own.id(f.getKey());
                seen[idx[i][k]]++;
                val[i][k++] = f.getValue();
            }
            y[i] = labels.indexOf(e.label());
        }
        double[][] g2 = new double[labels.size()][features + 1];
        for (double[] g : g2) {
            Arrays.fill(g, 0, features, training.initialAccumulator());
        }
        double rate = 0.5;
        int bias = features;
        Random random = new Random(training.seed());
        int[] order = new int[data.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        double perExampleL2 = training.l2() / data.size();
        for (int epoch = 0; epoch < training.epochs(); epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int n : order) {
                double[] p = m.softmax(idx[n], val[n]);
                for (int c = 0; c < labels.size(); c++) {
                    double err = p[c] - (c == y[n] ? 1 : 0);
                    double[] w = m.weights[c];
                    double[] g = g2[c];
                    for (int k = 0; k < idx[n].length; k++) {
                        int f = idx[n][k];
                        double grad = err * val[n][k] + perExampleL2 * w[f];
                        g[f] += grad * grad;
                        w[f] -= rate * grad / (Math.sqrt(g[f]) + 1e-8);
                    }
                    g[bias] += err * err;
                    w[bias] -= rate * err / (Math.sqrt(g[bias]) + 1e-8);
                }
            }
            if (training.penaltyEveryEpoch()) {
                // The rest of the pass's penalty, as a proximal step at each weight's own rate (a shrink, which
                // cannot overshoot zero the way a gradient step of a large rate would).
                for (int c = 0; c < labels.size(); c++) {
                    double[] w = m.weights[c];
                    double[] g = g2[c];
                    for (int f = 0; f < features; f++) {
                        double missed = perExampleL2 * (data.size() - seen[f]);
                        if (missed > 0 && w[f] != 0) {
                            w[f] /= 1 + missed * rate / (Math.sqrt(g[f]) + 1e-8);
                        }
                    }
                }
            }
        }
        return m;
    }

    /** Each label's probability for these features, most likely first. */
    public LinkedHashMap<String, Double> probabilities(Map<String, Double> features) {
        double[] p = probabilities(vocabulary.lookup(features));
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < p.length; c++) {
            order.add(c);
        }
        order.sort(Comparator.comparingDouble((Integer c) -> -p[c]));
        LinkedHashMap<String, Double> out = new LinkedHashMap<>();
        order.forEach(c -> out.put(labels.get(c), p[c]));
        return out;
    }

    /** The most likely label and its probability: the first of {@link #probabilities(Map)}, without ordering the rest. */
    Map.Entry<String, Double> top(Vocabulary.Features features) {
        double[] p = probabilities(features);
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            // The order probabilities(Map) sorts by, so a tie goes to the same label.
            if (Double.compare(-p[c], -p[best]) < 0) {
                best = c;
            }
        }
        return Map.entry(labels.get(best), p[best]);
    }

    /** Each label's probability, in the order of {@link #labels()}. */
    double[] probabilities(Vocabulary.Features features) {
        if (features.vocabulary() != vocabulary) {
            throw new IllegalArgumentException("features looked up in another vocabulary");
        }
        return softmax(features.ids(), features.values());
    }

    /** The {@code n} named features that pushed most towards {@code label}, with their weight times value. */
    public List<Map.Entry<String, Double>> contributions(Map<String, Double> features, String label, int n,
            Predicate<String> shown) {
        return contributions(vocabulary.lookup(features), label, n, shown);
    }

    List<Map.Entry<String, Double>> contributions(Vocabulary.Features features, String label, int n, Predicate<String> shown) {
        int c = labels.indexOf(label);
        if (c < 0) {
            return List.of();
        }
        // A running top-n: only a handful are named, so the brief's features are not sorted whole. A feature seen
        // first keeps its place among equal weights.
        List<Map.Entry<String, Double>> out = new ArrayList<>();
        int[] ids = features.ids();
        double[] values = features.values();
        for (int k = 0; k < ids.length; k++) {
            double w = weights[c][ids[k]] * values[k];
            String name = vocabulary.name(ids[k]);
            if (w <= 0 || !shown.test(name) || out.size() == n && w <= out.getLast().getValue()) {
                continue;
            }
            int at = 0;
            while (at < out.size() && out.get(at).getValue() >= w) {
                at++;
            }
            out.add(at, Map.entry(name, w));
            if (out.size() > n) {
                out.removeLast();
            }
        }
        return out;
    }

    /**
     * The same classifier over a wider vocabulary (a feature it never saw weighs zero), so that one lookup of a
     * brief's features serves every target. Its answers are the same to the last bit: a zero weight adds nothing.
     */
    SoftmaxRegression over(Vocabulary wider) {
        if (wider == vocabulary) {
            return this;
        }
        double[][] w = new double[labels.size()][wider.size() + 1];
        String[] own = vocabulary.names();
        int[] to = new int[own.length];
        for (int i = 0; i < own.length; i++) {
            to[i] = wider.id(own[i]);
            if (to[i] < 0) {
                throw new IllegalArgumentException("the vocabulary lacks " + own[i]);
            }
        }
        for (int c = 0; c < w.length; c++) {
            for (int i = 0; i < own.length; i++) {
                w[c][to[i]] = weights[c][i];
            }
            w[c][wider.size()] = weights[c][own.length];
        }
        return new SoftmaxRegression(labels, wider, w);
    }

    /** The names of the features this classifier weighs. */
    String[] featureNames() {
        return vocabulary.names();
    }

    private double[] softmax(int[] idx, double[] val) {
        double[] s = new double[labels.size()];
        double max = Double.NEGATIVE_INFINITY;
        int bias = vocabulary.size();
        for (int c = 0; c < s.length; c++) {
            double[] w = weights[c];
            double z = w[bias];
            for (int k = 0; k < idx.length; k++) {
                z += w[idx[k]] * val[k];
            }
            s[c] = z;
            max = Math.max(max, z);
        }
        double sum = 0;
        for (int c = 0; c < s.length; c++) {
            s[c] = Math.exp(s[c] - max);
            sum += s[c];
        }
        for (int c = 0; c < s.length; c++) {
            s[c] /= sum;
        }
        return s;
    }

    /**
     * Labels, then the ids of the features with a weight (a classifier over the whole model's vocabulary has none on
     * the features only other targets saw), then their weights and the biases as floats in one block: a start reads
     * the reader's few megabytes in bulk instead of one call per weight. The names are the vocabulary's, written once
     * for every target by {@link BriefModel}.
     */
    void write(DataOutputStream out) throws IOException {
        out.writeInt(labels.size());
        for (String l : labels) {
            out.writeUTF(l);
        }
        int bias = vocabulary.size();
        int[] used = new int[bias];
        int m = 0;
        for (int f = 0; f < bias; f++) {
            for (double[] row : weights) {
                if (row[f] != 0) {
                    used[m++] = f;
                    break;
                }
            }
        }
        out.writeInt(m);
        ByteBuffer ids = ByteBuffer.allocate(4 * m);
        ids.asIntBuffer().put(used, 0, m);
        out.write(ids.array());
        ByteBuffer w = ByteBuffer.allocate(4 * weights.length * (m + 1));
        for (double[] row : weights) {
            for (int k = 0; k < m; k++) {
                w.putFloat((float) row[used[k]]);
            }
            w.putFloat((float) row[bias]);
        }
        out.write(w.array());
    }

    /** Reads what {@link #write} wrote, over the vocabulary it was written with. */
    static SoftmaxRegression read(DataInputStream in, Vocabulary vocabulary) throws IOException {
        List<String> labels = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            labels.add(in.readUTF());
        }
        int m = in.readInt();
        int bias = vocabulary.size();
        if (m < 0 || m > bias) {
            throw new IOException("corrupt model file");
        }
        int[] used = new int[m];
        ByteBuffer.wrap(bytes(in, 4 * m)).asIntBuffer().get(used);
        double[][] w = new double[labels.size()][bias + 1];
        FloatBuffer floats = ByteBuffer.wrap(bytes(in, 4 * w.length * (m + 1))).asFloatBuffer();
        for (double[] row : w) {
            for (int k = 0; k < m; k++) {
                if (used[k] < 0 || used[k] >= bias) {
                    throw new IOException("corrupt model file");
                }
                row[used[k]] = floats.get();
            }
            row[bias] = floats.get();
        }
        return new SoftmaxRegression(labels, vocabulary, w);
    }

    private static byte[] bytes(DataInputStream in, int n) throws IOException {
        if (n < 0) {
            throw new IOException("corrupt model file");
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }
}
