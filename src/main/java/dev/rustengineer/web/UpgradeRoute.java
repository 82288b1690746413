package dev.rustengineer.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rustengineer.RustEngineer;
import dev.rustengineer.UsageException;
import dev.rustengineer.generate.ProjectRecord;
import dev.rustengineer.generate.ProjectWriter;
import dev.rustengineer.upgrade.BlueprintChange;
import dev.rustengineer.upgrade.FileChange;
import dev.rustengineer.upgrade.UpgradeOutcome;
import dev.rustengineer.upgrade.UpgradePlan;
import dev.rustengineer.upgrade.UpgradeRequest;
import dev.rustengineer.verify.ProgressListener;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * POST /api/upgrades: a generated project's archive (as /api/projects gave it, the user's edits in it) in; the
 * upgraded project's archive (base64, same layout) and the list of files that need the user out, or with
 * dry_run=true the plan and its unified diff. The archive is unpacked into a scratch folder that no response names.
 */
final class UpgradeRoute {
    private static final ObjectMapper JSON = new ObjectMapper();

    private UpgradeRoute() {}

    static void handle(Context ctx, RustEngineer re, RequestSchemas schemas, HeavyWork heavy, WebLimits limits,
            List<String> archiveTypes) throws Exception {
        String type = BriefBody.mediaType(ctx);
        if (!archiveTypes.contains(type)) {
            throw new ApiError(415, (type.isEmpty() ? "the request has no Content-Type" : "the body is " + type)
                    + "; send the project's archive as " + String.join(", ", archiveTypes),
                    List.of(new FieldProblem("Content-Type", "one of " + archiveTypes)));
        }
        var query = schemas.query("/api/upgrades", "post", ctx.queryParamMap());
        boolean dryRun = query.path("dry_run").asBoolean(false);
        var change = new BlueprintChange(list(query.path("with").asText("")), list(query.path("without").asText("")),
                query.hasNonNull("db") ? query.get("db").asText() : null,
                query.hasNonNull("db_layer") ? query.get("db_layer").asText() : null,
                query.hasNonNull("web") ? query.get("web").asText() : null);
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            throw new ApiError(400, "send the generated project's zip or .tar.gz as the body", List.of(new FieldProblem("body", "an archive")));
        }
        String result = heavy.run(() -> {
            Path dir = Files.createTempDirectory("rust-engineer-upgrade-");
            try {
                new ArchiveUnpacker(limits.maxArchiveEntries(), limits.maxUnpackedBytes()).unpack(body, dir);
                Path project = project(dir);
                UpgradeOutcome outcome;
                try {
                    outcome = re.upgrade(new UpgradeRequest(project, change, dryRun, true, null), ProgressListener.none());
                } catch (UsageException e) {
                    // The messages name the scratch folder; the client knows its archive by another name.
                    throw new ApiError(422, e.getMessage().replace(dir.toString(), "the archive"));
                }
                return json(outcome, project, dir.equals(project) ? "" : project.getFileName() + "/").toString();
            } finally {
                ProjectWriter.deleteTree(dir);
            }
        });
        ctx.contentType("application/json").result(result);
    }

    /** The project in the archive: at its root, or in its one top folder (as /api/projects packs it). */
    private static Path project(Path dir) throws Exception {
        if (Files.isRegularFile(dir.resolve(ProjectRecord.PATH))) {
            return dir;
        }
        try (Stream<Path> top = Files.list(dir)) {
            List<Path> folders = top.toList();
            if (folders.size() == 1 && Files.isRegularFile(folders.getFirst().resolve(ProjectRecord.PATH))) {
                return folders.getFirst();
            }
        }
        throw new ApiError(422, "the archive holds no generated project: " + ProjectRecord.PATH
                + " is neither at its root nor in its one top folder (send the zip /api/projects gave, with your edits)");
    }

    private static ObjectNode json(UpgradeOutcome outcome, Path project, String prefix) throws Exception {
        UpgradePlan plan = outcome.plan();
        ObjectNode json = JSON.createObjectNode();
        json.put("from_version", plan.from().generator()).put("to_version", plan.toVersion()).put("summary", plan.to().summary())
                .put("up_to_date", outcome instanceof UpgradeOutcome.UpToDate)
                .put("written", outcome instanceof UpgradeOutcome.Written);
        ArrayNode changes = json.putArray("changes");
        for (FileChange c : plan.changes()) {
            changes.addObject().put("path", c.path()).put("action", c.action().name().toLowerCase(Locale.ROOT))
                    .put("why", c.action().why()).put("conflicts", c.conflicts());
        }
        ArrayNode conflicts = json.putArray("conflicts");
        plan.conflicts().forEach(c -> conflicts.add(c.path()));
        if (outcome instanceof UpgradeOutcome.DryRun) {
            json.put("diff", plan.diff());
        } else {
            var bytes = new ByteArrayOutputStream();
            ProjectWriter.zipTree(project, prefix, bytes);
            json.put("archive", Base64.getEncoder().encodeToString(bytes.toByteArray()));
        }
        return json;
    }

    private static List<String> list(String csv) {
        return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
