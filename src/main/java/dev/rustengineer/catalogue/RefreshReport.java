package dev.rustengineer.catalogue;

import dev.rustengineer.generate.Combination;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What `catalogue refresh` did in the repository (or, in a dry run, would do).
 *
 * @param catalogue the catalogue file, relative to the repository's root
 * @param versions the crates whose pinned version moves, to their new version (empty when none moves)
 * @param checked the date the catalogue records as {@code checked}, null when no version moves
 * @param combinations every offered combination, with what the new versions change in its generated files
 * @param staleLocks the recorded locks the new versions leave unsatisfied
 * @param recordedLocks the combinations whose stale lock was recorded again with cargo (with --locks)
 * @param written whether anything was written (false in a dry run)
 */
public record RefreshReport(String catalogue, List<Proposal> proposals, Map<String, String> versions, String checked,
        List<CombinationChange> combinations, List<StaleLock> staleLocks, List<String> recordedLocks, boolean written) {
    public RefreshReport {
        proposals = List.copyOf(proposals);
        versions = Map.copyOf(versions);
        combinations = List.copyOf(combinations);
        staleLocks = List.copyOf(staleLocks);
        recordedLocks = List.copyOf(recordedLocks);
    }

    /**
     * One combination's outcome.
     *
     * @param changedFiles the generated files (the project's record aside) that read differently with the new
     *     versions: non-empty means the combination builds something else now and must be proven again
     * @param golden the golden file's path in the repository
     * @param goldenRewritten whether the golden file differed from the new rendering (and so was rewritten)
     */
    public record CombinationChange(Combination combination, List<String> changedFiles, String golden, boolean goldenRewritten) {
        public CombinationChange {
            changedFiles = List.copyOf(changedFiles);
        }

        public String id() {
            return combination.id();
        }

        public String set() {
            return combination.offer().set();
        }
    }

    /** The combinations to prove again: those a new version changes the files or the recorded lock of. */
    public List<Combination> toProve() {
        Set<String> stale = staleLocks.stream().map(StaleLock::combination).collect(Collectors.toSet());
        return combinations.stream().filter(c -> !c.changedFiles().isEmpty() || stale.contains(c.id()))
                .map(CombinationChange::combination).toList();
    }

    /** The template sets to prove again: those a new version changes the files or the recorded lock of. */
    public List<String> setsToProve() {
        return List.copyOf(toProve().stream().map(c -> c.offer().set()).collect(Collectors.toCollection(TreeSet::new)));
    }

    public List<String> goldensRewritten() {
        return combinations.stream().filter(CombinationChange::goldenRewritten).map(CombinationChange::golden).toList();
    }
}
