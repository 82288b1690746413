package dev.rustengineer.brief;

import dev.rustengineer.brief.corpus.BriefCorpus;
import dev.rustengineer.brief.corpus.CorpusBrief;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Where the trained reader lives between runs. The model is keyed by a fingerprint of everything it was trained
 * from (the corpus files, the text rules, the feature and training settings), so a change to any of them
 * retrains. Looked for in the user's cache, else trained now (a few seconds) and cached.
 */
public final class BriefModelStore {
    /** Bump when features or training change in code. */
    static final String VERSION = "reader-6";

    private BriefModelStore() {}

    public static String fingerprint(BriefCorpus corpus, String rules) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        sha.update((VERSION + "|" + BriefModel.TRAINING + "|" + BriefModel.TRAINING_SCOPE + "|" + BriefModel.ESCALATION_L2 + "|" + BriefModel.MIN_BRIEFS + "|"
                + BriefFeatures.EMBEDDING_WEIGHT + "|" + Arrays.toString(BriefModel.THRESHOLDS) + "|" + Embedder.MODEL + "|" + corpus.digest() + "|" + rules
                + "|" + codeDigest()).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    }

    /**
     * The reader's own code: every class of this package, by the CRC-32 the jar's directory keeps for it (nothing is
     * inflated), or by its bytes when the classes are a directory (tests). A change to how features are read
     * otherwise kept serving a model trained by the old code from the cache, whose answers no evaluation had seen.
     */
    static String codeDigest() {
        String pkg = BriefModelStore.class.getPackageName().replace('.', '/') + "/";
        URL self = BriefModelStore.class.getResource(BriefModelStore.class.getSimpleName() + ".class");
        StringBuilder out = new StringBuilder();
        try {
            if (self != null && self.openConnection() instanceof JarURLConnection jar) {
                jar.getJarFile().stream().filter(e -> e.getName().startsWith(pkg) && e.getName().indexOf('/', pkg.length()) < 0
                                && e.getName().endsWith(".class"))
                        .sorted(Comparator.comparing(JarEntry::getName))
                        .forEach(e -> out.append(e.getName()).append('=').append(Long.toHexString(e.getCrc())).append('\n'));
            } else if (self != null) {
                Path dir = Path.of(self.toURI()).getParent();
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                        CRC32 crc = new CRC32();
                        crc.update(Files.readAllBytes(f));
                        out.append(f.getFileName()).append('=').append(Long.toHexString(crc.getValue())).append('\n');
                    }
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // No way to read the code: the key falls back to the corpus, rules and settings alone.
        }
        return out.toString();
    }

    static BriefModel load(BriefCorpus corpus, String fingerprint, Function<String, BriefModel.Seen> see) {
        Path cached = cacheDir().resolve("model-" + fingerprint + ".bin");
        if (Files.isRegularFile(cached)) {
            try (InputStream in = Files.newInputStream(cached)) {
                return BriefModel.read(new DataInputStream(new BufferedInputStream(in)));
            } catch (IOException e) {
                // Unreadable cache: train again and overwrite it.
            }
        }
        BriefModel trained = BriefModel.train(corpus.split(CorpusBrief.Split.TRAIN), corpus.split(CorpusBrief.Split.DEV), see);
        byte[] bytes = bytes(trained);
        try {
            write(bytes, cached);
        } catch (IOException e) {
            // A read-only home still gets a working reader; it only trains again next time.
        }
        // The model as every later start reads it from the cache (its weights stored as floats): the run that
        // trained it answers exactly as they will.
        try {
            return BriefModel.read(new DataInputStream(new ByteArrayInputStream(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(BriefModel model, Path file) throws IOException {
        write(bytes(model), file);
    }

    private static void write(byte[] model, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "model", ".tmp");
        try {
            Files.write(tmp, model);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static byte[] bytes(BriefModel model) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataOutputStream data = new DataOutputStream(out)) {
            model.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Path cacheDir() {
        String override = System.getenv("RUST_ENGINEER_CACHE");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("rust-engineer");
    }
}
