package dev.rustengineer.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The crate-wide half of blocking-in-async: a call from async code, by its crate path, of a blocking helper fn that
 * another file of the same crate defines at the top of its module (`crate::fs::write_new(..)` where `src/fs.rs` has
 * `pub fn write_new(..)` writing a file with std::fs). Each file says what it has and what it calls
 * ({@code CrossFileCalls}, cached with its findings); the two are matched here once every file was read. Helpers of
 * helpers are followed across files, {@value #DEPTH} calls deep: a top-level fn that calls another file's helper is
 * one (`util::db::insert` calling `super::db_json::update_all`, which writes the file). A path is looked up through
 * the `pub use` re-exports of its module (`pub use frame::*`). A file's module path comes from where it lies under
 * its crate's `src/` (`src/fs.rs` and `src/fs/mod.rs` are `crate::fs`, `src/lib.rs` and `src/main.rs` the crate
 * root; `#[path]` is not followed, `src/bin/` holds other crates).
 */
final class CrateBlockingHelpers {
    static final String RULE = "blocking-in-async";
    /** Rounds of helpers calling helpers across files (each file already follows its own three deep). */
    static final int DEPTH = 3;
    /** Re-exports followed for one lookup (`pub use a::*` in a module that another re-exports). */
    private static final int ALIAS_DEPTH = 4;

    /** A module's re-export: the name (`*` for a glob) and its target, a full crate path. */
    private record Export(String name, String target) {}

    /** A helper candidate: a fn's full path (crate-qualified) and the full path it calls. */
    private record Edge(String from, String to) {}

    private final Map<String, String> helpers = new HashMap<>();
    private final Map<String, List<Export>> exports = new HashMap<>();

    private CrateBlockingHelpers() {}

    /**
     * @param crateOf the crate directory of a file (relative to the audited root)
     * @param testFiles files that are test code because a test module declares them
     */
    static List<Finding> findings(AuditRules rules, List<SourceFileAudit.Outcome> results, Function<String, String> crateOf,
            Set<String> testFiles) {
        CrateBlockingHelpers h = new CrateBlockingHelpers();
        List<Edge> edges = new ArrayList<>();
        boolean anyCall = false;
        for (SourceFileAudit.Outcome o : results) {
            FileAuditor.Result r = o.result();
            anyCall |= !r.crateCalls().isEmpty();
            if (r.blockingHelpers().isEmpty() && r.helperEdges().isEmpty() && r.reExports().isEmpty()) {
                continue;
            }
            String crate = crateOf.apply(o.rel());
            String module = modulePath(crate, o.rel());
            if (module == null) {
                continue;
            }
            r.blockingHelpers().forEach(x -> h.helpers.put(crate + "|" + module + "::" + x.name(), x.blocksOn()));
            for (FileAuditor.ReExport x : r.reExports()) {
                String target = relative(module, x.target());
                if (target != null) {
                    h.exports.computeIfAbsent(crate + "|" + module, k -> new ArrayList<>()).add(new Export(x.name(), crate + "|" + target));
                }
            }
            for (FileAuditor.HelperEdge e : r.helperEdges()) {
                String to = relative(module, e.path());
                if (to != null) {
                    edges.add(new Edge(crate + "|" + module + "::" + e.from(), crate + "|" + to));
                }
            }
        }
        List<Finding> out = new ArrayList<>();
        if (h.helpers.isEmpty() || !anyCall) {
            return out;
        }
        h.grow(edges);
        for (SourceFileAudit.Outcome o : results) {
            if (o.result().crateCalls().isEmpty() || testFiles.contains(o.rel())) {
                continue;
            }
            String crate = crateOf.apply(o.rel());
            String module = modulePath(crate, o.rel());
            for (FileAuditor.CrateCall call : o.result().crateCalls()) {
                String to = module == null ? call.path().startsWith("crate::") ? call.path() : null : relative(module, call.path());
                String helper = to == null ? null : h.lookup(crate + "|" + to, 0);
                if (helper != null) {
                    out.add(rules.finding(RULE, o.rel(), call.line(), call.column(), "`" + shown(crate + "|" + to)
                            + "()` (a fn of this crate that calls " + h.helpers.get(helper)
                            + ") blocks the executor thread in async code; use the async API or spawn_blocking"));
                }
            }
        }
        return out;
    }

    /** Helpers of helpers: a fn that calls a helper is one, {@value #DEPTH} rounds deep (a cycle adds nothing new). */
    private void grow(List<Edge> edges) {
        for (int round = 0; round < DEPTH; round++) {
            Map<String, String> found = new HashMap<>();
            for (Edge e : edges) {
                if (!helpers.containsKey(e.from()) && !found.containsKey(e.from()) && lookup(e.to(), 0) != null) {
                    found.put(e.from(), "`" + shown(e.to()) + "()`");
                }
            }
            if (found.isEmpty()) {
                return;
            }
            helpers.putAll(found);
        }
    }

    /** The helper a crate-qualified path names, itself or through its module's re-exports, or null. */
    private String lookup(String key, int depth) {
        if (helpers.containsKey(key)) {
            return key;
        }
        int cut = key.lastIndexOf("::");
        if (depth >= ALIAS_DEPTH || cut < 0) {
            return null;
        }
        String name = key.substring(cut + 2);
        for (Export x : exports.getOrDefault(key.substring(0, cut), List.of())) {
            String found = x.name().equals(name) ? lookup(x.target(), depth + 1)
                    : x.name().equals("*") ? lookup(x.target() + "::" + name, depth + 1) : null;
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String shown(String key) {
        return key.substring(key.indexOf('|') + 1);
    }

    /**
     * A path as a file of the module wrote it, made full: `crate::..` stays, `self::x` and `super::x` are placed
     * from the module, and a bare relative path (`frame::get` in `pub use frame::get`) is taken as a child module's.
     */
    static String relative(String module, String path) {
        if (path.startsWith("crate::")) {
            return path;
        }
        if (path.startsWith("self::")) {
            return module + path.substring(4);
        }
        String base = module;
        String p = path;
        while (p.startsWith("super::")) {
            int cut = base.lastIndexOf("::");
            if (cut < 0) {
                return null;
            }
            base = base.substring(0, cut);
            p = p.substring(7);
        }
        return base + "::" + p;
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
