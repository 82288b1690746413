package dev.rustengineer.audit.gate;

import dev.rustengineer.audit.Finding;
import dev.rustengineer.audit.notes.LineContexts;
import dev.rustengineer.audit.notes.SourceNotes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fingerprints that follow a finding across commits, for SARIF's {@code partialFingerprints} (GitHub code scanning
 * matches alerts by them), the JSON output and the baseline: a hash of the rule id, the file's path, and the
 * finding's line context ({@link LineContexts}: its line and the next, whitespace removed), then {@code :n} where n
 * counts earlier findings with the same hash in the file, so two identical lines stay apart. The line number and the
 * message (which can quote line numbers) take no part: lines inserted above a finding leave its fingerprint alone.
 * The hashes are computed per file with the rules' results (and cached with them, {@link SourceNotes}); only
 * findings no file's notes cover (workspace findings on Cargo.toml) are hashed here, with an empty context.
 * Versioned by {@link #KEY}: a change of recipe gets a new key.
 */
public final class Fingerprints {
    public static final String KEY = "rustEngineer/v1";

    private Fingerprints() {}

    /** One fingerprint per finding, in the findings' order; {@code findings} must be sorted (file, line, column). */
    public static List<String> of(List<Finding> findings, Map<String, SourceNotes> notes) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> out = new ArrayList<>(findings.size());
        LineContexts none = null;
        for (Finding f : findings) {
            String h = notes.getOrDefault(f.file(), SourceNotes.NONE).hash(f.rule(), f.line());
            if (h == null) {
                none = none == null ? new LineContexts("") : none;
                h = none.hash(f.rule(), f.file(), "");
            }
            int n = seen.merge(h, 1, Integer::sum) - 1;
            out.add(h + ":" + n);
        }
        return out;
    }
}
