package dev.rustengineer.audit.cache;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Per-file results remembered between runs, keyed by a hash of the file's content and of its key (its path, on which
 * some results depend), in one file stamped with the {@link CodeVersion} of the code that computed them: a different
 * version discards the whole file. Only the entries a run used are written back, so the file never outgrows the tree.
 * Lookups are thread-safe; a cache that cannot be read is treated as empty and one that cannot be written is skipped
 * (the results are still right, only not remembered).
 *
 * @param <V> the per-file value, written and read by Jackson
 */
public final class AuditCache<V> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private final String version;
    private final JavaType valueType;
    private final Map<String, V> previous;
    private final Map<String, V> used = new ConcurrentHashMap<>();
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger misses = new AtomicInteger();

    private AuditCache(Path file, String version, JavaType valueType, Map<String, V> previous) {
        this.file = file;
        this.version = version;
        this.valueType = valueType;
        this.previous = previous;
    }

    /** Opens the cache in {@code file}, empty when it does not exist, is unreadable or was written by other code. */
    public static <V> AuditCache<V> open(Path file, String version, Class<V> valueClass) {
        JavaType type = JSON.constructType(valueClass);
        return new AuditCache<>(file, version, type, load(file, version, type));
    }

    /**
     * The value for this content under this key: the remembered one, or {@code compute}'s (then remembered).
     * {@code compute} runs outside any lock.
     */
    public V get(String key, byte[] content, Function<byte[], V> compute) {
        String h = hash(key, content);
        V v = previous.get(h);
        if (v != null) {
            hits.incrementAndGet();
        } else {
            misses.incrementAndGet();
            v = compute.apply(content);
        }
        used.put(h, v);
        return v;
    }

    public int hits() {
        return hits.get();
    }

    public int misses() {
        return misses.get();
    }

    /** Writes the entries this run used, atomically (a concurrent reader sees the old file or the new one). */
    public void save() {
        if (misses.get() == 0 && used.keySet().equals(previous.keySet())) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try {
                ObjectWriter w = JSON.writerFor(valueType);
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
                        JsonGenerator g = JSON.getFactory().createGenerator(out)) {
                    g.writeStartObject();
                    g.writeStringField("version", version);
                    g.writeObjectFieldStart("entries");
                    for (var e : used.entrySet()) {
                        g.writeFieldName(e.getKey());
                        w.writeValue(g, e.getValue());
                    }
                    g.writeEndObject();
                    g.writeEndObject();
                }
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            // A read-only tree or a full disk: the audit's results stand, the next run computes them again.
        }
    }

    /** Streams the file entry by entry: the version is checked first, so a stale cache costs one small read. */
    private static <V> Map<String, V> load(Path file, String version, JavaType type) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        Map<String, V> out = new HashMap<>();
        ObjectReader r = JSON.readerFor(type);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
                JsonParser p = JSON.getFactory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT || p.nextToken() != JsonToken.FIELD_NAME
                    || !p.currentName().equals("version") || p.nextToken() != JsonToken.VALUE_STRING
                    || !p.getText().equals(version)) {
                return Map.of();
            }
            if (p.nextToken() != JsonToken.FIELD_NAME || !p.currentName().equals("entries") || p.nextToken() != JsonToken.START_OBJECT) {
                return Map.of();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                out.put(key, r.readValue(p));
            }
            return out;
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    static String hash(String key, byte[] content) {
        MessageDigest d = CodeVersion.sha256();
        d.update(key.getBytes(StandardCharsets.UTF_8));
        d.update((byte) 0);
        d.update(content);
        return HexFormat.of().formatHex(d.digest(), 0, 16);
    }
}
