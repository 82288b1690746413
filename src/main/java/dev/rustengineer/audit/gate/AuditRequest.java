package dev.rustengineer.audit.gate;

import java.nio.file.Path;

/**
 * What an audit run should do besides the rules: suppression comments always apply; the rest is asked for.
 *
 * @param deps also audit every dependency, one row per crate
 * @param cache reuse per-file results under the tree's target/rust-engineer-audit/ (or $RUST_ENGINEER_CACHE)
 * @param baseline the baseline file to read (or, with {@code updateBaseline}, to write); null for none
 * @param updateBaseline write the baseline from this run's findings instead of reading it
 * @param changedSince a git ref: only findings on lines changed since it count; null for the whole tree
 */
public record AuditRequest(boolean deps, boolean cache, Path baseline, boolean updateBaseline, String changedSince) {
    /** The request of the web door, the MCP tool and handoffs: no cache (their trees are temporary or read-only), no git. */
    public static AuditRequest plain(boolean deps) {
        return new AuditRequest(deps, false, null, false, null);
    }
}
