package dev.rustengineer.generate;

import dev.rustengineer.knowledge.CrateCatalogue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Writes a Cargo.toml dependency table from a manifest's crate list and the catalogue's pinned versions, so the
 * versions and features live in one place and no template can drift from them. Hand-written rather than through a
 * TOML library: the lines are inline tables of strings, and the layout (one line per crate, comments above) is
 * what a person writes.
 */
final class CargoDependencies {
    private CargoDependencies() {}

    /**
     * @param active whether a crate use's condition holds for the blueprint
     * @param render renders a feature name (a template such as "{{db_feature}}")
     */
    static String table(String table, List<TemplateManifest.CrateUse> uses, Map<String, CrateCatalogue.Crate> catalogue,
            Predicate<TemplateManifest.CrateUse> active, UnaryOperator<String> render) {
        StringBuilder sb = new StringBuilder();
        for (TemplateManifest.CrateUse u : merged(table, uses, active)) {
            if (u.comment() != null) {
                u.comment().lines().forEach(l -> sb.append("# ").append(l).append('\n'));
            }
            String version = catalogue.get(u.name()).version();
            List<String> features = u.features().stream().map(render).toList();
            if (features.isEmpty() && u.defaultFeatures() && !u.optional()) {
                sb.append(u.name()).append(" = \"").append(version).append("\"\n");
                continue;
            }
            sb.append(u.name()).append(" = { version = \"").append(version).append('"');
            if (!u.defaultFeatures()) {
                sb.append(", default-features = false");
            }
            if (!features.isEmpty()) {
                sb.append(", features = [").append(String.join(", ", features.stream().map(f -> '"' + f + '"').toList())).append(']');
            }
            if (u.optional()) {
                sb.append(", optional = true");
            }
            sb.append(" }\n");
        }
        return sb.toString().stripTrailing();
    }

    /**
     * The active uses of one table, a crate's later entries folded into its first: a later entry (such as axum's
     * `ws` when websocket is on) adds its features and comment; TemplateManifest allows it nothing else.
     */
    static List<TemplateManifest.CrateUse> merged(String table, List<TemplateManifest.CrateUse> uses,
            Predicate<TemplateManifest.CrateUse> active) {
        Map<String, TemplateManifest.CrateUse> byName = new LinkedHashMap<>();
        for (TemplateManifest.CrateUse u : uses) {
            if (!u.table().equals(table) || !active.test(u)) {
                continue;
            }
            byName.merge(u.name(), u, (first, later) -> {
                List<String> features = new ArrayList<>(first.features());
                later.features().stream().filter(f -> !features.contains(f)).forEach(features::add);
                String comment = first.comment() == null ? later.comment()
                        : later.comment() == null ? first.comment() : first.comment() + "\n" + later.comment();
                return new TemplateManifest.CrateUse(first.name(), first.table(), List.copyOf(features), first.defaultFeatures(),
                        first.optional(), first.when(), comment);
            });
        }
        return List.copyOf(byName.values());
    }
}
