package dev.rustengineer.catalogue;

import java.util.List;

/**
 * What `catalogue refresh` proposes for one pinned crate.
 *
 * @param proposed the newest release that is not yanked, not a pre-release and builds on the catalogue's MSRV;
 *     the pinned version when there is none newer
 * @param heldBack the newest release that needs a newer Rust than the MSRV, and that Rust; null when none is newer
 * @param sets the template sets that declare the crate (those to prove again when it changes)
 */
public record Proposal(String crate, String pinned, String proposed, Change change, String heldBack, List<String> sets) {
    public Proposal {
        sets = List.copyOf(sets);
    }

    public enum Change {
        /** Already the newest. */
        NONE,
        /** Within cargo's caret range of the pinned version: no template should need a change. */
        COMPATIBLE,
        /** Outside it (a new major, or a new minor of a 0.x crate): the templates may need changes. */
        BREAKING
    }
}
