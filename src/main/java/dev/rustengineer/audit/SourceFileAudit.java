package dev.rustengineer.audit;

import dev.rustengineer.audit.cache.AuditCache;
import dev.rustengineer.audit.notes.SourceNotes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One file's part of a scan: its bytes are read once, the rules' findings come from the cache when the same content
 * was audited under the same path by the same code, or from {@link FileAuditor}; the gate's notes (suppression
 * comments, line contexts for fingerprints) are read from the same bytes and cached with them.
 */
final class SourceFileAudit {
    /** What one file gave. */
    record Outcome(String rel, FileAuditor.Result result, SourceNotes notes) {}

    /** What the cache keeps per file. */
    record Cached(FileAuditor.Result result, SourceNotes notes) {}

    private final AuditRules rules;
    private final FileAuditor fileAuditor;
    private final AuditCache<Cached> cache;

    /** @param cache null to audit every file afresh */
    SourceFileAudit(AuditRules rules, FileAuditor fileAuditor, AuditCache<Cached> cache) {
        this.rules = rules;
        this.fileAuditor = fileAuditor;
        this.cache = cache;
    }

    /**
     * @param root the audited root (cache keys are relative to it, so a moved tree keeps its cache)
     * @param base what findings' paths are relative to (the root, or a dependency's directory)
     */
    Outcome audit(Path root, Path base, Path file) {
        String rel = base.relativize(file).toString().replace('\\', '/');
        String key = base.equals(root) ? rel : base + "/" + rel;
        try {
            Cached c = cache == null ? compute(rel, Files.readAllBytes(file)) : cache.get(key, file, bytes -> compute(rel, bytes));
            return new Outcome(rel, c.result(), c.notes());
        } catch (IOException e) {
            return new Outcome(rel, failed(rel, e), SourceNotes.NONE);
        }
    }

    private Cached compute(String rel, byte[] raw) {
        FileAuditor.Result r;
        try {
            r = fileAuditor.audit(rel, raw);
        } catch (RuntimeException e) {
            r = failed(rel, e);
        }
        // A call the crate-wide check may report gets its notes (suppressions, line context) like a finding.
        List<SourceNotes.At> at = new ArrayList<>();
        r.findings().forEach(f -> at.add(new SourceNotes.At(f.rule(), f.line())));
        r.crateCalls().forEach(c -> at.add(new SourceNotes.At(CrateBlockingHelpers.RULE, c.line())));
        r.queryLoopCalls().forEach(c -> at.add(new SourceNotes.At(CrateQueryHelpers.RULE, c.line())));
        return new Cached(r, SourceNotes.read(raw, rel, at));
    }

    /** One unreadable or unparsable file never stops the audit: it becomes a finding. */
    private FileAuditor.Result failed(String rel, Exception e) {
        return new FileAuditor.Result(List.of(rules.finding("parse-error", rel, 1, 1, "could not be audited: " + e.getMessage())),
                0, true, false, 0);
    }
}
