package dev.rustengineer.brief;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Every feature name the learned targets' classifiers know, each with one id that all of them share. A brief's
 * features are looked up here once (one hash lookup per feature) instead of once per target, and the model file
 * holds each name once instead of once per target (39,000 names, not 300,000).
 */
final class Vocabulary {
    private final String[] names;
    private final Map<String, Integer> ids;

    /** {@code names} sorted and without repeats; their positions are their ids. */
    Vocabulary(String[] names) {
        this.names = names;
        this.ids = new HashMap<>(names.length * 4 / 3 + 1);
        for (int i = 0; i < names.length; i++) {
            ids.put(names[i], i);
        }
    }

    /** The names of all these feature sets together. */
    static Vocabulary union(Collection<String[]> featureSets) {
        TreeSet<String> all = new TreeSet<>();
        for (String[] names : featureSets) {
            all.addAll(Arrays.asList(names));
        }
        return new Vocabulary(all.toArray(String[]::new));
    }

    int size() {
        return names.length;
    }

    String name(int id) {
        return names[id];
    }

    String[] names() {
        return names;
    }

    /** The id of a name, or -1 when no classifier knows it. */
    int id(String name) {
        Integer id = ids.get(name);
        return id == null ? -1 : id;
    }

    /**
     * A brief's features by id, in the order the map gives them, which is the order each classifier adds them up in
     * (the same order as before ids, so every probability is the same to the last bit); names no classifier knows
     * weigh nothing and are left out.
     */
    Features lookup(Map<String, Double> features) {
        int[] id = new int[features.size()];
        double[] value = new double[features.size()];
        int k = 0;
        for (Map.Entry<String, Double> f : features.entrySet()) {
            int i = id(f.getKey());
            if (i >= 0) {
                id[k] = i;
                value[k++] = f.getValue();
            }
        }
        return new Features(this, Arrays.copyOf(id, k), Arrays.copyOf(value, k));
    }

    /** The names as one UTF-8 block with their lengths before it: read back in bulk, not one call per name. */
    void write(DataOutputStream out) throws IOException {
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
    }

    static Vocabulary read(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("corrupt model file");
        }
        int[] lengths = new int[n];
        byte[] lengthBytes = new byte[4 * n];
        in.readFully(lengthBytes);
        ByteBuffer.wrap(lengthBytes).asIntBuffer().get(lengths);
        int total = in.readInt();
        if (total < 0) {
            throw new IOException("corrupt model file");
        }
        byte[] block = new byte[total];
        in.readFully(block);
        String[] names = new String[n];
        int at = 0;
        for (int i = 0; i < n; i++) {
            if (lengths[i] < 0 || at + lengths[i] > block.length) {
                throw new IOException("corrupt model file");
            }
            names[i] = new String(block, at, lengths[i], StandardCharsets.UTF_8);
            at += lengths[i];
        }
        return new Vocabulary(names);
    }

    /** A brief's features as ids of {@code vocabulary} and their values. */
    record Features(Vocabulary vocabulary, int[] ids, double[] values) {}
}
