package dev.rustengineer.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The crate-wide half of query-in-loop: a call inside a loop over items, by its `crate::` path, of a fn that another
 * file of the same crate defines at the top of its module and whose body runs a query (`crate::room::timeline::get_pdu(&id)`
 * where `src/room/timeline.rs` has `pub fn get_pdu(..)` running diesel on a connection it checks out itself). Each
 * file says what it has and what it calls ({@code CrossFileCalls}, cached with its findings); the two are matched
 * here once every file was read. Module paths are read as for blocking helpers ({@link CrateBlockingHelpers#modulePath}),
 * and a call also reaches a fn of a module below the one it names (`crate::room::state::ensure_field_id` for
 * `src/room/state/field.rs`): a module that declares `mod field; pub use field::*;` re-exports its children's fns.
 */
final class CrateQueryHelpers {
    static final String RULE = "query-in-loop";

    private CrateQueryHelpers() {}

    /**
     * @param crateOf the crate directory of a file (relative to the audited root)
     * @param testFiles files that are test code because a test module declares them
     */
    static List<Finding> findings(AuditRules rules, List<SourceFileAudit.Outcome> results, Function<String, String> crateOf,
            Set<String> testFiles) {
        Set<String> exact = new HashSet<>();
        Map<String, List<String>> modulesByName = new HashMap<>();
        for (SourceFileAudit.Outcome o : results) {
            if (o.result().queryHelpers().isEmpty() || testFiles.contains(o.rel())) {
                continue;
            }
            String crate = crateOf.apply(o.rel());
            String module = CrateBlockingHelpers.modulePath(crate, o.rel());
            if (module != null) {
                for (String name : o.result().queryHelpers()) {
                    exact.add(crate + "|" + module + "::" + name);
                    modulesByName.computeIfAbsent(crate + "|" + name, k -> new ArrayList<>()).add(module);
                }
            }
        }
        List<Finding> out = new ArrayList<>();
        if (exact.isEmpty()) {
            return out;
        }
        for (SourceFileAudit.Outcome o : results) {
            if (o.result().queryLoopCalls().isEmpty() || testFiles.contains(o.rel())) {
                continue;
            }
            String crate = crateOf.apply(o.rel());
            for (FileAuditor.CrateCall call : o.result().queryLoopCalls()) {
                if (runsQuery(exact, modulesByName, crate, call.path())) {
                    out.add(rules.finding(RULE, o.rel(), call.line(), call.column(), "`" + call.path()
                            + "()` (a fn of this crate that runs a query) inside a loop: one query per iteration (N+1)"));
                }
            }
        }
        return out;
    }

    private static boolean runsQuery(Set<String> exact, Map<String, List<String>> modulesByName, String crate, String path) {
        if (exact.contains(crate + "|" + path)) {
            return true;
        }
        int cut = path.lastIndexOf("::");
        if (cut < 0) {
            return false;
        }
        String module = path.substring(0, cut);
        List<String> defining = modulesByName.get(crate + "|" + path.substring(cut + 2));
        return defining != null && defining.stream().anyMatch(m -> m.startsWith(module + "::"));
    }
}
