package dev.rustengineer.brief;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
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
    private final Map<String, Integer> index;
    private final String[] names;
    /** weights[label][feature]; the last column is the bias. */
    private final double[][] weights;

    private SoftmaxRegression(List<String> labels, String[] names, double[][] weights) {
        this.labels = List.copyOf(labels);
        this.names = names;
        this.weights = weights;
        this.index = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            index.put(names[i], i);
        }
    }

    public List<String> labels() {
        return labels;
    }

    /** Trains on {@code data}; the same data, penalty, epochs and seed give the same model. */
    public static SoftmaxRegression train(List<Example> data, double l2, int epochs, long seed) {
        TreeSet<String> labelSet = new TreeSet<>();
        TreeSet<String> featureSet = new TreeSet<>();
        for (Example e : data) {
            labelSet.add(e.label());
            featureSet.addAll(e.features().keySet());
        }
        List<String> labels = List.copyOf(labelSet);
        String[] names = featureSet.toArray(String[]::new);
        SoftmaxRegression m = new SoftmaxRegression(labels, names, new double[labels.size()][names.length + 1]);
        if (labels.size() < 2) {
            return m;
        }
        int[][] idx = new int[data.size()][];
        double[][] val = new double[data.size()][];
        int[] y = new int[data.size()];
        for (int i = 0; i < data.size(); i++) {
            Example e = data.get(i);
            idx[i] = new int[e.features().size()];
            val[i] = new double[e.features().size()];
            int k = 0;
            for (Map.Entry<String, Double> f : e.features().entrySet()) {
                idx[i][k] = m.index.get(f.getKey());
                val[i][k++] = f.getValue();
            }
            y[i] = labels.indexOf(e.label());
        }
        double[][] g2 = new double[labels.size()][names.length + 1];
        double rate = 0.5;
        int bias = names.length;
        Random random = new Random(seed);
        int[] order = new int[data.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        double perExampleL2 = l2 / data.size();
        for (int epoch = 0; epoch < epochs; epoch++) {
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
        }
        return m;
    }

    /** Each label's probability for these features, most likely first. */
    public LinkedHashMap<String, Double> probabilities(Map<String, Double> features) {
        int[] idx = new int[features.size()];
        double[] val = new double[features.size()];
        int k = 0;
        for (Map.Entry<String, Double> f : features.entrySet()) {
            Integer i = index.get(f.getKey());
            if (i != null) {
                idx[k] = i;
                val[k++] = f.getValue();
            }
        }
        double[] p = softmax(Arrays.copyOf(idx, k), Arrays.copyOf(val, k));
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < p.length; c++) {
            order.add(c);
        }
        order.sort(Comparator.comparingDouble((Integer c) -> -p[c]));
        LinkedHashMap<String, Double> out = new LinkedHashMap<>();
        order.forEach(c -> out.put(labels.get(c), p[c]));
        return out;
    }

    /** The {@code n} named features that pushed most towards {@code label}, with their weight times value. */
    public List<Map.Entry<String, Double>> contributions(Map<String, Double> features, String label, int n,
            Predicate<String> shown) {
        int c = labels.indexOf(label);
        if (c < 0) {
            return List.of();
        }
        // A running top-n: only a handful are named, so the brief's features are not sorted whole.
        List<Map.Entry<String, Double>> out = new ArrayList<>();
        features.forEach((name, v) -> {
            Integer i = index.get(name);
            double w = i == null ? 0 : weights[c][i] * v;
            if (w <= 0 || !shown.test(name) || out.size() == n && w <= out.getLast().getValue()) {
                return;
            }
            int at = 0;
            while (at < out.size() && out.get(at).getValue() >= w) {
                at++;
            }
            out.add(at, Map.entry(name, w));
            if (out.size() > n) {
                out.removeLast();
            }
        });
        return out;
    }

    private double[] softmax(int[] idx, double[] val) {
        double[] s = new double[labels.size()];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < s.length; c++) {
            double[] w = weights[c];
            double z = w[names.length];
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
     * Labels, then the feature names as one UTF-8 block with their lengths, then the weights as floats in one block:
     * a start reads the reader's few megabytes in bulk instead of one call per name and per weight.
     */
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(labels.size());
        for (String l : labels) {
            out.writeUTF(l);
        }
        out.writeInt(names.length);
        byte[][] encoded = new byte[names.length][];
        ByteBuffer lengths = ByteBuffer.allocate(4 * names.length);
        int total = 0;
        for (int i = 0; i < names.length; i++) {
            encoded[i] = names[i].getBytes(StandardCharsets.UTF_8);
            lengths.putInt(encoded[i].length);
            total += encoded[i].length;
        }
        out.write(lengths.array());
        out.writeInt(total);
        for (byte[] name : encoded) {
            out.write(name);
        }
        ByteBuffer w = ByteBuffer.allocate(4 * weights.length * (names.length + 1));
        for (double[] row : weights) {
            for (double v : row) {
                w.putFloat((float) v);
            }
        }
        out.write(w.array());
    }

    public static SoftmaxRegression read(DataInputStream in) throws IOException {
        List<String> labels = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            labels.add(in.readUTF());
        }
        String[] names = new String[in.readInt()];
        int[] lengths = new int[names.length];
        ByteBuffer.wrap(bytes(in, 4 * names.length)).asIntBuffer().get(lengths);
        byte[] block = bytes(in, in.readInt());
        int at = 0;
        for (int i = 0; i < names.length; i++) {
            names[i] = new String(block, at, lengths[i], StandardCharsets.UTF_8);
            at += lengths[i];
        }
        double[][] w = new double[labels.size()][names.length + 1];
        FloatBuffer floats = ByteBuffer.wrap(bytes(in, 4 * w.length * (names.length + 1))).asFloatBuffer();
        float[] row = new float[names.length + 1];
        for (double[] r : w) {
            floats.get(row);
            for (int i = 0; i < row.length; i++) {
                r[i] = row[i];
            }
        }
        return new SoftmaxRegression(labels, names, w);
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
