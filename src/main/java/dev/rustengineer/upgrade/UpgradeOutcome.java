package dev.rustengineer.upgrade;

import dev.rustengineer.verify.VerificationReport;

/** What `upgrade` did with its plan. */
public sealed interface UpgradeOutcome {
    UpgradePlan plan();

    /** The generator makes of the recorded choices what the project already has: nothing to do. */
    record UpToDate(UpgradePlan plan) implements UpgradeOutcome {}

    /** --dry-run: the plan, nothing written. */
    record DryRun(UpgradePlan plan) implements UpgradeOutcome {}

    /** The plan was applied (conflicts, if any, are in the files with markers); {@code proof} is null without --verify. */
    record Written(UpgradePlan plan, VerificationReport proof) implements UpgradeOutcome {}

    /** --verify could not prove the upgraded project, so nothing was written; {@code proof} is null when it did not run. */
    record NotWritten(UpgradePlan plan, String reason, VerificationReport proof) implements UpgradeOutcome {}
}
