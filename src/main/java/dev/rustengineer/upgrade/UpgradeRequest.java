package dev.rustengineer.upgrade;

import dev.rustengineer.verify.VerifyOptions;
import java.nio.file.Path;

/**
 * One `upgrade` as any door asks for it.
 *
 * @param change recorded choices to change on the way (none: regenerate the recorded blueprint)
 * @param dryRun compute and show the plan, write nothing
 * @param allowDirty upgrade even when the project's git work tree has uncommitted changes
 * @param verify prove the upgraded project with cargo (on a copy) before writing it; null to skip
 */
public record UpgradeRequest(Path dir, BlueprintChange change, boolean dryRun, boolean allowDirty, VerifyOptions verify) {
    public UpgradeRequest {
        change = change == null ? BlueprintChange.none() : change;
    }
}
