package dev.rustengineer.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The crate-wide half of blocking-in-async: a call from async code, by its `crate::` path, of a blocking helper
 * fn that another file of the same crate defines at the top of its module (`crate::fs::write_new(..)` where
 * `src/fs.rs` has `pub fn write_new(..)` writing a file with std::fs). Each file says what it has and what it calls
 * ({@code CrossFileCalls}, cached with its findings); the two are matched here once every file was read. A file's
 * module path comes from where it lies under its crate's `src/` (`src/fs.rs` and `src/fs/mod.rs` are `crate::fs`,
 * `src/lib.rs` and `src/main.rs` the crate root; `#[path]` is not followed, `src/bin/` holds other crates).
 */
final class CrateBlockingHelpers {
    static final String RULE = "blocking-in-async";

    private CrateBlockingHelpers() {}

    /**
     * @param crateOf the crate directory of a file (relative to the audited root)
     * @param testFiles files that are test code because a test module declares them
     */
    static List<Finding> findings(AuditRules rules, List<SourceFileAudit.Outcome> results, Function<String, String> crateOf,
            Set<String> testFiles) {
        Map<String, String> helpers = new HashMap<>();
        boolean anyCall = false;
        for (SourceFileAudit.Outcome o : results) {
            anyCall |= !o.result().crateCalls().isEmpty();
            if (o.result().blockingHelpers().isEmpty()) {
                continue;
            }
            String crate = crateOf.apply(o.rel());
            String module = modulePath(crate, o.rel());
            if (module != null) {
                o.result().blockingHelpers().forEach(h -> helpers.put(crate + "|" + module + "::" + h.name(), h.blocksOn()));
            }
        }
        List<Finding> out = new ArrayList<>();
        if (helpers.isEmpty() || !anyCall) {
            return out;
        }
        for (SourceFileAudit.Outcome o : results) {
            if (o.result().crateCalls().isEmpty() || testFiles.contains(o.rel())) {
                continue;
            }
            String crate = crateOf.apply(o.rel());
            for (FileAuditor.CrateCall call : o.result().crateCalls()) {
                String blocksOn = helpers.get(crate + "|" + call.path());
                if (blocksOn != null) {
                    out.add(rules.finding(RULE, o.rel(), call.line(), call.column(), "`" + call.path() + "()` (a fn of this crate that calls "
                            + blocksOn + ") blocks the executor thread in async code; use the async API or spawn_blocking"));
                }
            }
        }
        return out;
    }

    /** `crate::a::b` for `<crate>/src/a/b.rs` or `<crate>/src/a/b/mod.rs`, `crate` for lib.rs/main.rs, else null. */
    static String modulePath(String crateDir, String rel) {
        String inCrate = crateDir.isEmpty() ? rel : rel.startsWith(crateDir + "/") ? rel.substring(crateDir.length() + 1) : null;
        if (inCrate == null || !inCrate.startsWith("src/") || !inCrate.endsWith(".rs") || inCrate.startsWith("src/bin/")) {
            return null;
        }
        String p = inCrate.substring(4, inCrate.length() - 3);
        if (p.equals("lib") || p.equals("main")) {
            return "crate";
        }
        if (p.endsWith("/mod")) {
            p = p.substring(0, p.length() - 4);
        }
        return "crate::" + p.replace("/", "::");
    }
}
