package dev.rustengineer.audit.cache;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads a record type as compact binary, driven by the record's own components, so a record that gains
 * or changes a component needs no change here (the cache's {@link CodeVersion} already discards files written by
 * other code). Supports what the audit's per-file results are made of: int, long, boolean, double (and boxed),
 * String, enums, records, List and Map of those. Strings go through a table, written the first time and referred
 * to by index after, so rule ids, paths and repeated messages cost a few bytes each.
 *
 * <p>Hand-written rather than Jackson because it is measured: on a cold JVM, Jackson's databind took about 1.5 s to
 * read the 33,285 findings of the 1.8-million-line bench tree back from JSON (8.7 MB); this codec reads them in a
 * small fraction of that, and the cached run's whole budget is one second.
 */
final class RecordCodec<T> {
    private final Node root;

    private RecordCodec(Node root) {
        this.root = root;
    }

    static <T extends Record> RecordCodec<T> of(Class<T> type) {
        return new RecordCodec<>(node(type, new HashMap<>()));
    }

    void write(DataOutputStream out, T value, Strings strings) throws IOException {
        root.write(out, value, strings);
    }

    @SuppressWarnings("unchecked")
    T read(DataInputStream in, Strings strings) throws IOException {
        return (T) root.read(in, strings);
    }

    /** The string table of one file: each string is written once, then referred to by its index. */
    static final class Strings {
        private final Map<String, Integer> indexes = new HashMap<>();
        private final List<String> values = new ArrayList<>();

        void write(DataOutputStream out, String s) throws IOException {
            if (s == null) {
                writeVarInt(out, 0);
                return;
            }
            Integer i = indexes.get(s);
            if (i != null) {
                writeVarInt(out, i + 2);
                return;
            }
            indexes.put(s, values.size());
            values.add(s);
            writeVarInt(out, 1);
            byte[] utf8 = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            writeVarInt(out, utf8.length);
            out.write(utf8);
        }

        String read(DataInputStream in) throws IOException {
            int tag = readVarInt(in);
            if (tag == 0) {
                return null;
            }
            if (tag >= 2) {
                return values.get(tag - 2);
            }
            String s = new String(in.readNBytes(readVarInt(in)), java.nio.charset.StandardCharsets.UTF_8);
            values.add(s);
            return s;
        }
    }

    static void writeVarInt(DataOutputStream out, int v) throws IOException {
        while ((v & ~0x7F) != 0) {
            out.writeByte((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.writeByte(v);
    }

    static int readVarInt(DataInputStream in) throws IOException {
        int v = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = in.readUnsignedByte();
            v |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IOException("malformed number in the cache");
    }

    /** How to write and read one type. */
    private interface Node {
        void write(DataOutputStream out, Object value, Strings strings) throws IOException;

        Object read(DataInputStream in, Strings strings) throws IOException;
    }

    private static Node node(Type type, Map<Type, Node> seen) {
        Node known = seen.get(type);
        if (known != null) {
            return known;
        }
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            Node e = node(p.getActualTypeArguments()[0], seen);
            return new Node() {
                @Override
                public void write(DataOutputStream out, Object value, Strings strings) throws IOException {
                    List<?> list = (List<?>) value;
                    writeVarInt(out, list.size());
                    for (Object o : list) {
                        e.write(out, o, strings);
                    }
                }

                @Override
                public Object read(DataInputStream in, Strings strings) throws IOException {
                    int n = readVarInt(in);
                    List<Object> list = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        list.add(e.read(in, strings));
                    }
                    return list;
                }
            };
        }
        if (type instanceof ParameterizedType p && p.getRawType() == Map.class) {
            Node k = node(p.getActualTypeArguments()[0], seen);
            Node v = node(p.getActualTypeArguments()[1], seen);
            return new Node() {
                @Override
                public void write(DataOutputStream out, Object value, Strings strings) throws IOException {
                    Map<?, ?> map = (Map<?, ?>) value;
                    writeVarInt(out, map.size());
                    for (var en : map.entrySet()) {
                        k.write(out, en.getKey(), strings);
                        v.write(out, en.getValue(), strings);
                    }
                }

                @Override
                public Object read(DataInputStream in, Strings strings) throws IOException {
                    int n = readVarInt(in);
                    Map<Object, Object> map = new LinkedHashMap<>();
                    for (int i = 0; i < n; i++) {
                        map.put(k.read(in, strings), v.read(in, strings));
                    }
                    return map;
                }
            };
        }
        if (!(type instanceof Class<?> c)) {
            throw new IllegalArgumentException("the cache cannot store " + type);
        }
        if (c == String.class) {
            return scalar((out, v, s) -> s.write(out, (String) v), (in, s) -> s.read(in));
        }
        if (c == int.class || c == Integer.class) {
            return nullable(c.isPrimitive(), scalar((out, v, s) -> out.writeInt((Integer) v), (in, s) -> in.readInt()));
        }
        if (c == long.class || c == Long.class) {
            return nullable(c.isPrimitive(), scalar((out, v, s) -> out.writeLong((Long) v), (in, s) -> in.readLong()));
        }
        if (c == boolean.class || c == Boolean.class) {
            return nullable(c.isPrimitive(), scalar((out, v, s) -> out.writeBoolean((Boolean) v), (in, s) -> in.readBoolean()));
        }
        if (c == double.class || c == Double.class) {
            return nullable(c.isPrimitive(), scalar((out, v, s) -> out.writeDouble((Double) v), (in, s) -> in.readDouble()));
        }
        if (c.isEnum()) {
            Object[] constants = c.getEnumConstants();
            return scalar((out, v, s) -> s.write(out, v == null ? null : ((Enum<?>) v).name()), (in, s) -> {
                String name = s.read(in);
                if (name == null) {
                    return null;
                }
                for (Object o : constants) {
                    if (((Enum<?>) o).name().equals(name)) {
                        return o;
                    }
                }
                throw new IOException("unknown " + c.getSimpleName() + " '" + name + "' in the cache");
            });
        }
        if (c.isRecord()) {
            return record(c, seen);
        }
        throw new IllegalArgumentException("the cache cannot store " + c.getName());
    }

    private static Node record(Class<?> c, Map<Type, Node> seen) {
        RecordComponent[] parts = c.getRecordComponents();
        MethodHandle[] getters = new MethodHandle[parts.length];
        Node[] nodes = new Node[parts.length];
        Class<?>[] types = new Class<?>[parts.length];
        MethodHandle constructor;
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            for (int i = 0; i < parts.length; i++) {
                parts[i].getAccessor().setAccessible(true);
                getters[i] = lookup.unreflect(parts[i].getAccessor());
                types[i] = parts[i].getType();
            }
            Constructor<?> ctor = c.getDeclaredConstructor(types);
            ctor.setAccessible(true);
            constructor = lookup.unreflectConstructor(ctor).asSpreader(Object[].class, parts.length);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("the cache cannot store " + c.getName() + ": " + e.getMessage(), e);
        }
        Node self = new Node() {
            @Override
            public void write(DataOutputStream out, Object value, Strings strings) throws IOException {
                out.writeBoolean(value != null);
                if (value == null) {
                    return;
                }
                for (int i = 0; i < parts.length; i++) {
                    Object v;
                    try {
                        v = getters[i].invoke(value);
                    } catch (Throwable t) {
                        throw new IOException("reading " + parts[i].getName() + " of " + c.getSimpleName(), t);
                    }
                    nodes[i].write(out, v, strings);
                }
            }

            @Override
            public Object read(DataInputStream in, Strings strings) throws IOException {
                if (!in.readBoolean()) {
                    return null;
                }
                Object[] args = new Object[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    args[i] = nodes[i].read(in, strings);
                }
                try {
                    return constructor.invoke(args);
                } catch (Throwable t) {
                    throw new IOException("making a " + c.getSimpleName() + " from the cache", t);
                }
            }
        };
        seen.put(c, self);
        for (int i = 0; i < parts.length; i++) {
            nodes[i] = node(parts[i].getGenericType(), seen);
        }
        return self;
    }

    private interface Writer {
        void write(DataOutputStream out, Object value, Strings strings) throws IOException;
    }

    private interface Reader {
        Object read(DataInputStream in, Strings strings) throws IOException;
    }

    private static Node scalar(Writer w, Reader r) {
        return new Node() {
            @Override
            public void write(DataOutputStream out, Object value, Strings strings) throws IOException {
                w.write(out, value, strings);
            }

            @Override
            public Object read(DataInputStream in, Strings strings) throws IOException {
                return r.read(in, strings);
            }
        };
    }

    /** Boxed numbers and booleans may be null: a presence byte first. Primitives never are. */
    private static Node nullable(boolean primitive, Node inner) {
        if (primitive) {
            return inner;
        }
        return new Node() {
            @Override
            public void write(DataOutputStream out, Object value, Strings strings) throws IOException {
                out.writeBoolean(value != null);
                if (value != null) {
                    inner.write(out, value, strings);
                }
            }

            @Override
            public Object read(DataInputStream in, Strings strings) throws IOException {
                return in.readBoolean() ? inner.read(in, strings) : null;
            }
        };
    }
}
