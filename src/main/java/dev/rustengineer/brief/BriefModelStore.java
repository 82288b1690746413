package dev.rustengineer.brief;

import dev.rustengineer.brief.corpus.BriefCorpus;
import dev.rustengineer.brief.corpus.CorpusBrief;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.Function;

/**
 * Where the trained reader lives between runs. The model is keyed by a fingerprint of everything it was trained
 * from (the corpus files, the text rules, the feature and training settings), so a change to any of them
 * retrains. Looked for in the user's cache, else trained now (a few seconds) and cached.
 */
public final class BriefModelStore {
    /** Bump when features or training change in code. */
    static final String VERSION = "reader-4";

    private BriefModelStore() {}

    public static String fingerprint(BriefCorpus corpus, String rules) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        sha.update((VERSION + "|" + BriefModel.L2 + "|" + BriefModel.EPOCHS + "|" + BriefModel.SEED + "|"
                + BriefFeatures.EMBEDDING_WEIGHT + "|" + Arrays.toString(BriefModel.THRESHOLDS) + "|" + Embedder.MODEL + "|" + corpus.digest() + "|" + rules)
                .getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
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
        BriefModel model = BriefModel.train(corpus.split(CorpusBrief.Split.TRAIN), corpus.split(CorpusBrief.Split.DEV), see);
        try {
            write(model, cached);
        } catch (IOException e) {
            // A read-only home still gets a working reader; it only trains again next time.
        }
        return model;
    }

    public static void write(BriefModel model, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "model", ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out));
            model.write(data);
            data.flush();
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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
