package dev.rustengineer.upgrade;

/**
 * What `upgrade` does to one file of the project, and why.
 *
 * @param before the file as it is in the project now; null when it is not there
 * @param after what the file becomes; null when it is removed or left as it is
 * @param conflicts the regions of the file that need the user (conflict markers written, or the file kept)
 */
public record FileChange(String path, Action action, byte[] before, byte[] after, int conflicts) {

    public enum Action {
        /** New in the generator; the project did not have it. */
        ADDED("added", "new in this rust-engineer"),
        /** The user never changed it; it now reads as generated. */
        UPDATED("updated", "you had not changed it"),
        /** Both changed it, in different places; both changes are in. */
        MERGED("merged", "your changes and the generator's, in different places"),
        /** Both changed the same lines: git's conflict markers are written; resolve them. */
        CONFLICT("conflict", "both changed the same lines: resolve the conflict markers"),
        /** No longer generated, and the user never changed it. */
        REMOVED("removed", "no longer generated; you had not changed it"),
        /** The user deleted it: it stays deleted. */
        STAYS_DELETED("stays deleted", "you deleted it"),
        /** The user deleted it and the generator changed it since: it stays deleted, and the user may want a look. */
        STAYS_DELETED_CHANGED("stays deleted", "you deleted it; the generator has changed it since (unzip -p .rust-engineer/base.zip reads it after the upgrade)"),
        /** No longer generated, but the user changed it: kept. */
        KEPT_MODIFIED("kept", "no longer generated, but you changed it: delete it if you no longer need it"),
        /** A binary file both changed: the user's is kept. */
        KEPT_BINARY("kept", "a binary file both changed: yours is kept"),
        /** Cargo.lock both changed: the user's is kept; cargo brings it in line with the merged Cargo.toml. */
        KEPT_LOCK("kept", "you changed it too: yours is kept; cargo updates it to the merged Cargo.toml on the next build"),
        /** Cargo.lock as cargo resolved it while --verify built the upgraded project. */
        RESOLVED_LOCK("resolved", "as cargo resolved it while --verify built the upgraded project");

        private final String label;
        private final String why;

        Action(String label, String why) {
            this.label = label;
            this.why = why;
        }

        public String label() {
            return label;
        }

        public String why() {
            return why;
        }

        /** Whether the file needs the user's attention before the upgrade is done. */
        public boolean needsYou() {
            return this == CONFLICT || this == KEPT_MODIFIED || this == KEPT_BINARY;
        }
    }

    /** Whether applying the change writes the file. */
    public boolean writes() {
        return after != null;
    }

    /** Whether applying the change deletes the file. */
    public boolean deletes() {
        return action == Action.REMOVED;
    }
}
