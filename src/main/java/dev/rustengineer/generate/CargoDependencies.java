package dev.rustengineer.generate;

import dev.rustengineer.knowledge.CrateCatalogue;
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
        for (TemplateManifest.CrateUse u : uses) {
            if (!u.table().equals(table) || !active.test(u)) {
                continue;
            }
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
}
