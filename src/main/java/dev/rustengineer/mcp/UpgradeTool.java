package dev.rustengineer.mcp;

import dev.rustengineer.RustEngineer;
import dev.rustengineer.upgrade.BlueprintChange;
import dev.rustengineer.upgrade.FileChange;
import dev.rustengineer.upgrade.UpgradeOutcome;
import dev.rustengineer.upgrade.UpgradePlan;
import dev.rustengineer.upgrade.UpgradeRequest;
import dev.rustengineer.verify.ProgressListener;
import dev.rustengineer.verify.VerifyOptions;
import dev.rustengineer.verify.VerifyStep;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The MCP `upgrade` tool: `rust-engineer upgrade` on a project inside the server's root, a dry run unless the
 * client says dry_run=false. Kept apart from McpServerRunner, which only registers it.
 */
final class UpgradeTool {
    static final String DESCRIPTION = "Carry a project that new_project generated forward to this rust-engineer: regenerate its "
            + "recorded choices (.rust-engineer/project.toml) and merge the difference into the files three ways against the "
            + "files as generated then (.rust-engineer/base.zip). Files never changed are updated, the user's changes are kept, "
            + "Cargo.toml is merged by key, and where both changed the same lines git's conflict markers are written and "
            + "listed. A dry run by default (dry_run=false writes, all or nothing); with/without/db/db_layer/web change a recorded "
            + "choice through the same merge; verify=true proves the upgraded project with cargo on a copy before writing. "
            + "A project with uncommitted git changes is refused unless allow_dirty=true. isError=true when verify did not pass.";
    /** At most this much unified diff goes into the text of a dry run (the structured content has all of it). */
    private static final int DIFF_IN_TEXT = 20_000;

    private UpgradeTool() {}

    static Map<String, Object> properties(Map<String, List<String>> choices) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("path", Map.of("type", "string", "description", "The generated project's directory, relative to the server's root."));
        p.put("dry_run", Map.of("type", "boolean", "description", "Only show the plan and the unified diff (default true)."));
        p.put("allow_dirty", Map.of("type", "boolean", "description", "Upgrade even with uncommitted git changes (default false)."));
        p.put("with", Map.of("type", "array", "items", Map.of("type", "string", "enum", choices.get("with")),
                "description", "Optional features to switch on."));
        p.put("without", Map.of("type", "array", "items", Map.of("type", "string", "enum", choices.get("with")),
                "description", "Optional features to switch off."));
        p.put("db", Map.of("type", "string", "enum", choices.get("db"), "description", "Switch the database engine."));
        p.put("db_layer", Map.of("type", "string", "enum", choices.get("db_layer"), "description", "Switch the database layer."));
        p.put("web", Map.of("type", "string", "enum", choices.get("web"),
                "description", "Switch a service's web framework (another template set of the same kind)."));
        p.put("verify", Map.of("type", "boolean", "description", "Prove the upgraded project with cargo before writing (default false)."));
        return p;
    }

    @SuppressWarnings("unchecked")
    static CallToolResult call(RustEngineer re, Path root, Path project, Map<String, Object> args, Duration timeLimit,
            VerifyProgress.Progress progress) {
        boolean dryRun = !Boolean.FALSE.equals(args.get("dry_run"));
        boolean verify = Boolean.TRUE.equals(args.get("verify"));
        List<String> with = args.get("with") instanceof List<?> l ? (List<String>) l : List.of();
        List<String> without = args.get("without") instanceof List<?> l ? (List<String>) l : List.of();
        var change = new BlueprintChange(with, without, (String) args.get("db"), (String) args.get("db_layer"),
                (String) args.get("web"));
        List<VerifyStep> steps = List.of(VerifyStep.values());
        ProgressListener listener = verify ? new VerifyProgress(progress, steps.size()) : ProgressListener.none();
        var request = new UpgradeRequest(project, change, dryRun, Boolean.TRUE.equals(args.get("allow_dirty")),
                verify ? new VerifyOptions(steps, timeLimit, null) : null);
        UpgradeOutcome outcome = re.upgrade(request, listener);
        UpgradePlan plan = outcome.plan();
        String where = root.relativize(plan.dir()).toString();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("location", where.isEmpty() ? "." : where);
        json.put("from_version", plan.from().generator());
        json.put("to_version", plan.toVersion());
        json.put("summary", plan.to().summary());
        json.put("up_to_date", outcome instanceof UpgradeOutcome.UpToDate);
        json.put("written", outcome instanceof UpgradeOutcome.Written);
        List<Map<String, Object>> changes = new ArrayList<>();
        for (FileChange c : plan.changes()) {
            changes.add(Map.of("path", c.path(), "action", c.action().name().toLowerCase(Locale.ROOT),
                    "why", c.action().why(), "conflicts", c.conflicts()));
        }
        json.put("changes", changes);
        json.put("conflicts", plan.conflicts().stream().map(FileChange::path).toList());
        StringBuilder text = new StringBuilder();
        switch (outcome) {
            case UpgradeOutcome.UpToDate u -> text.append(where).append(" is up to date with rust-engineer ").append(plan.toVersion())
                    .append(": nothing to do.");
            case UpgradeOutcome.DryRun d -> {
                String diff = plan.diff();
                json.put("diff", diff);
                text.append(planText(plan)).append("\nDry run: nothing written; call again with dry_run=false to write it.\n")
                        .append(diff.length() > DIFF_IN_TEXT ? diff.substring(0, DIFF_IN_TEXT) + "\n... (the whole diff is in structured content)" : diff);
            }
            case UpgradeOutcome.NotWritten n -> {
                json.put("reason", n.reason());
                text.append(planText(plan)).append("\nNothing was written: ").append(n.reason()).append('.');
            }
            case UpgradeOutcome.Written w -> {
                text.append(planText(plan)).append("\nUpgraded ").append(where).append(w.proof() != null ? ", proven with cargo." : ".");
                if (!plan.conflicts().isEmpty()) {
                    text.append(" Resolve the conflict markers in: ").append(String.join(", ", plan.conflicts().stream().map(FileChange::path).toList()));
                }
            }
        }
        return CallToolResult.builder().isError(outcome instanceof UpgradeOutcome.NotWritten).addTextContent(text.toString())
                .structuredContent(json).build();
    }

    private static String planText(UpgradePlan plan) {
        StringBuilder sb = new StringBuilder("Upgrading to rust-engineer " + plan.toVersion() + " (from " + plan.from().generator()
                + "): " + plan.to().summary());
        plan.changes().forEach(c -> sb.append("\n").append(c.action().label()).append(" ").append(c.path()).append(": ").append(c.action().why()));
        return sb.toString();
    }
}
