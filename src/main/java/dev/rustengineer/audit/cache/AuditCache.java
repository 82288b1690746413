package dev.rustengineer.audit.cache;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Per-file results remembered between runs, keyed by a hash of the file's content and of its key (its path, on which
 * some results depend), in one binary file stamped with the {@link CodeVersion} of the code that computed them: a
 * different version discards the whole file. Only the entries a run used are written back, so the file never
 * outgrows the tree. A corrupt or unreadable cache is treated as empty, one that cannot be written is skipped (the
 * results are still right, only not remembered).
 *
 * <p>Like git's index, each entry also keeps the file's size, modification time and inode: when all three match and
 * the file was last modified well before the run that recorded it (so an edit in the same clock tick cannot hide),
 * the file is not even read. Otherwise its content is hashed and the hash decides.
 *
 * @param <V> the per-file value, a record ({@link RecordCodec})
 */
public final class AuditCache<V extends Record> {
    private static final int MAGIC = 0x52454143; // "REAC"
    private static final int FORMAT = 1;
    /** A file modified this close to the start of the recording run is checked by content next time. */
    private static final long RACY_NANOS = TimeUnit.SECONDS.toNanos(2);

    /** One file's stamp, content hash and value. */
    private record Entry<V>(long size, long modified, String inode, String hash, V value) {
        boolean sameStamp(Entry<?> o) {
            return size == o.size && modified == o.modified && Objects.equals(inode, o.inode) && hash.equals(o.hash);
        }
    }

    private final Path file;
    private final CodeVersion version;
    private final RecordCodec<V> codec;
    private final long writtenAt;
    private final Map<String, Entry<V>> previous;
    private final long startedAt = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
    private final Map<String, Entry<V>> used = new ConcurrentHashMap<>();
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger misses = new AtomicInteger();
    private final AtomicBoolean changed = new AtomicBoolean();

    private AuditCache(Path file, CodeVersion version, RecordCodec<V> codec, long writtenAt, Map<String, Entry<V>> previous) {
        this.file = file;
        this.version = version;
        this.codec = codec;
        this.writtenAt = writtenAt;
        this.previous = previous;
    }

    /** Opens the cache in {@code file}: empty when it does not exist, is unreadable or was written by other code. */
    public static <V extends Record> AuditCache<V> open(Path file, CodeVersion version, Class<V> valueClass) {
        RecordCodec<V> codec = RecordCodec.of(valueClass);
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)));
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                return empty(file, version, codec);
            }
            String identity = in.readUTF();
            String hash = in.readUTF();
            if (!version.identity().equals(identity) && !version.hash().equals(hash)) {
                return empty(file, version, codec);
            }
            long writtenAt = in.readLong();
            Map<String, Entry<V>> entries = new HashMap<>();
            RecordCodec.Strings strings = new RecordCodec.Strings();
            int n = RecordCodec.readVarInt(in);
            for (int i = 0; i < n; i++) {
                String key = strings.read(in);
                entries.put(key, new Entry<>(in.readLong(), in.readLong(), strings.read(in), strings.read(in), codec.read(in, strings)));
            }
            AuditCache<V> cache = new AuditCache<>(file, version, codec, writtenAt, entries);
            // Another build of the same code (recognised by its hash): write the file again under this build's
            // identity, so that the next run recognises it without hashing the classes.
            cache.changed.set(!version.identity().equals(identity));
            return cache;
        } catch (IOException | RuntimeException e) {
            // No cache yet, or one this code cannot read.
            return empty(file, version, codec);
        }
    }

    private static <V extends Record> AuditCache<V> empty(Path file, CodeVersion version, RecordCodec<V> codec) {
        return new AuditCache<>(file, version, codec, Long.MIN_VALUE, Map.of());
    }

    /**
     * The value for this file under this key: the remembered one when the file is unchanged, else
     * {@code compute}'s on the file's bytes (then remembered). Thread-safe; {@code compute} runs outside any lock.
     */
    public V get(String key, Path path, Function<byte[], V> compute) throws IOException {
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
        long modified = a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
        String inode = a.fileKey() == null ? null : a.fileKey().toString();
        Entry<V> e = previous.get(key);
        if (e != null && e.size() == a.size() && e.modified() == modified && Objects.equals(e.inode(), inode)
                && modified < writtenAt - RACY_NANOS) {
            hits.incrementAndGet();
            used.put(key, e);
            return e.value();
        }
        byte[] bytes = Files.readAllBytes(path);
        String h = hash(key, bytes);
        V v;
        if (e != null && e.hash().equals(h)) {
            hits.incrementAndGet();
            v = e.value();
        } else {
            misses.incrementAndGet();
            v = compute.apply(bytes);
        }
        Entry<V> now = new Entry<>(bytes.length, modified, inode, h, v);
        used.put(key, now);
        // A changed stamp, a new entry, or one that could only be trusted by its hash: write the file again.
        changed.set(true);
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
        if (!changed.get() && used.keySet().equals(previous.keySet())) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try {
                try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
                    out.writeInt(MAGIC);
                    out.writeInt(FORMAT);
                    out.writeUTF(version.identity());
                    out.writeUTF(version.hash());
                    out.writeLong(startedAt);
                    RecordCodec.Strings strings = new RecordCodec.Strings();
                    RecordCodec.writeVarInt(out, used.size());
                    for (var en : used.entrySet()) {
                        Entry<V> e = en.getValue();
                        strings.write(out, en.getKey());
                        out.writeLong(e.size());
                        out.writeLong(e.modified());
                        strings.write(out, e.inode());
                        strings.write(out, e.hash());
                        codec.write(out, e.value(), strings);
                    }
                }
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            // A read-only tree or a full disk: the audit's results stand, the next run computes them again.
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
