package dev.rustengineer.audit.gate;

import dev.rustengineer.audit.Finding;
import dev.rustengineer.audit.notes.SourceNotes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Fingerprints that follow a finding across commits, for SARIF's {@code partialFingerprints} (GitHub code scanning
 * matches alerts by them), the JSON output and the baseline: a hash of the rule id, the file's path, and the
 * finding's line context ({@link dev.rustengineer.audit.notes.LineContexts}: its line and the next, whitespace
 * removed), then {@code :n} where n counts earlier findings with the same three in the file, so two identical lines
 * stay apart. The line number and the message (which can quote line numbers) take no part: lines inserted above a
 * finding leave its fingerprint alone. Versioned by {@link #KEY}: a change of recipe gets a new key.
 */
public final class Fingerprints {
    public static final String KEY = "rustEngineer/v1";

    private Fingerprints() {}

    /** One fingerprint per finding, in the findings' order; {@code findings} must be sorted (file, line, column). */
    public static List<String> of(List<Finding> findings, Map<String, SourceNotes> notes) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> out = new ArrayList<>(findings.size());
        MessageDigest sha = sha256();
        for (Finding f : findings) {
            String context = notes.getOrDefault(f.file(), SourceNotes.NONE).context(f.line());
            String h = HexFormat.of().formatHex(sha.digest((f.rule() + "\0" + f.file() + "\0" + context).getBytes(StandardCharsets.UTF_8)), 0, 16);
            int n = seen.merge(h, 1, Integer::sum) - 1;
            out.add(h + ":" + n);
        }
        return out;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
